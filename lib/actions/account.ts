'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signOut } from '../auth/config';
import { now } from '../clock';
import { getCourse, getQuiz } from '../content/course';
import { getScenario } from '../content/bank';
import { deleteAccount } from '../db/account';
import { recordAttempt } from '../db/attempts';
import { markChapterCompleteOnce } from '../db/progress';
import { findOwnCard, recordReview } from '../db/reviews';
import { getSettings } from '../db/settings';
import { makeInstructor } from '../db/users';
import { labelCounts } from '../learning/classify';
import { answerProblem, gradeQuiz } from '../learning/grading';
import { clampMergedTime, regradeDrillResponse, regradeQuizResponse } from '../learning/guest-merge';
import { FAILURE_MODES } from '../learning/scenario-schema';
import { ActionError, defineAction, type ActionResult } from './safe-action';
import { becomeInstructorSchema, idempotencyKeySchema } from './schemas';

const runDelete = defineAction(
  z.object({
    confirmEmail: z.string({ error: 'Type your email address to confirm.' }).trim().min(1, 'Type your email address to confirm.'),
  }),
  { auth: 'user' },
  async ({ confirmEmail }, { user }): Promise<ActionResult> => {
    if (confirmEmail.toLowerCase() !== user.email) {
      return {
        ok: false,
        status: 400,
        message: 'That is not your email address, so nothing was deleted.',
        fieldErrors: { confirmEmail: ['Type the email address of this account exactly.'] },
      };
    }
    await deleteAccount(user.id);
    await signOut({ redirectTo: '/?deleted=1' });
    return { ok: true };
  },
);

export async function deleteAccountAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runDelete(formData);
}

// A guest's answers happened in the past: a date in the future (beyond a day of clock skew) or before 2000 is refused.
// (Accepted dates are then clamped to [account created, now]: see lib/learning/guest-merge.ts.)
const iso = z.iso.datetime({ offset: true }).refine((s) => {
  const t = Date.parse(s);
  return t >= Date.UTC(2000, 0, 1) && t <= Date.now() + 86_400_000;
}, 'That date is not in the past; check the device clock.');
const guestSchema = z.object({
  attempts: z
    .array(
      z.object({
        idempotencyKey: idempotencyKeySchema,
        itemKind: z.enum(['quiz', 'scenario']),
        itemId: z.string().min(1).max(120),
        // The recorded choices: {selected} for a question, {label, answers} for a drill case. Re-graded here.
        response: z.unknown(),
        // What the browser thought. Accepted for older clients and ignored: the server grades.
        correct: z.boolean().optional(),
        confident: z.boolean(),
        durationMs: z.number().int().min(0).max(86_400_000).nullable(),
        createdAt: iso,
      }),
    )
    .max(5000),
  reviews: z
    .array(
      z.object({
        idempotencyKey: idempotencyKeySchema,
        itemKind: z.enum(['quiz', 'scenario']),
        itemId: z.string().min(1).max(120),
        shownItemId: z.string().min(1).max(120),
        // The recorded choice, when the browser kept it; a review without one cannot be graded and is not brought in.
        selected: z.array(z.number().int().min(0).max(9)).max(10).optional(),
        label: z.enum(FAILURE_MODES).optional(),
        correct: z.boolean().optional(),
        confident: z.boolean(),
        durationMs: z.number().int().min(0).max(86_400_000).nullable(),
        review: iso,
      }),
    )
    .max(20000)
    .default([]),
  completed: z.record(z.string().max(80), iso).default({}),
});

export interface MergeResult {
  attempts: number;
  reviews: number;
  chapters: number;
  /** Unknown items, answers without a gradable choice, reviews of cards the account does not have. */
  skipped: number;
}

type GuestAttemptInput = z.output<typeof guestSchema>['attempts'][number];
type GuestReviewInput = z.output<typeof guestSchema>['reviews'][number];

/** The item a guest answered and its re-graded answer; null when the item is unknown or the answer not gradable. */
function regradeAttempt(a: GuestAttemptInput) {
  if (a.itemKind === 'quiz') {
    const quiz = getQuiz(a.itemId);
    const graded = quiz && regradeQuizResponse(quiz, a.response);
    return quiz && graded ? { ...graded, chapter: quiz.chapter, concept: null } : null;
  }
  // Only the built-in bank: a guest cannot answer an imported set.
  const scenario = getScenario(a.itemId);
  const graded = scenario && regradeDrillResponse(scenario, a.response);
  return scenario && graded ? { ...graded, chapter: scenario.chapter ?? null, concept: scenario.contested ? null : scenario.label } : null;
}

/** Whether a guest's review answer was right, from its recorded choice; null when it records none that fits the card. */
function regradeReview(rv: GuestReviewInput, card: { itemKind: string; itemId: string; concept: string | null }): boolean | null {
  if (card.itemKind === 'quiz') {
    const quiz = getQuiz(card.itemId);
    if (!quiz || rv.shownItemId !== quiz.id || !rv.selected || answerProblem(quiz, rv.selected)) return null;
    return gradeQuiz(quiz, rv.selected);
  }
  // A scenario card stands for its failure mode: the guest may have been shown any scenario of it.
  const shown = getScenario(rv.shownItemId);
  if (!shown || !rv.label || (rv.shownItemId !== card.itemId && (!card.concept || shown.contested || shown.label !== card.concept)))
    return null;
  return labelCounts(shown, rv.label);
}

/**
 * Brings a guest's answers, reviews and finished chapters into the account, re-graded and re-dated (the rules are in
 * lib/learning/guest-merge.ts). Everything is stored as merged: the learner's own practice, which no class counts.
 */
const runMerge = defineAction(guestSchema, { auth: 'user' }, async (data, { user }): Promise<MergeResult> => {
  const { desiredRetention } = await getSettings(user.id);
  const clock = { accountCreatedAt: user.createdAt, now: await now() };
  let attempts = 0;
  let skipped = 0;
  // Oldest first (by the times sent, before clamping, so the order survives), so each item's first answer makes its card.
  for (const a of [...data.attempts].sort((x, y) => x.createdAt.localeCompare(y.createdAt))) {
    const graded = regradeAttempt(a);
    if (!graded) {
      skipped++;
      continue;
    }
    const r = await recordAttempt(user.id, {
      idempotencyKey: `guest-${a.idempotencyKey}`.slice(0, 64),
      itemKind: a.itemKind,
      itemId: a.itemId,
      chapter: graded.chapter,
      response: graded.response,
      correct: graded.correct,
      confident: a.confident,
      durationMs: a.durationMs,
      createdAt: clampMergedTime(new Date(a.createdAt), clock),
      merged: true,
      schedule: { concept: graded.concept, retention: desiredRetention },
    });
    if (!r.duplicate) attempts++;
  }
  let reviews = 0;
  for (const rv of [...data.reviews].sort((x, y) => x.review.localeCompare(y.review))) {
    const card = await findOwnCard(user.id, rv.itemKind, rv.itemId);
    const correct = card ? regradeReview(rv, card) : null;
    if (!card || correct === null) {
      skipped++;
      continue;
    }
    // Applied in order to the card as it stands (no version to compare), at its clamped time: a review of a card that
    // was not due then is practice, so a merge cannot push a card further out than real reviews would.
    const r = await recordReview(
      user.id,
      {
        cardId: card.id,
        shownItemId: rv.shownItemId,
        correct,
        confident: rv.confident,
        durationMs: rv.durationMs,
        idempotencyKey: `guest-${rv.idempotencyKey}`.slice(0, 64),
        cardVersion: null,
        merged: true,
      },
      clampMergedTime(new Date(rv.review), clock),
      desiredRetention,
    );
    if (r && !r.duplicate) reviews++;
  }
  let chapters = 0;
  const slugs = new Set(getCourse().chapters.map((c) => c.slug));
  for (const slug of Object.keys(data.completed)) {
    if (!slugs.has(slug)) continue;
    // Stamped now, not when the browser says: a chapter assignment counts the completion, and the server saw it only
    // now. An earlier completion in the account is kept.
    if (await markChapterCompleteOnce(user.id, slug, clock.now)) chapters++;
  }
  return { attempts, reviews, chapters, skipped };
});

/** Brings a guest's browser progress into the signed-in account, without duplicates (safe to send twice). */
export async function mergeGuestProgress(input: unknown): Promise<ActionResult<MergeResult>> {
  return runMerge(input);
}

/**
 * Self-service, like choosing "instructor" at sign-up: this is an open course, and an instructor sees only the
 * learners who join a class they run. The role is re-read on every request (lib/auth/session.ts), so the session
 * stays and /teach opens at once. The operator's script (npm run user:role) still sets either role, and demotes.
 */
const runBecomeInstructor = defineAction(becomeInstructorSchema, { auth: 'user' }, async (_input, { user }): Promise<ActionResult> => {
  if (user.role !== 'instructor') {
    const updated = await makeInstructor(user.id);
    if (updated?.role !== 'instructor') throw new ActionError('Your account could not be changed. Reload the page and try again.', 409);
  }
  redirect('/teach?welcome=instructor');
});

export async function becomeInstructorAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runBecomeInstructor(formData);
}
