// The scenario schema, shared by the built-in bank (content/scenarios/*.yaml), imported sets and stored sets. Pure:
// zod only, no I/O, so the browser, the import parser and the content check all use the same rules.
import { z } from './zod';
import { FAILURE_MODES, isLabel, type Label } from './failure-modes';
import { AXIS_AS_QUESTION } from './taxonomy-axes';

export { FAILURE_MODES };
export type { Label };

export const DOMAINS = ['rl-agents', 'llm-assistants', 'recommenders', 'robotics', 'medical-imaging', 'driving', 'games', 'other'] as const;
export const DIFFICULTIES = ['intro', 'core', 'advanced'] as const;
export const CHAPTER_SLUGS = [
  'introduction',
  'learning-dynamics',
  'goal-directedness',
  'multi-objective-generalization',
  'scheming',
  'detection',
  'mitigations',
] as const;

/**
 * The three diagnostic questions. Each asks about evidence in the story, never about a label's definition:
 * - training: did the unwanted behaviour already pay off while the system was trained? (yes: specification gaming)
 * - shift: does the failure appear in conditions that differ from training?
 * - competence: where it goes wrong, does the system still act skilfully toward some goal? (no: capability failure)
 */
export const QUESTIONS = ['training', 'shift', 'competence'] as const;
export type Question = (typeof QUESTIONS)[number];
export type QuestionAnswer = 'yes' | 'no';
/** `either`: the question is not decisive here (a contested case's readings differ on it), so any answer counts. */
export type AuthoredAnswer = QuestionAnswer | 'either';

export const QUESTION_TEXT: Record<Question, string> = {
  training: 'During training, did the unwanted behaviour already pay off?',
  shift: 'Does the failure appear in conditions that differ from training?',
  competence: 'Where it goes wrong, does the system still act skilfully toward some goal?',
};

/** Short names for tables and summaries. */
export const QUESTION_SHORT: Record<Question, string> = {
  training: 'What paid off in training',
  shift: 'Whether the situation changed',
  competence: 'Whether it still acted skilfully',
};

export const ANSWER_TEXT: Record<Question, Record<QuestionAnswer, string>> = {
  training: {
    yes: 'Yes: it already earned reward or approval during training',
    no: 'No: during training, what paid off was what the designers wanted',
  },
  shift: {
    yes: 'Yes: something about the situation is new',
    no: 'No: it happens in the conditions it was trained in',
  },
  competence: {
    yes: 'Yes: its actions are skilful and hang together',
    no: 'No: its actions fall apart there',
  },
};

/** What each failure mode requires of the three answers (`undefined`: either answer fits). */
export const ANSWERS_FOR: Record<Label, Partial<Record<Question, QuestionAnswer>>> = {
  'specification-gaming': { training: 'yes', competence: 'yes' },
  'goal-misgeneralization': { training: 'no', shift: 'yes', competence: 'yes' },
  'capability-failure': { training: 'no', competence: 'no' },
};

/** Whether authored answers (with `either` as a wildcard) fit a failure mode. */
export function answersFit(label: Label, answers: Partial<Record<Question, AuthoredAnswer>>): boolean {
  const need = ANSWERS_FOR[label];
  return QUESTIONS.every((q) => need[q] === undefined || answers[q] === undefined || answers[q] === 'either' || answers[q] === need[q]);
}

/** The failure mode a learner's own three answers point to, or null when they fit none (or more than one). */
export function labelFromAnswers(answers: Record<Question, QuestionAnswer>): Label | null {
  const fits = FAILURE_MODES.filter((l) => answersFit(l, answers));
  return fits.length === 1 ? fits[0]! : null;
}

const labelSchema = z.enum(FAILURE_MODES, { error: `must be one of ${FAILURE_MODES.join(', ')}` });
const text = (min: number, max: number) =>
  z.string({ error: 'is missing' }).trim().min(min, `must be at least ${min} characters`).max(max, `must be at most ${max} characters`);

// Words that decide the case for the learner; a description or title must not contain them.
export const GIVEAWAY = /\b(proxy|loophole|exploit\w*|misgenerali[sz]\w*|gaming|gamed|hack\w*|wrong goal|specification)\b/i;
const noGiveaway = (t: string) => !GIVEAWAY.test(t);
const GIVEAWAY_MESSAGE = 'gives the answer away (uses a word like proxy, loophole, gaming)';

const questionSchema = z.object({
  answer: z.enum(['yes', 'no', 'either'], { error: 'must be yes, no or either' }),
  evidence: z.array(text(8, 600)).max(4, 'at most 4 evidence sentences').default([]),
  note: text(10, 600).optional(),
});

/**
 * Sets stored before the questions were redesigned carry `axes` (signal/capability/goal) instead of `questions`.
 * They are read as: a wrong signal means the behaviour paid off in training; failed capability means no skill;
 * whether the situation changed was never recorded, so it is not graded.
 */
function upgradeLegacy(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const r = raw as Record<string, unknown>;
  if (r.questions !== undefined || r.axes === undefined) return raw;
  const axes = (r.axes ?? {}) as Record<string, unknown>;
  const notes = (r.axisNotes ?? {}) as Record<string, unknown>;
  const read = (axis: keyof typeof AXIS_AS_QUESTION) => {
    const { yes, no } = AXIS_AS_QUESTION[axis];
    const v = axes[axis];
    return { answer: v === yes ? 'yes' : v === no ? 'no' : v, ...(notes[axis] ? { note: notes[axis] } : {}) };
  };
  const { axes: _a, axisNotes: _n, ...rest } = r;
  return { ...rest, questions: { training: read('signal'), shift: { answer: 'either' }, competence: read('capability') } };
}

const baseScenario = z.object({
  id: z
    .string({ error: 'is missing' })
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, -)')
    .max(120),
  family: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, -)')
    .max(120)
    .optional(),
  title: text(5, 120).refine(noGiveaway, GIVEAWAY_MESSAGE),
  // Any short text for an imported set ("facilities", "kitchen robots"); the built-in bank uses DOMAINS (checked below).
  domain: z.string({ error: 'is missing' }).trim().min(1, 'is missing').max(40, 'must be at most 40 characters'),
  description: text(40, 1200).refine(noGiveaway, GIVEAWAY_MESSAGE),
  label: labelSchema,
  questions: z.object({ training: questionSchema, shift: questionSchema, competence: questionSchema }, { error: 'is missing' }),
  goalPursued: text(3, 200),
  rationale: text(40, 2000),
  source: z.discriminatedUnion(
    'kind',
    [z.object({ kind: z.literal('paper'), ref: z.string().min(2) }), z.object({ kind: z.literal('constructed') })],
    {
      error: 'kind must be paper (with a ref) or constructed',
    },
  ),
  difficulty: z.enum(DIFFICULTIES, { error: `must be one of ${DIFFICULTIES.join(', ')}` }),
  // Optional for an imported set: without one, the feedback shows no "Taught in" link. The bank requires it (below).
  chapter: z.enum(CHAPTER_SLUGS, { error: `must be one of ${CHAPTER_SLUGS.join(', ')}` }).optional(),
  contested: z.boolean().optional(),
  acceptable: z.array(labelSchema).optional(),
  arguments: z.partialRecord(labelSchema, text(20, 1200)).optional(),
});

type BaseScenario = z.infer<typeof baseScenario>;

function checkScenario(s: BaseScenario, ctx: z.RefinementCtx, strict: boolean) {
  const answers = Object.fromEntries(QUESTIONS.map((q) => [q, s.questions[q].answer])) as Record<Question, AuthoredAnswer>;
  const need = ANSWERS_FOR[s.label];
  for (const q of QUESTIONS) {
    const a = answers[q];
    if (a === 'either') {
      if (strict && !s.contested)
        ctx.addIssue({ code: 'custom', path: ['questions', q, 'answer'], message: '"either" is only for contested cases' });
    } else if (need[q] !== undefined && a !== need[q]) {
      ctx.addIssue({ code: 'custom', path: ['questions', q, 'answer'], message: `a ${s.label} case answers "${need[q]}" here` });
    }
    for (const [i, sentence] of s.questions[q].evidence.entries())
      if (!s.description.includes(sentence))
        ctx.addIssue({
          code: 'custom',
          path: ['questions', q, 'evidence', i],
          message: `is not a sentence of the description: "${sentence.slice(0, 60)}…"`,
        });
    if (strict) {
      if (s.questions[q].evidence.length === 0)
        ctx.addIssue({
          code: 'custom',
          path: ['questions', q, 'evidence'],
          message: 'name at least one sentence of the description as evidence',
        });
      if (!s.questions[q].note) ctx.addIssue({ code: 'custom', path: ['questions', q, 'note'], message: 'explain the answer in a note' });
    }
  }
  if (s.contested) {
    if (!s.acceptable || s.acceptable.length < 2 || !s.acceptable.includes(s.label))
      ctx.addIssue({
        code: 'custom',
        path: ['acceptable'],
        message: 'a contested case lists at least two acceptable labels, including its label',
      });
    for (const l of s.acceptable ?? []) {
      if (!s.arguments?.[l])
        ctx.addIssue({ code: 'custom', path: ['arguments', l], message: `a contested case argues the case for "${l}"` });
      if (l !== s.label && !answersFit(l, answers))
        ctx.addIssue({
          code: 'custom',
          path: ['questions'],
          message: `the answers rule out "${l}"; answer "either" where the readings differ`,
        });
    }
  } else if (s.acceptable || s.arguments) {
    ctx.addIssue({
      code: 'custom',
      path: ['contested'],
      message: 'acceptable and arguments are only for contested cases (set contested: true)',
    });
  }
  if (strict && !(DOMAINS as readonly string[]).includes(s.domain))
    ctx.addIssue({ code: 'custom', path: ['domain'], message: `must be one of ${DOMAINS.join(', ')}` });
  if (strict && !s.chapter) ctx.addIssue({ code: 'custom', path: ['chapter'], message: `must be one of ${CHAPTER_SLUGS.join(', ')}` });
  if (strict && !s.family) ctx.addIssue({ code: 'custom', path: ['family'], message: 'name the contrast family this scenario belongs to' });
}

/**
 * The answers a label fixes, for a row that gives none: each question the label decides gets its answer, the rest
 * `either`. A contested row gets an answer only where every acceptable label agrees.
 */
export function answersFromLabel(labels: readonly Label[]): Record<Question, AuthoredAnswer> {
  return Object.fromEntries(
    QUESTIONS.map((q) => {
      const fixed = new Set(labels.map((l) => ANSWERS_FOR[l][q] ?? 'either'));
      return [q, fixed.size === 1 ? [...fixed][0]! : 'either'];
    }),
  ) as Record<Question, AuthoredAnswer>;
}

/**
 * An imported row with no answer to any of the three questions gets the answers its label fixes (answersFromLabel);
 * a row with no difficulty is "core". Rows that answer some questions are left as they are, so a gap is reported.
 */
function fillImported(raw: unknown): unknown {
  const upgraded = upgradeLegacy(raw);
  if (!upgraded || typeof upgraded !== 'object' || Array.isArray(upgraded)) return upgraded;
  const r = { ...(upgraded as Record<string, unknown>) };
  if (r.difficulty === undefined || r.difficulty === null || r.difficulty === '') r.difficulty = 'core';
  const questions = (r.questions && typeof r.questions === 'object' ? r.questions : {}) as Record<string, { answer?: unknown } | undefined>;
  const noAnswers = QUESTIONS.every(
    (q) => questions[q]?.answer === undefined || questions[q]?.answer === null || questions[q]?.answer === '',
  );
  if (noAnswers && isLabel(r.label)) {
    const labels = r.contested === true && Array.isArray(r.acceptable) ? [r.label, ...r.acceptable.filter(isLabel)] : [r.label];
    const derived = answersFromLabel(labels);
    r.questions = Object.fromEntries(QUESTIONS.map((q) => [q, { evidence: [], ...(questions[q] ?? {}), answer: derived[q] }]));
  }
  return r;
}

/**
 * A scenario of an imported or stored set: evidence and notes are optional (feedback then shows what there is), the
 * domain is any short text, the chapter may be left out, and the questions' answers are derived from the label when
 * the row gives none.
 */
export const scenarioSchema = z.preprocess(
  fillImported,
  baseScenario.superRefine((s, ctx) => checkScenario(s, ctx, false)),
);
/** A scenario of the built-in bank: every question has evidence and a note, and the case belongs to a family. */
export const bankScenarioSchema = z.preprocess(
  upgradeLegacy,
  baseScenario.superRefine((s, ctx) => checkScenario(s, ctx, true)),
);

export type Scenario = z.infer<typeof baseScenario>;

/** Reads scenarios stored as JSON (a set saved by any earlier version), upgrading old shapes; unreadable items are dropped. */
export function readStoredScenarios(json: string): Scenario[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  return data.flatMap((raw) => {
    const r = scenarioSchema.safeParse(raw);
    return r.success ? [r.data] : [];
  });
}

/**
 * A scenario as the page has it before the learner answers: what the learner reads, nothing that decides the case.
 * The label, the questions' answers, evidence and notes, the rationale and the source come back from the server
 * with the grade.
 */
export interface PublicScenario {
  id: string;
  title: string;
  description: string;
  domain: string;
  difficulty: Scenario['difficulty'];
  chapter?: Scenario['chapter'];
  family?: string;
}

export function publicScenario(s: Scenario): PublicScenario {
  return {
    id: s.id,
    title: s.title,
    description: s.description,
    domain: s.domain,
    difficulty: s.difficulty,
    ...(s.chapter ? { chapter: s.chapter } : {}),
    ...(s.family ? { family: s.family } : {}),
  };
}
