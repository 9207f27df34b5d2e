import 'server-only';
import { db, transaction } from './client';
import { isUniqueViolation } from './users';
import { countStudyDay, createCardFromFirstAnswer, firstReview } from './reviews';
import { lockLearner } from './sql';
import { fastSqlite, fromSqliteTime, immediateWrite, newId, sqliteTime, type FastSqlite } from './fast-sqlite';
import { utcDay } from '../learning/queue';

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
 * row stored the first time. The first attempt at an item is flagged; only it counts for mastery.
 */
export async function recordAttempt(userId: string, a: NewAttempt): Promise<{ attempt: StoredAttempt; duplicate: boolean }> {
  const fast = fastSqlite();
  // Merges are rare and not on the hot path: they take the Prisma path, which knows about merged rows.
  if (fast && !a.merged) return recordAttemptSqlite(fast, userId, a);
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
  const attempt = await transaction(async (tx) => {
    await lockLearner(tx, userId);
    // Merged rows do not take an item's first place: a learner's first signed-in answer still counts.
    const prior = a.merged ? null : await tx.attempt.findFirst({ where: { userId, itemId: a.itemId, merged: false }, select: { id: true } });
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
        firstAttempt: !a.merged && !prior,
        merged: a.merged ?? false,
        ...(a.createdAt ? { createdAt: a.createdAt } : {}),
      },
      select,
    });
    await countStudyDay(tx, userId, created.createdAt, 'answers');
    if ((created.firstAttempt || a.merged) && a.schedule) {
      await createCardFromFirstAnswer(tx, userId, {
        itemKind: a.itemKind,
        itemId: a.itemId,
        concept: a.schedule.concept,
        signal: { correct: a.correct, confident: a.confident, durationMs: a.durationMs, itemKind: a.itemKind },
        at: created.createdAt,
        retention: a.schedule.retention,
        idempotencyKey: a.idempotencyKey,
        merged: a.merged,
      });
    }
    return created;
  });
  return { attempt, duplicate: false };
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

/**
 * SQLite: the same writes as storeAttempt (attempt, study day, and on a first answer the review card and its first
 * log), as one synchronous BEGIN IMMEDIATE transaction of prepared statements. SQLite runs one writer at a time,
 * so the duplicate-key and first-attempt checks inside it cannot race.
 */
function recordAttemptSqlite(fast: FastSqlite, userId: string, a: NewAttempt): Promise<{ attempt: StoredAttempt; duplicate: boolean }> {
  const at = a.createdAt ?? new Date();
  const response = JSON.stringify(a.response);
  return immediateWrite(fast, () => {
    const existing = fast
      .stmt('SELECT id, itemId, correct, firstAttempt, createdAt FROM "Attempt" WHERE userId = ? AND idempotencyKey = ?')
      .get(userId, a.idempotencyKey) as AttemptRow | undefined;
    if (existing) return { attempt: toStored(existing), duplicate: true };
    const prior = fast.stmt('SELECT 1 FROM "Attempt" WHERE userId = ? AND itemId = ? AND merged = 0 LIMIT 1').get(userId, a.itemId);
    const row: AttemptRow = { id: newId(), itemId: a.itemId, correct: a.correct ? 1 : 0, firstAttempt: prior ? 0 : 1, createdAt: sqliteTime(at) };
    fast
      .stmt(
        `INSERT INTO "Attempt" (id, userId, idempotencyKey, itemKind, itemId, chapter, response, correct, confident, durationMs, firstAttempt, classId, createdAt)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(row.id, userId, a.idempotencyKey, a.itemKind, a.itemId, a.chapter, response, row.correct, a.confident ? 1 : 0, a.durationMs, row.firstAttempt, a.classId ?? null, row.createdAt);
    fast
      .stmt('INSERT INTO "StudyDay" (userId, day, answers, reviews) VALUES (?, ?, 1, 0) ON CONFLICT (userId, day) DO UPDATE SET answers = answers + 1')
      .run(userId, utcDay(at));
    if (row.firstAttempt === 1 && a.schedule) {
      const first = firstReview({ correct: a.correct, confident: a.confident, durationMs: a.durationMs, itemKind: a.itemKind }, at, a.schedule.retention);
      const cardId = newId();
      const c = first.card;
      const inserted = fast
        .stmt(
          `INSERT INTO "ReviewCard" (id, userId, itemKind, itemId, concept, due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview, introducedAt, createdAt)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)
           ON CONFLICT (userId, itemKind, itemId) DO NOTHING`,
        )
        .run(cardId, userId, a.itemKind, a.itemId, a.schedule.concept, sqliteTime(c.due), c.stability, c.difficulty, c.elapsedDays, c.scheduledDays, c.learningSteps, c.reps, c.lapses, c.state, c.lastReview ? sqliteTime(c.lastReview) : null, sqliteTime(at));
      if (inserted.changes === 1) {
        const l = first.log;
        fast
          .stmt(
            `INSERT INTO "ReviewLog" (id, userId, cardId, idempotencyKey, rating, state, due, stability, difficulty, elapsedDays, lastElapsedDays, scheduledDays, learningSteps, review, durationMs, requestRetention, shownItemId, correct, confident)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(newId(), userId, cardId, `first-${a.idempotencyKey}`, l.rating, l.state, sqliteTime(l.due), l.stability, l.difficulty, l.elapsedDays, l.lastElapsedDays, l.scheduledDays, l.learningSteps, sqliteTime(l.review), a.durationMs, l.requestRetention, a.itemId, a.correct ? 1 : 0, a.confident ? 1 : 0);
      }
    }
    return { attempt: toStored(row), duplicate: false };
  });
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
    (await db.attempt.findMany({ where: { userId, firstAttempt: true, itemId: { in: itemIds } }, select: { itemId: true } })).map((r) => r.itemId),
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
    out.set(r.itemId, { quizId: r.itemId, tries: 1, selected: selectedOf(r.response), correct: r.correct, at: r.createdAt });
  }
  return [...out.values()];
}

function selectedOf(response: string): number[] {
  try {
    const parsed = JSON.parse(response) as { selected?: unknown };
    return Array.isArray(parsed.selected) ? parsed.selected.filter((n): n is number => Number.isInteger(n) && n >= 0 && n < 10) : [];
  } catch {
    return [];
  }
}
