import { describe, expect, it } from 'vitest';
import { cardVersion, EARLY_WINDOW_MAX_MS, earlyWindowMs, reviewKind } from '../../lib/learning/review-window';

const t0 = new Date('2026-03-01T09:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const MIN = 60_000;
const DAY = 86_400_000;

describe('when a review counts', () => {
  it('a card reviewed on or after its due time counts', () => {
    const card = { lastReview: t0, due: at(10 * DAY), reps: 3 };
    expect(reviewKind(card, at(10 * DAY))).toBe('review');
    expect(reviewKind(card, at(40 * DAY))).toBe('review');
  });

  it('up to an hour early counts for long intervals, earlier is practice', () => {
    const card = { lastReview: t0, due: at(10 * DAY), reps: 3 };
    expect(earlyWindowMs(card)).toBe(EARLY_WINDOW_MAX_MS);
    expect(reviewKind(card, at(10 * DAY - 59 * MIN))).toBe('review');
    expect(reviewKind(card, at(10 * DAY - 61 * MIN))).toBe('practice');
    expect(reviewKind(card, at(1 * DAY))).toBe('practice');
  });

  it('a learning step of ten minutes may come one minute early, not an hour', () => {
    const card = { lastReview: t0, due: at(10 * MIN), reps: 1 };
    expect(earlyWindowMs(card)).toBe(MIN);
    expect(reviewKind(card, at(9 * MIN))).toBe('review');
    expect(reviewKind(card, at(8 * MIN))).toBe('practice');
    expect(reviewKind(card, at(0))).toBe('practice');
  });

  it('a time before the last review is always practice, so no review is recorded before the one that scheduled the card', () => {
    for (const interval of [MIN, 10 * MIN, DAY, 100 * DAY]) {
      const card = { lastReview: t0, due: at(interval), reps: 2 };
      expect(reviewKind(card, at(-1))).toBe('practice');
    }
  });

  it('a card with no review yet has no early window', () => {
    expect(earlyWindowMs({ lastReview: null, due: at(DAY), reps: 0 })).toBe(0);
    expect(reviewKind({ lastReview: null, due: at(DAY), reps: 0 }, at(DAY - 1))).toBe('practice');
  });

  it('the version a client is shown is the repetition count, which every counted review changes', () => {
    expect(cardVersion({ reps: 4 })).toBe(4);
  });
});
