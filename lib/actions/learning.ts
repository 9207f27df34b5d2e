'use server';
import { z } from 'zod';
import { getCourse, getQuiz } from '../content/course';
import { recordAttempt } from '../db/attempts';
import { getSettings } from '../db/settings';
import { now } from '../clock';
import { saveReadingPosition, setChapterComplete } from '../db/progress';
import { answerProblem, correctIndices, gradeQuiz } from '../learning/grading';
import { ActionError, defineAction, type ActionResult } from './safe-action';
import { idempotencyKeySchema } from './schemas';
import { guestGradingBudget } from '../answers/guest-budget';

const quizAnswerSchema = z.object({
  quizId: z.string().min(1).max(100),
  selected: z.array(z.number().int().min(0).max(9)).min(1, 'Pick an answer.').max(10),
  confident: z.boolean({ error: 'Say whether you are sure or unsure.' }),
  durationMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 60 * 60 * 1000)
    .nullable()
    .default(null),
  idempotencyKey: idempotencyKeySchema,
});

/** What a learner sees after answering: which options were right and why each option is right or wrong. */
export interface QuizFeedback {
  correct: boolean;
  correctIndices: number[];
  explanations: string[];
}

export interface QuizAnswerResult extends QuizFeedback {
  firstAttempt: boolean;
  duplicate: boolean;
}

const feedbackFor = (quiz: NonNullable<ReturnType<typeof getQuiz>>) => ({
  correctIndices: correctIndices(quiz),
  explanations: quiz.choices.map((c) => c.explain),
});

const runSubmitQuizAnswer = defineAction(quizAnswerSchema, { auth: 'user' }, async (input, { user }): Promise<QuizAnswerResult> => {
  const quiz = getQuiz(input.quizId);
  if (!quiz) throw new ActionError('That question no longer exists. Reload the page to get the current version.', 404);
  const problem = answerProblem(quiz, input.selected);
  if (problem) throw new ActionError(problem, 400);
  const correct = gradeQuiz(quiz, input.selected);
  const { attempt, duplicate } = await recordAttempt(user.id, {
    idempotencyKey: input.idempotencyKey,
    itemKind: 'quiz',
    itemId: quiz.id,
    chapter: quiz.chapter,
    response: { selected: [...new Set(input.selected)].sort((a, b) => a - b) },
    correct,
    confident: input.confident,
    durationMs: input.durationMs,
    createdAt: await now(),
    schedule: { concept: null, retention: (await getSettings(user.id)).desiredRetention },
  });
  return { correct: attempt.correct, ...feedbackFor(quiz), firstAttempt: attempt.firstAttempt, duplicate };
});

/** Grades and stores one quiz answer for the signed-in learner, exactly once per idempotency key. */
export async function submitQuizAnswer(input: unknown): Promise<ActionResult<QuizAnswerResult>> {
  return runSubmitQuizAnswer(input);
}

const runGradeQuizAsGuest = defineAction(
  quizAnswerSchema.pick({ quizId: true, selected: true }),
  { auth: 'public' },
  async (input): Promise<QuizFeedback> => {
    const quiz = getQuiz(input.quizId);
    if (!quiz) throw new ActionError('That question no longer exists. Reload the page to get the current version.', 404);
    const problem = answerProblem(quiz, input.selected);
    if (problem) throw new ActionError(problem, 400);
    await guestGradingBudget();
    return { correct: gradeQuiz(quiz, input.selected), ...feedbackFor(quiz) };
  },
);

/** Grades a guest's quiz answer without storing anything (the guest keeps it in their browser). */
export async function gradeQuizAsGuest(input: unknown): Promise<ActionResult<QuizFeedback>> {
  return runGradeQuizAsGuest(input);
}

const chapterSlug = z.string().refine((s) => getCourse().chapters.some((c) => c.slug === s), 'There is no such chapter.');

const runMarkComplete = defineAction(
  z.object({ chapter: chapterSlug, complete: z.boolean() }),
  { auth: 'user' },
  async ({ chapter, complete }, { user }) => {
    await setChapterComplete(user.id, chapter, complete);
    return { complete };
  },
);

export async function markChapterComplete(input: unknown): Promise<ActionResult<{ complete: boolean }>> {
  return runMarkComplete(input);
}

const runSavePosition = defineAction(
  z.object({ chapter: chapterSlug, position: z.string().regex(/^[a-z0-9-]{1,120}$/, 'Not a section anchor.') }),
  { auth: 'user' },
  async ({ chapter, position }, { user }) => {
    await saveReadingPosition(user.id, chapter, position);
    return { saved: true };
  },
);

export async function saveChapterPosition(input: unknown): Promise<ActionResult<{ saved: boolean }>> {
  return runSavePosition(input);
}
