'use server';
import { z } from 'zod';
import { now } from '../clock';
import { getQuiz } from '../content/course';
import { getScenario } from '../content/bank';
import { reviewItemFor } from '../content/review-items';
import { findOwnCardById, recordReview, ReviewConflictError } from '../db/reviews';
import { getSettings, settingsSchema, updateSettings } from '../db/settings';
import { answerProblem, correctIndices, gradeQuiz } from '../learning/grading';
import type { Scenario } from '../learning/scenario-schema';
import { guestGradingBudget } from '../answers/guest-budget';
import { Rating } from '../learning/srs';
import { labelCounts, labelSchema } from '../learning/failure-modes';
import { ActionError, defineAction, type ActionResult } from './safe-action';
import { idempotencyKeySchema } from './schemas';

const reviewSchema = z.object({
  cardId: z.string().min(1).max(40),
  shownItemId: z.string().min(1).max(120),
  selected: z.array(z.number().int().min(0).max(9)).max(10).optional(),
  label: labelSchema.optional(),
  confident: z.boolean({ error: 'Say whether you are sure or unsure.' }),
  durationMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 60 * 60 * 1000)
    .nullable()
    .default(null),
  // The card's version when it was shown (lib/learning/review-window.ts): an answer to an older version is refused.
  cardVersion: z.number({ error: 'Missing the card’s version; reload the review page.' }).int().min(0).max(1_000_000),
  idempotencyKey: idempotencyKeySchema,
});

/** What the learner sees after a review: the key and why (a question), or the whole case (a scenario). */
export type ReviewFeedback = { kind: 'quiz'; correctIndices: number[]; explanations: string[] } | { kind: 'scenario'; scenario: Scenario };

export interface ReviewResult {
  correct: boolean;
  feedback: ReviewFeedback;
  rating: 'Again' | 'Hard' | 'Good' | 'Easy';
  nextDue: string;
  duplicate: boolean;
  /** The card was not due: stored as practice, it did not reschedule the card and counts toward nothing. */
  practice: boolean;
}

const RATING_NAME: Record<number, ReviewResult['rating']> = {
  [Rating.Again]: 'Again',
  [Rating.Hard]: 'Hard',
  [Rating.Good]: 'Good',
  [Rating.Easy]: 'Easy',
};

const runReview = defineAction(reviewSchema, { auth: 'user' }, async (input, { user }): Promise<ReviewResult> => {
  // Check the shown item belongs to this card before grading (the card itself is checked against the user below).
  const card = await findOwnCardById(user.id, input.cardId);
  if (!card) throw new ActionError('That review card was not found. Reload the review page.', 404);
  let correct: boolean;
  let feedback: ReviewFeedback;
  if (card.itemKind === 'quiz') {
    const quiz = getQuiz(card.itemId);
    if (!quiz || input.shownItemId !== quiz.id)
      throw new ActionError('That question does not belong to this card. Reload the review page.', 400);
    const selected = input.selected ?? [];
    const problem = answerProblem(quiz, selected);
    if (problem) throw new ActionError(problem, 400);
    correct = gradeQuiz(quiz, selected);
    feedback = quizFeedback(quiz);
  } else {
    // Only the scenario this card showed at the version the client was shown (or its original) may be answered for
    // it. A stale version is refused by recordReview after its duplicate check, so a retried request still gets its
    // first answer back.
    const allowed = new Set([card.itemId, reviewItemFor({ ...card, reps: input.cardVersion })?.shownItemId]);
    const shown = allowed.has(input.shownItemId) ? getScenario(input.shownItemId) : undefined;
    if (!shown) throw new ActionError('That scenario does not belong to this card. Reload the review page.', 400);
    if (!input.label) throw new ActionError('Pick one of the three failure modes.', 400);
    correct = labelCounts(shown, input.label);
    feedback = { kind: 'scenario', scenario: shown };
  }
  const settings = await getSettings(user.id);
  try {
    const r = await recordReview(
      user.id,
      {
        cardId: card.id,
        shownItemId: input.shownItemId,
        correct,
        confident: input.confident,
        durationMs: input.durationMs,
        idempotencyKey: input.idempotencyKey,
        cardVersion: input.cardVersion,
      },
      await now(),
      settings.desiredRetention,
    );
    if (!r) throw new ActionError('That review card was not found. Reload the review page.', 404);
    return {
      correct,
      feedback,
      rating: RATING_NAME[r.rating] ?? 'Good',
      nextDue: r.card.due.toISOString(),
      duplicate: r.duplicate,
      practice: r.practice,
    };
  } catch (e) {
    if (e instanceof ReviewConflictError) throw new ActionError(e.message, 409);
    throw e;
  }
});

/** Answers and rates one review card in one idempotent step. */
export async function submitReview(input: unknown): Promise<ActionResult<ReviewResult>> {
  return runReview(input);
}

const quizFeedback = (quiz: NonNullable<ReturnType<typeof getQuiz>>): ReviewFeedback => ({
  kind: 'quiz',
  correctIndices: correctIndices(quiz),
  explanations: quiz.choices.map((c) => c.explain),
});

const guestReviewSchema = z.object({
  itemKind: z.enum(['quiz', 'scenario']),
  shownItemId: z.string().min(1).max(120),
  selected: z.array(z.number().int().min(0).max(9)).max(10).optional(),
  label: labelSchema.optional(),
});

const runGradeReviewAsGuest = defineAction(
  guestReviewSchema,
  { auth: 'public' },
  async (input): Promise<{ correct: boolean; feedback: ReviewFeedback }> => {
    if (input.itemKind === 'quiz') {
      const quiz = getQuiz(input.shownItemId);
      if (!quiz) throw new ActionError('That question no longer exists. Reload the review page.', 404);
      const problem = answerProblem(quiz, input.selected ?? []);
      if (problem) throw new ActionError(problem, 400);
      await guestGradingBudget();
      return { correct: gradeQuiz(quiz, input.selected ?? []), feedback: quizFeedback(quiz) };
    }
    const shown = getScenario(input.shownItemId);
    if (!shown) throw new ActionError('That scenario no longer exists. Reload the review page.', 404);
    if (!input.label) throw new ActionError('Pick one of the three failure modes.', 400);
    await guestGradingBudget();
    return { correct: labelCounts(shown, input.label), feedback: { kind: 'scenario', scenario: shown } };
  },
);

/** Grades a guest's review answer without storing anything (the guest's cards and reviews live in their browser). */
export async function gradeReviewAsGuest(input: unknown): Promise<ActionResult<{ correct: boolean; feedback: ReviewFeedback }>> {
  return runGradeReviewAsGuest(input);
}

// An emptied field is a missing number, not 0 (z.coerce.number would read "" as 0 and save it).
const numberField = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .pipe(z.coerce.number({ error: message }));

const settingsForm = z.object({
  desiredRetention: numberField('Desired retention must be a number.'),
  newCardsPerDay: numberField('The daily limit must be a whole number.'),
});

const runSettings = defineAction(settingsForm, { auth: 'user' }, async (input, { user }): Promise<ActionResult> => {
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const i of parsed.error.issues) (fieldErrors[String(i.path[0])] ??= []).push(i.message);
    return { ok: false, status: 400, message: 'Please correct the highlighted fields.', fieldErrors };
  }
  await updateSettings(user.id, parsed.data);
  return { ok: true, message: 'Saved. Your next reviews use the new settings.' };
});

export async function saveReviewSettings(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runSettings(formData);
}
