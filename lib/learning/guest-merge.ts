// Re-grading what a guest's browser sends when they bring their progress into an account. The browser's own verdict
// ("correct": true) and its clock are whatever the sender wants them to be, so neither is used: each answer is graded
// again from the choices it records, and its time is put inside the period the server can speak for. Pure: the
// question or scenario and the clock are arguments.
import { z } from './zod';
import { answerProblem, gradeQuiz, type GradableQuiz } from './grading';
import { gradeDrill, type ScenarioTruth } from './classify';
import { FAILURE_MODES, type Label, type Question, type QuestionAnswer } from './scenario-schema';

export interface MergeClock {
  /** When the account was created: nothing merged is dated earlier. */
  accountCreatedAt: Date;
  /** The server's now: nothing merged is dated later. */
  now: Date;
}

/**
 * A guest's time, clamped to [account created, now]. The answers did happen before the account, but the server
 * witnessed none of them: dated as sent they would write a history nobody saw (a streak of backdated study days,
 * reviews spaced over months to push cards far out). Callers sort by the sent times first, so the order survives.
 */
export function clampMergedTime(at: Date, clock: MergeClock): Date {
  const t = Math.min(Math.max(at.getTime(), clock.accountCreatedAt.getTime()), clock.now.getTime());
  return new Date(t);
}

export interface Regraded {
  correct: boolean;
  /** The response as it will be stored: only the recorded choices and what the server derived from them. */
  response: unknown;
}

const quizResponse = z.object({ selected: z.array(z.number().int().min(0).max(9)).min(1).max(10) });

/** A quiz answer graded from its selected options; null when it records no gradable choice. */
export function regradeQuizResponse(quiz: GradableQuiz, response: unknown): Regraded | null {
  const parsed = quizResponse.safeParse(response);
  if (!parsed.success || answerProblem(quiz, parsed.data.selected)) return null;
  const selected = [...new Set(parsed.data.selected)].sort((a, b) => a - b);
  return { correct: gradeQuiz(quiz, selected), response: { selected } };
}

const yesNo = z.enum(['yes', 'no']);
const drillResponse = z.object({
  label: z.enum(FAILURE_MODES),
  answers: z.object({ training: yesNo, shift: yesNo, competence: yesNo }).optional(),
});

/**
 * A drill answer graded from its label and its three answers, the way the drill grades it (gradeDrill). Responses
 * stored by the drill before it asked the three questions carry only a label: that can show the label was right but
 * not why, so they count as not understood (the drill's rule: a right label for an unknown reason is not right).
 */
export function regradeDrillResponse(truth: ScenarioTruth, response: unknown): Regraded | null {
  const parsed = drillResponse.safeParse(response);
  if (!parsed.success) return null;
  const label: Label = parsed.data.label;
  const answers = parsed.data.answers as Record<Question, QuestionAnswer> | undefined;
  if (!answers) return { correct: false, response: { label, truth: truth.label } };
  const r = gradeDrill(truth, { label, answers });
  return { correct: r.correct, response: { label, answers, wrong: r.wrongQuestions, truth: truth.label } };
}
