import 'server-only';
import { db } from './client';
import { isUniqueViolation } from './users';
import { countStudyDay, createCardFromFirstAnswer } from './reviews';
import { lockLearner } from './sql';

export interface NewAttempt {
  idempotencyKey: string;
  itemKind: 'quiz' | 'scenario';
  itemId: string;
  chapter: string | null;
  response: unknown;
  correct: boolean;
  confident: boolean;
  durationMs: number | null;
  classId?: string | null;
  createdAt?: Date;
  /** When given, a first attempt also creates the item's review card (its first FSRS review). */
  schedule?: { concept: string | null; retention: number };
}

export interface StoredAttempt {
  id: string;
  itemId: string;
  correct: boolean;
  firstAttempt: boolean;
  createdAt: Date;
}

/**
 * Stores an answer exactly once per (user, idempotency key): a retried or double-submitted request returns the
 * row stored the first time. The first attempt at an item is flagged; only it counts for mastery.
 */
export async function recordAttempt(userId: string, a: NewAttempt): Promise<{ attempt: StoredAttempt; duplicate: boolean }> {
  const select = { id: true, itemId: true, correct: true, firstAttempt: true, createdAt: true } as const;
  const key = { userId_idempotencyKey: { userId, idempotencyKey: a.idempotencyKey } };
  const existing = await db.attempt.findUnique({ where: key, select });
  if (existing) return { attempt: existing, duplicate: true };
  // Two copies of one request can race to insert the same key; the loser finds the winner's row.
  for (let tries = 0; ; tries++) {
    try {
      return await storeAttempt(userId, a, select);
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      // Two copies of the same request raced: the other one stored it.
      const again = await db.attempt.findUnique({ where: key, select });
      if (again) return { attempt: again, duplicate: true };
      if (tries >= 2) throw e;
    }
  }
}

async function storeAttempt(
  userId: string,
  a: NewAttempt,
  select: { id: true; itemId: true; correct: true; firstAttempt: true; createdAt: true },
): Promise<{ attempt: StoredAttempt; duplicate: boolean }> {
  const attempt = await db.$transaction(async (tx) => {
    await lockLearner(tx, userId);
    const prior = await tx.attempt.findFirst({ where: { userId, itemId: a.itemId }, select: { id: true } });
    const created = await tx.attempt.create({
      data: {
        userId,
        idempotencyKey: a.idempotencyKey,
        itemKind: a.itemKind,
        itemId: a.itemId,
        chapter: a.chapter,
        response: JSON.stringify(a.response),
        correct: a.correct,
        confident: a.confident,
        durationMs: a.durationMs,
        classId: a.classId ?? null,
        firstAttempt: !prior,
        ...(a.createdAt ? { createdAt: a.createdAt } : {}),
      },
      select,
    });
    await countStudyDay(tx, userId, created.createdAt, 'answers');
    if (created.firstAttempt && a.schedule) {
      await createCardFromFirstAnswer(tx, userId, {
        itemKind: a.itemKind,
        itemId: a.itemId,
        concept: a.schedule.concept,
        signal: { correct: a.correct, confident: a.confident, durationMs: a.durationMs, itemKind: a.itemKind },
        at: created.createdAt,
        retention: a.schedule.retention,
        idempotencyKey: a.idempotencyKey,
      });
    }
    return created;
  });
  return { attempt, duplicate: false };
}

export async function attemptsForItem(userId: string, itemId: string) {
  return db.attempt.findMany({ where: { userId, itemId }, orderBy: { createdAt: 'asc' } });
}

export async function countAttempts(userId: string): Promise<number> {
  return db.attempt.count({ where: { userId } });
}

/** Items whose most recent attempt was wrong (for "the ones I missed"), newest first. */
export async function missedItemIds(userId: string, itemKind: 'quiz' | 'scenario'): Promise<string[]> {
  const rows = await db.attempt.findMany({
    where: { userId, itemKind },
    orderBy: { createdAt: 'desc' },
    select: { itemId: true, correct: true },
  });
  const latest = new Map<string, boolean>();
  for (const r of rows) if (!latest.has(r.itemId)) latest.set(r.itemId, r.correct);
  return [...latest].filter(([, correct]) => !correct).map(([id]) => id);
}
