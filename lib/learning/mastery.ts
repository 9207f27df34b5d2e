// Mastery in levels a learner understands, from first attempts (what you knew when you met it) and review
// retention (what you kept). Pure.

const MASTERY_LEVELS = ['not-started', 'attempted', 'familiar', 'proficient', 'mastered'] as const;
export type MasteryLevel = (typeof MASTERY_LEVELS)[number];

// Mastery is about the answers, not about reading: the words must not contradict a chapter marked finished
// ("Chapter finished" beside "Not started" or "Attempted" read as two opposite claims).
export const MASTERY_TEXT: Record<MasteryLevel, string> = {
  'not-started': 'No answers yet',
  attempted: 'Learning',
  familiar: 'Familiar',
  proficient: 'Proficient',
  mastered: 'Mastered',
};

export const MASTERY_HELP: Record<MasteryLevel, string> = {
  'not-started': 'No questions answered yet.',
  attempted: 'Some questions answered; keep going.',
  familiar: 'Half or more answered, mostly right the first time.',
  proficient: 'Most answered and right the first time, and reviews show it is sticking.',
  mastered: 'Everything answered, nearly all right, and remembered across reviews spaced over a week or more.',
};

export interface MasteryInput {
  items: number; // questions available in the group
  firstAttempts: number; // distinct items answered
  firstCorrect: number; // of those, right the first time
  reviews: number; // reviews after the first answer
  reviewsCorrect: number;
  meanStabilityDays: number; // FSRS stability of the group's cards (how long memory lasts)
}

export function masteryLevel(m: MasteryInput): MasteryLevel {
  if (m.firstAttempts === 0) return 'not-started';
  const coverage = m.items > 0 ? m.firstAttempts / m.items : 1;
  const accuracy = m.firstCorrect / m.firstAttempts;
  const retention = m.reviews > 0 ? m.reviewsCorrect / m.reviews : 0;
  if (coverage >= 1 && accuracy >= 0.8 && m.reviews >= 5 && retention >= 0.85 && m.meanStabilityDays >= 7) return 'mastered';
  if (coverage >= 0.8 && accuracy >= 0.7 && m.reviews >= 3 && retention >= 0.7) return 'proficient';
  if (coverage >= 0.5 && accuracy >= 0.5) return 'familiar';
  return 'attempted';
}

/** Share of the way to mastery, 0..1, for a progress bar (the level is the message; this only draws it). */
export function masteryProgress(level: MasteryLevel): number {
  return MASTERY_LEVELS.indexOf(level) / (MASTERY_LEVELS.length - 1);
}
