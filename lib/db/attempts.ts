import 'server-only';
import { db, transaction } from './client';
import type { Prisma } from './generated/client.ts';
import { isUniqueViolation } from './users';
import { lockLearner, sqliteTime } from './sql';
import { fastSqlite, fromSqliteTime, immediateWrite, type FastSqlite } from './fast-sqlite';
import { planAnswer, type AnswerPlan } from './answer-plan';
import { recordAnswerPg } from './pg-answer';
import { storeKind } from './url';
import { env } from '../env';
import { parseQuizResponse, type AnswerRecord } from '../learning/stored-response';

export interface NewAttempt extends AnswerRecord {
  idempotencyKey: string;
  classId?: string | null;
  createdAt?: Date;
  /**
   * Brought in from a guest's browser (already re-graded and clamped by the caller). Never a first attempt, so it
   * counts for no class; it still creates the item's review card when the learner has none.
   */
  merged?: boolean;
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
 * row stored the first time. The first attempt at an item is flagged; only it counts for mastery. What is written
 * is planned once (lib/db/answer-plan.ts); the store's own path writes it in one transaction: on SQLite a raw
 * prepared-statement transaction, on PostgreSQL one call of a server-side function (one round trip). `via` forces
 * the Prisma path, which in-memory SQLite uses and the differential test compares with the others.
 */
export async function recordAttempt(
  userId: string,
  a: NewAttempt,
  opts: { via?: 'prisma'; ids?: () => string } = {},
): Promise<{ attempt: StoredAttempt; duplicate: boolean }> {
  const plan = planAnswer(userId, a, opts.ids);
  if (opts.via !== 'prisma') {
    const fast = fastSqlite();
    if (fast) return recordAttemptSqlite(fast, plan);
    if (storeKind(env.DATABASE_URL) === 'postgres') return recordAnswerPg(plan);
  }
  return recordAttemptPrisma(plan);
}

const select = { id: true, itemId: true, correct: true, firstAttempt: true, createdAt: true } as const;

async function recordAttemptPrisma(plan: AnswerPlan): Promise<{ attempt: StoredAttempt; duplicate: boolean }> {
  const { userId, idempotencyKey } = plan.attempt;
  const key = { userId_idempotencyKey: { userId, idempotencyKey } };
  const existing = await db.attempt.findUnique({ where: key, select });
  if (existing) return { attempt: existing, duplicate: true };
  // Two copies of one request can race to insert the same key; the loser finds the winner's row.
  for (let tries = 0; ; tries++) {
    try {
      return { attempt: await storeAttemptPrisma(plan), duplicate: false };
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      const again = await db.attempt.findUnique({ where: key, select });
      if (again) return { attempt: again, duplicate: true };
      if (tries >= 2) throw e;
    }
  }
}

function storeAttemptPrisma(plan: AnswerPlan): Promise<StoredAttempt> {
  return transaction((tx) => applyPlanPrisma(tx, plan));
}

/**
 * The plan's writes through Prisma, inside the caller's transaction (the demo class seeds its learners' answers
 * with this, so it follows the same rules as a real answer). The caller has checked the idempotency key.
 */
export async function applyPlanPrisma(tx: Prisma.TransactionClient, plan: AnswerPlan): Promise<StoredAttempt> {
  const a = plan.attempt;
  {
    await lockLearner(tx, a.userId);
    // Merged rows do not take an item's first place: a learner's first signed-in answer still counts.
    const prior = a.merged
      ? null
      : await tx.attempt.findFirst({ where: { userId: a.userId, itemId: a.itemId, merged: false }, select: { id: true } });
    const created = await tx.attempt.create({ data: { ...a, firstAttempt: !a.merged && !prior }, select });
    await tx.studyDay.upsert({
      where: { userId_day: { userId: a.userId, day: plan.day } },
      create: { userId: a.userId, day: plan.day, answers: 1 },
      update: { answers: { increment: 1 } },
    });
    if ((created.firstAttempt || a.merged) && plan.card && plan.log) {
      const exists = await tx.reviewCard.findUnique({
        where: { userId_itemKind_itemId: { userId: a.userId, itemKind: a.itemKind, itemId: a.itemId } },
        select: { id: true },
      });
      if (!exists) {
        await tx.reviewCard.create({
          data: { ...plan.card, userId: a.userId, itemKind: a.itemKind, itemId: a.itemId, createdAt: a.createdAt },
        });
        await tx.reviewLog.create({ data: { ...plan.log, userId: a.userId, cardId: plan.card.id } });
      }
    }
    return created;
  }
}

interface AttemptRow {
  id: string;
  itemId: string;
  correct: number;
  firstAttempt: number;
  createdAt: string;
}

const toStored = (r: AttemptRow): StoredAttempt => ({
  id: r.id,
  itemId: r.itemId,
  correct: r.correct === 1,
  firstAttempt: r.firstAttempt === 1,
  createdAt: fromSqliteTime(r.createdAt),
});

const bit = (b: boolean) => (b ? 1 : 0);

/**
 * SQLite: the plan as one synchronous BEGIN IMMEDIATE transaction of prepared statements. SQLite runs one writer at
 * a time, so the duplicate-key and first-attempt checks inside it cannot race.
 */
function recordAttemptSqlite(fast: FastSqlite, plan: AnswerPlan): Promise<{ attempt: StoredAttempt; duplicate: boolean }> {
  const a = plan.attempt;
  return immediateWrite(fast, () => {
    const existing = fast
      .stmt('SELECT id, itemId, correct, firstAttempt, createdAt FROM "Attempt" WHERE userId = ? AND idempotencyKey = ?')
      .get(a.userId, a.idempotencyKey) as AttemptRow | undefined;
    if (existing) return { attempt: toStored(existing), duplicate: true };
    const prior = a.merged
      ? null
      : fast.stmt('SELECT 1 FROM "Attempt" WHERE userId = ? AND itemId = ? AND merged = 0 LIMIT 1').get(a.userId, a.itemId);
    const firstAttempt = !a.merged && !prior;
    const row: AttemptRow = {
      id: a.id,
      itemId: a.itemId,
      correct: bit(a.correct),
      firstAttempt: bit(firstAttempt),
      createdAt: sqliteTime(a.createdAt),
    };
    fast
      .stmt(
        `INSERT INTO "Attempt" (id, userId, idempotencyKey, itemKind, itemId, chapter, response, correct, confident, durationMs, firstAttempt, merged, classId, createdAt)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        a.id,
        a.userId,
        a.idempotencyKey,
        a.itemKind,
        a.itemId,
        a.chapter,
        a.response,
        bit(a.correct),
        bit(a.confident),
        a.durationMs,
        bit(firstAttempt),
        bit(a.merged),
        a.classId,
        row.createdAt,
      );
    fast
      .stmt(
        'INSERT INTO "StudyDay" (userId, day, answers, reviews) VALUES (?, ?, 1, 0) ON CONFLICT (userId, day) DO UPDATE SET answers = answers + 1',
      )
      .run(a.userId, plan.day);
    const c = plan.card;
    const l = plan.log;
    if ((firstAttempt || a.merged) && c && l) {
      const inserted = fast
        .stmt(
          `INSERT INTO "ReviewCard" (id, userId, itemKind, itemId, concept, due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview, introducedAt, createdAt)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)
           ON CONFLICT (userId, itemKind, itemId) DO NOTHING`,
        )
        .run(
          c.id,
          a.userId,
          a.itemKind,
          a.itemId,
          c.concept,
          sqliteTime(c.due),
          c.stability,
          c.difficulty,
          c.elapsedDays,
          c.scheduledDays,
          c.learningSteps,
          c.reps,
          c.lapses,
          c.state,
          c.lastReview ? sqliteTime(c.lastReview) : null,
          row.createdAt,
        );
      if (inserted.changes === 1) {
        fast
          .stmt(
            `INSERT INTO "ReviewLog" (id, userId, cardId, idempotencyKey, rating, state, due, stability, difficulty, elapsedDays, lastElapsedDays, scheduledDays, learningSteps, review, durationMs, requestRetention, shownItemId, correct, confident, merged)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            l.id,
            a.userId,
            c.id,
            l.idempotencyKey,
            l.rating,
            l.state,
            sqliteTime(l.due),
            l.stability,
            l.difficulty,
            l.elapsedDays,
            l.lastElapsedDays,
            l.scheduledDays,
            l.learningSteps,
            sqliteTime(l.review),
            l.durationMs,
            l.requestRetention,
            l.shownItemId,
            bit(l.correct),
            bit(l.confident),
            bit(l.merged),
          );
      }
    }
    return { attempt: toStored(row), duplicate: false };
  });
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

/**
 * For the learner's own progress (dashboard, chapter list): items they answered only as a guest, each with its
 * earliest merged answer. An item with a signed-in first attempt is counted by that one instead. Classes never read
 * this. Uses Attempt(userId, merged); a learner who never merged gets one empty read.
 */
export async function mergedOnlyFirsts(userId: string, itemKind?: 'quiz' | 'scenario') {
  const merged = await db.attempt.findMany({
    where: { userId, merged: true, ...(itemKind ? { itemKind } : {}) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { itemId: true, itemKind: true, chapter: true, correct: true, response: true },
  });
  if (merged.length === 0) return [];
  const itemIds = [...new Set(merged.map((m) => m.itemId))];
  const counted = new Set(
    (await db.attempt.findMany({ where: { userId, firstAttempt: true, itemId: { in: itemIds } }, select: { itemId: true } })).map(
      (r) => r.itemId,
    ),
  );
  const seen = new Set<string>();
  return merged.filter((m) => !counted.has(m.itemId) && !seen.has(m.itemId) && seen.add(m.itemId));
}

export interface PreviousQuizAttempt {
  quizId: string;
  /** Every answer the learner gave to this question, signed in or brought in from a guest's browser. */
  tries: number;
  /** The options chosen in the latest answer (empty when the stored response records none). */
  selected: number[];
  correct: boolean;
  at: Date;
}

/**
 * The learner's own latest answer to each of the given questions, with how many times they answered it: what a quiz
 * shows when the learner comes back to a chapter. Only this user's rows are read; the answer key is not involved.
 */
export async function latestQuizAttempts(userId: string, quizIds: readonly string[]): Promise<PreviousQuizAttempt[]> {
  if (quizIds.length === 0) return [];
  const rows = await db.attempt.findMany({
    where: { userId, itemKind: 'quiz', itemId: { in: [...quizIds] } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { itemId: true, response: true, correct: true, createdAt: true },
  });
  const out = new Map<string, PreviousQuizAttempt>();
  for (const r of rows) {
    const seen = out.get(r.itemId);
    if (seen) {
      seen.tries += 1;
      continue;
    }
    out.set(r.itemId, {
      quizId: r.itemId,
      tries: 1,
      selected: parseQuizResponse(r.response).selected,
      correct: r.correct,
      at: r.createdAt,
    });
  }
  return [...out.values()];
}
