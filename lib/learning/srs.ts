// Spaced review with FSRS-6 through ts-fsrs (the scheduler is theirs; this file only maps our answers onto it).
// Pure: the clock and the learner's settings are arguments.
import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card, type Grade } from 'ts-fsrs';

export { Rating, State };
export type { Card, Grade };

export const DEFAULT_RETENTION = 0.9;
export const MIN_RETENTION = 0.7;
export const MAX_RETENTION = 0.97;
export const DEFAULT_NEW_PER_DAY = 20;

/** Answering faster than this, right and sure, counts as effortless recall (Easy). */
const FAST_MS = { quiz: 8_000, scenario: 20_000 } as const;

export interface AnswerSignal {
  correct: boolean;
  confident: boolean;
  durationMs: number | null;
  itemKind: 'quiz' | 'scenario';
}

/**
 * The FSRS grade of an answer:
 *   wrong                      -> Again
 *   right but unsure           -> Hard
 *   right and sure             -> Good
 *   right, sure and fast       -> Easy   (under FAST_MS for the kind of item)
 */
export function ratingFor(a: AnswerSignal): Grade {
  if (!a.correct) return Rating.Again;
  if (!a.confident) return Rating.Hard;
  if (a.durationMs !== null && a.durationMs < FAST_MS[a.itemKind]) return Rating.Easy;
  return Rating.Good;
}

export function clampRetention(r: number): number {
  return Math.min(MAX_RETENTION, Math.max(MIN_RETENTION, r));
}

// Fuzz off: the same history always gives the same schedule, so a learner's log replays exactly.
const schedulers = new Map<number, ReturnType<typeof fsrs>>();
function scheduler(retention: number) {
  const r = clampRetention(retention);
  let s = schedulers.get(r);
  if (!s) {
    if (schedulers.size > 64) schedulers.clear();
    schedulers.set(r, (s = makeScheduler(r)));
  }
  return s;
}
function makeScheduler(retention: number) {
  return fsrs(generatorParameters({ request_retention: clampRetention(retention), enable_fuzz: false, enable_short_term: true }));
}

export function newCard(now: Date): Card {
  return createEmptyCard(now);
}

export interface ReviewOutcome {
  card: Card;
  /** The card as it was before this review (what a review log records). */
  before: Card;
  rating: Grade;
  review: Date;
  retention: number;
}

export function reviewCard(card: Card, now: Date, rating: Grade, retention: number): ReviewOutcome {
  const { card: next } = scheduler(retention).next(card, now, rating);
  return { card: next, before: card, rating, review: now, retention: clampRetention(retention) };
}

export interface LoggedReview {
  rating: Grade;
  review: Date;
  retention: number;
}

/** Rebuilds a card from its review log: the stored card must equal this (tested). */
export function replay(createdAt: Date, logs: LoggedReview[]): Card {
  let card = newCard(createdAt);
  for (const l of [...logs].sort((a, b) => a.review.getTime() - b.review.getTime())) {
    card = reviewCard(card, l.review, l.rating, l.retention).card;
  }
  return card;
}
