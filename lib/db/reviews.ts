import 'server-only';
import { db, transaction } from './client';
import type { Prisma } from './generated/client.ts';
import { clampRetention, newCard, ratingFor, reviewCard, State, type AnswerSignal, type Card, type Grade } from '../learning/srs';
import { forecast, interleave, utcDay } from '../learning/queue';
import { reviewKind } from '../learning/review-window';
import { dueCounts, endOfStudyDay, splitDue, type DueCounts } from '../learning/due';

type Tx = Prisma.TransactionClient;

/** A review card's stored schedule: the columns every path that writes a card fills (see lib/db/answer-plan.ts). */
export interface CardFields {
  concept: string | null;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
}

export interface CardRow extends CardFields {
  id: string;
  itemKind: string;
  itemId: string;
}

export function toCard(r: CardRow): Card {
  return {
    due: r.due,
    stability: r.stability,
    difficulty: r.difficulty,
    elapsed_days: r.elapsedDays,
    scheduled_days: r.scheduledDays,
    learning_steps: r.learningSteps,
    reps: r.reps,
    lapses: r.lapses,
    state: r.state as State,
    ...(r.lastReview ? { last_review: r.lastReview } : {}),
  };
}

function cardFields(c: Card) {
  return {
    due: c.due,
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    lastReview: c.last_review ?? null,
  };
}

function logFields(before: Card, rating: Grade, review: Date, retention: number) {
  return {
    rating,
    state: before.state,
    due: before.due,
    stability: before.stability,
    difficulty: before.difficulty,
    elapsedDays: before.elapsed_days,
    lastElapsedDays: before.elapsed_days,
    scheduledDays: before.scheduled_days,
    learningSteps: before.learning_steps,
    review,
    requestRetention: retention,
  };
}

export function firstReview(signal: AnswerSignal, at: Date, retention: number) {
  const rating = ratingFor(signal);
  const out = reviewCard(newCard(at), at, rating, retention);
  return { card: cardFields(out.card), log: logFields(out.before, rating, at, out.retention) };
}

interface DueCard extends CardRow {
  chapter: string | null;
  isNew: boolean;
}

export interface DueQueue {
  cards: DueCard[];
  /** Cards due now (the same number the dashboard shows as due now). */
  dueCount: number;
  /** Cards coming due later in this study day. */
  laterToday: number;
  newLeftToday: number;
  heldBackNew: number;
}

const cardSelect = {
  id: true,
  itemKind: true,
  itemId: true,
  concept: true,
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
  introducedAt: true,
} as const;

/**
 * This learner's cards due by the end of the study day, split by the one definition of "due" (lib/learning/due.ts).
 * Cards that have not yet come up in /review are "new" and limited per UTC day by the learner's setting. Uses the
 * (userId, due) and (userId, introducedAt) indexes.
 */
async function dueToday(userId: string, now: Date, newPerDay: number) {
  const dayStart = new Date(`${utcDay(now)}T00:00:00.000Z`);
  const [cards, introducedToday] = await Promise.all([
    db.reviewCard.findMany({
      where: { userId, due: { lte: endOfStudyDay(now) } },
      orderBy: { due: 'asc' },
      select: cardSelect,
      take: 5000,
    }),
    db.reviewCard.count({ where: { userId, introducedAt: { gte: dayStart } } }),
  ]);
  const newLeftToday = Math.max(0, newPerDay - introducedToday);
  return { split: splitDue(cards, now, newLeftToday), newLeftToday };
}

/** How many cards are due now and later today: what the dashboard shows, counted as /review counts them. */
export async function getDueCounts(userId: string, now: Date, newPerDay: number): Promise<DueCounts> {
  return dueCounts((await dueToday(userId, now, newPerDay)).split);
}

/** The cards due now for this learner, interleaved. */
export async function getDueQueue(
  userId: string,
  now: Date,
  opts: { newPerDay: number; chapterOf: (itemKind: string, itemId: string) => string | null; limit?: number },
): Promise<DueQueue> {
  const { split, newLeftToday } = await dueToday(userId, now, opts.newPerDay);
  const cards = interleave(
    split.now.map((c) => ({ ...c, chapter: opts.chapterOf(c.itemKind, c.itemId), isNew: c.introducedAt === null })),
  ).slice(0, opts.limit ?? 200);
  return { cards, dueCount: split.now.length, laterToday: split.laterToday, newLeftToday, heldBackNew: split.heldBackNew };
}

const STALE_REVIEW_MESSAGE =
  'This card changed since it was shown (it was reviewed in another tab or on another device), so this answer was not counted. Reload to see it as it is now.';

export class ReviewConflictError extends Error {
  constructor(message = STALE_REVIEW_MESSAGE) {
    super(message);
  }
}

export interface ReviewInput {
  cardId: string;
  shownItemId: string;
  correct: boolean;
  confident: boolean;
  durationMs: number | null;
  idempotencyKey: string;
  /**
   * The card's version (lib/learning/review-window.ts cardVersion) when it was shown; a card that has changed since is
   * refused with ReviewConflictError. null only for a guest merge, which replays reviews in order on the current card.
   */
  cardVersion: number | null;
  /** Brought in from a guest's browser: stored with the flag, and counted toward no assignment. */
  merged?: boolean;
}

export interface RecordedReview {
  duplicate: boolean;
  rating: Grade;
  card: Awaited<ReturnType<typeof readCard>>;
  /** The card was not due: the review was stored as practice and changed nothing. */
  practice: boolean;
}

function readCard(tx: Tx, id: string) {
  return tx.reviewCard.findUniqueOrThrow({ where: { id }, select: cardSelect });
}

/**
 * Rates one review, exactly once per idempotency key (a double click or retried request is answered from the first
 * one). A review counts once per due card: when the card is due (or within its early window) it reschedules the card;
 * otherwise it is practice, stored but changing nothing. A review made from a version of the card that is no longer
 * current is refused (ReviewConflictError) and changes nothing. Returns null when the card is not this learner's.
 */
export async function recordReview(userId: string, input: ReviewInput, now: Date, retention: number): Promise<RecordedReview | null> {
  return transaction(async (tx) => {
    const earlier = async (): Promise<RecordedReview | null> => {
      const existing = await tx.reviewLog.findUnique({
        where: { userId_idempotencyKey: { userId, idempotencyKey: input.idempotencyKey } },
        select: { rating: true, practice: true, card: { select: cardSelect } },
      });
      return existing ? { duplicate: true, rating: existing.rating as Grade, card: existing.card, practice: existing.practice } : null;
    };
    const existing = await earlier();
    if (existing) return existing;
    const row = await tx.reviewCard.findFirst({ where: { id: input.cardId, userId }, select: cardSelect });
    if (!row) return null;
    if (input.cardVersion !== null && input.cardVersion !== row.reps) {
      // The same request sent twice at once may have been committed by its other copy between the two reads above
      // (PostgreSQL, read committed): then this copy is its duplicate, not a conflict.
      const same = await earlier();
      if (same) return same;
      throw new ReviewConflictError();
    }
    const rating = ratingFor({
      correct: input.correct,
      confident: input.confident,
      durationMs: input.durationMs,
      itemKind: row.itemKind as 'quiz' | 'scenario',
    });
    const answer = {
      durationMs: input.durationMs,
      shownItemId: input.shownItemId,
      correct: input.correct,
      confident: input.confident,
      merged: input.merged ?? false,
    };
    if (reviewKind(row, now) === 'practice') {
      // Logged with the card as it stands, so the log still says what the learner saw; replays skip practice.
      await tx.reviewLog.create({
        data: {
          userId,
          cardId: row.id,
          idempotencyKey: input.idempotencyKey,
          ...logFields(toCard(row), rating, now, clampRetention(retention)),
          ...answer,
          practice: true,
        },
      });
      await countStudyDay(tx, userId, now, 'reviews');
      return { duplicate: false, rating, card: await readCard(tx, row.id), practice: true };
    }
    const out = reviewCard(toCard(row), now, rating, retention);
    // Compare-and-set on the version read above: of several reviews racing on one due card, one reschedules it and
    // the others find it changed and are refused.
    const updated = await tx.reviewCard.updateMany({
      where: { id: row.id, userId, reps: row.reps },
      data: { ...cardFields(out.card), introducedAt: row.introducedAt ?? now },
    });
    if (updated.count !== 1) {
      // On PostgreSQL (read committed) the same request sent twice at once can lose this race to itself: the other copy
      // committed first. Its log is visible now, so this copy is a duplicate of it, not a conflict.
      const same = await earlier();
      if (same) return same;
      throw new ReviewConflictError();
    }
    await tx.reviewLog.create({
      data: {
        userId,
        cardId: row.id,
        idempotencyKey: input.idempotencyKey,
        ...logFields(out.before, rating, now, out.retention),
        ...answer,
      },
    });
    await countStudyDay(tx, userId, now, 'reviews');
    return { duplicate: false, rating, card: await readCard(tx, row.id), practice: false };
  });
}

/** One of this learner's cards by its item, or null. */
export async function findOwnCard(userId: string, itemKind: string, itemId: string) {
  return db.reviewCard.findUnique({
    where: { userId_itemKind_itemId: { userId, itemKind, itemId } },
    select: { id: true, itemKind: true, itemId: true, concept: true },
  });
}

/** One of this learner's cards by its id (another learner's card is null), with what grading a review needs. */
export async function findOwnCardById(userId: string, cardId: string) {
  return db.reviewCard.findFirst({
    where: { id: cardId, userId },
    select: { id: true, itemKind: true, itemId: true, concept: true, reps: true },
  });
}

export async function reviewForecast(userId: string, now: Date, days = 14) {
  const until = new Date(now.getTime() + days * 86_400_000);
  const rows = await db.reviewCard.findMany({ where: { userId, due: { lte: until } }, select: { due: true } });
  return forecast(
    rows.map((r) => r.due),
    now,
    days,
  );
}

export async function nextDueAt(userId: string, after: Date): Promise<Date | null> {
  const row = await db.reviewCard.findFirst({ where: { userId, due: { gt: after } }, orderBy: { due: 'asc' }, select: { due: true } });
  return row?.due ?? null;
}

/** Every card with the reviews that scheduled it (practice changed nothing, so it is left out): they replay to the card. */
export async function cardsWithLogs(userId: string) {
  return db.reviewCard.findMany({
    where: { userId },
    select: {
      ...cardSelect,
      createdAt: true,
      logs: { where: { practice: false }, orderBy: { review: 'asc' }, select: { rating: true, review: true, requestRetention: true } },
    },
  });
}

/** Keeps StudyDay in step with the answer or review just stored (same transaction). */
async function countStudyDay(tx: Tx, userId: string, at: Date, field: 'answers' | 'reviews'): Promise<void> {
  const day = utcDay(at);
  await tx.studyDay.upsert({
    where: { userId_day: { userId, day } },
    create: { userId, day, [field]: 1 },
    update: { [field]: { increment: 1 } },
  });
}
