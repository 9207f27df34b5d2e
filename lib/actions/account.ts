'use server';
import { z } from 'zod';
import { requireUser } from '../auth/session';
import { signOut } from '../auth/config';
import { getCourse, getQuiz } from '../content/course';
import { getScenario } from '../content/bank';
import { deleteAccount } from '../db/account';
import { recordAttempt } from '../db/attempts';
import { db } from '../db/client';
import { setChapterComplete } from '../db/progress';
import { recordReview } from '../db/reviews';
import { getSettings } from '../db/settings';
import { defineAction, type ActionResult } from './safe-action';
import { idempotencyKeySchema } from './schemas';

const runDelete = defineAction(
  z.object({ confirmEmail: z.string({ error: 'Type your email address to confirm.' }).trim().min(1, 'Type your email address to confirm.') }),
  async ({ confirmEmail }): Promise<ActionResult> => {
    const user = await requireUser();
    if (confirmEmail.toLowerCase() !== user.email) {
      return { ok: false, status: 400, message: 'That is not your email address, so nothing was deleted.', fieldErrors: { confirmEmail: ['Type the email address of this account exactly.'] } };
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
        response: z.unknown(),
        correct: z.boolean(),
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
        correct: z.boolean(),
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
  skipped: number;
}

const runMerge = defineAction(guestSchema, async (data): Promise<MergeResult> => {
  const user = await requireUser();
  const { desiredRetention } = await getSettings(user.id);
  let attempts = 0;
  let skipped = 0;
  // Oldest first, so the first attempt at each item is the one that counts and creates its card.
  for (const a of [...data.attempts].sort((x, y) => x.createdAt.localeCompare(y.createdAt))) {
    const quiz = a.itemKind === 'quiz' ? getQuiz(a.itemId) : undefined;
    const scenario = a.itemKind === 'scenario' ? getScenario(a.itemId) : undefined;
    if (!quiz && !scenario) {
      skipped++;
      continue;
    }
    const r = await recordAttempt(user.id, {
      idempotencyKey: `guest-${a.idempotencyKey}`.slice(0, 64),
      itemKind: a.itemKind,
      itemId: a.itemId,
      chapter: quiz?.chapter ?? scenario?.chapter ?? null,
      response: a.response ?? null,
      correct: a.correct,
      confident: a.confident,
      durationMs: a.durationMs,
      createdAt: new Date(a.createdAt),
      schedule: { concept: scenario && !scenario.contested ? scenario.label : null, retention: desiredRetention },
    });
    if (!r.duplicate) attempts++;
  }
  let reviews = 0;
  for (const rv of [...data.reviews].sort((x, y) => x.review.localeCompare(y.review))) {
    const card = await db.reviewCard.findUnique({ where: { userId_itemKind_itemId: { userId: user.id, itemKind: rv.itemKind, itemId: rv.itemId } }, select: { id: true } });
    if (!card) {
      skipped++;
      continue;
    }
    const r = await recordReview(
      user.id,
      { cardId: card.id, shownItemId: rv.shownItemId, correct: rv.correct, confident: rv.confident, durationMs: rv.durationMs, idempotencyKey: `guest-${rv.idempotencyKey}`.slice(0, 64) },
      new Date(rv.review),
      desiredRetention,
    ).catch(() => null);
    if (r && !r.duplicate) reviews++;
  }
  let chapters = 0;
  const slugs = new Set(getCourse().chapters.map((c) => c.slug));
  for (const [slug, at] of Object.entries(data.completed)) {
    if (!slugs.has(slug)) continue;
    await setChapterComplete(user.id, slug, true, new Date(at));
    chapters++;
  }
  return { attempts, reviews, chapters, skipped };
});

/** Brings a guest's browser progress into the signed-in account, without duplicates (safe to send twice). */
export async function mergeGuestProgress(input: unknown): Promise<ActionResult<MergeResult>> {
  return runMerge(input);
}
