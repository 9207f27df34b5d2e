import 'server-only';
import { firstReview, type CardFields } from './reviews';
import { newId } from './fast-sqlite';
import { utcDay } from '../learning/queue';
import type { NewAttempt } from './attempts';

// What storing one answer writes, decided once, here, for every path that stores answers: the raw SQLite
// statements (lib/db/attempts.ts), the PostgreSQL function (lib/db/pg-answer.ts) and Prisma (merges and the
// fallback). Each path only carries out the plan. The rules every path applies, in one transaction:
//   1. An answer whose (user, idempotency key) is already stored writes nothing; the stored row is the answer.
//   2. The attempt is the item's first when it is not merged and the learner has no earlier unmerged attempt at it.
//   3. The learner's study day (UTC) counts one more answer.
//   4. A first attempt (or a merged one) with a schedule creates the item's review card and its first log, unless
//      the learner already has a card for the item.
// test/integration/answer-paths-differential.test.ts runs every path and compares every column of every row.

/** An Attempt row's columns as stored; the attempts CSV export reads the same columns back (lib/teach/csv.ts). */
export interface PlannedAttempt {
  id: string;
  userId: string;
  idempotencyKey: string;
  itemKind: 'quiz' | 'scenario';
  itemId: string;
  chapter: string | null;
  response: string;
  correct: boolean;
  confident: boolean;
  durationMs: number | null;
  classId: string | null;
  merged: boolean;
  createdAt: Date;
}

export interface AnswerPlan {
  attempt: PlannedAttempt;
  /** The StudyDay row's day (rule 3). */
  day: string;
  /** The card and its first log, made if rule 4 applies (null: the answer has no schedule). */
  card: null | (CardFields & { id: string });
  log: null | {
    id: string;
    idempotencyKey: string;
    rating: number;
    state: number;
    due: Date;
    stability: number;
    difficulty: number;
    elapsedDays: number;
    lastElapsedDays: number;
    scheduledDays: number;
    learningSteps: number;
    review: Date;
    durationMs: number | null;
    requestRetention: number;
    shownItemId: string;
    correct: boolean;
    confident: boolean;
    merged: boolean;
  };
}

export function planAnswer(userId: string, a: NewAttempt, ids: () => string = newId): AnswerPlan {
  const at = a.createdAt ?? new Date();
  const merged = a.merged ?? false;
  const attempt: AnswerPlan['attempt'] = {
    id: ids(),
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
    merged,
    createdAt: at,
  };
  if (!a.schedule) return { attempt, day: utcDay(at), card: null, log: null };
  const first = firstReview(
    { correct: a.correct, confident: a.confident, durationMs: a.durationMs, itemKind: a.itemKind },
    at,
    a.schedule.retention,
  );
  return {
    attempt,
    day: utcDay(at),
    card: { id: ids(), concept: a.schedule.concept, ...first.card },
    log: {
      id: ids(),
      idempotencyKey: `first-${a.idempotencyKey}`,
      ...first.log,
      durationMs: a.durationMs,
      shownItemId: a.itemId,
      correct: a.correct,
      confident: a.confident,
      merged,
    },
  };
}
