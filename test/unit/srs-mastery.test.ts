import { describe, expect, it } from 'vitest';
import { clampRetention, newCard, Rating, ratingFor, replay, reviewCard } from '../../lib/learning/srs';
import { masteryLevel } from '../../lib/learning/mastery';
import { forecast, interleave } from '../../lib/learning/queue';

describe('answer → FSRS grade', () => {
  it('maps correctness, confidence and speed as documented', () => {
    expect(ratingFor({ correct: false, confident: true, durationMs: 1000, itemKind: 'quiz' })).toBe(Rating.Again);
    expect(ratingFor({ correct: true, confident: false, durationMs: 1000, itemKind: 'quiz' })).toBe(Rating.Hard);
    expect(ratingFor({ correct: true, confident: true, durationMs: 30_000, itemKind: 'quiz' })).toBe(Rating.Good);
    expect(ratingFor({ correct: true, confident: true, durationMs: 3_000, itemKind: 'quiz' })).toBe(Rating.Easy);
    // A scenario takes longer to read: 15 s is still fast for one.
    expect(ratingFor({ correct: true, confident: true, durationMs: 15_000, itemKind: 'scenario' })).toBe(Rating.Easy);
    expect(ratingFor({ correct: true, confident: true, durationMs: null, itemKind: 'quiz' })).toBe(Rating.Good);
  });

  it('keeps desired retention within 0.70–0.97', () => {
    expect(clampRetention(0.5)).toBe(0.7);
    expect(clampRetention(0.99)).toBe(0.97);
  });
});

describe('scheduling', () => {
  const t0 = new Date('2026-03-01T09:00:00Z');
  it('a right answer waits longer than a wrong one, and higher retention reviews sooner', () => {
    const good = reviewCard(newCard(t0), t0, Rating.Good, 0.9).card;
    const again = reviewCard(newCard(t0), t0, Rating.Again, 0.9).card;
    expect(good.due.getTime()).toBeGreaterThan(again.due.getTime());
    const later = new Date(good.due.getTime());
    const at90 = reviewCard(good, later, Rating.Good, 0.9).card;
    const at97 = reviewCard(good, later, Rating.Good, 0.97).card;
    expect(at97.due.getTime()).toBeLessThan(at90.due.getTime());
  });

  it('replaying a review log reproduces the card exactly', () => {
    let card = newCard(t0);
    const logs = [];
    let t = t0;
    for (const [rating, retention] of [
      [Rating.Good, 0.9],
      [Rating.Again, 0.9],
      [Rating.Good, 0.85],
      [Rating.Easy, 0.95],
    ] as const) {
      card = reviewCard(card, t, rating, retention).card;
      logs.push({ rating, review: t, retention });
      t = new Date(card.due.getTime() + 3_600_000);
    }
    expect(replay(t0, logs)).toEqual(card);
  });
});

describe('mastery levels', () => {
  const base = { items: 8, firstAttempts: 0, firstCorrect: 0, reviews: 0, reviewsCorrect: 0, meanStabilityDays: 0 };
  it('climbs from not started to mastered as coverage, accuracy and retention grow', () => {
    expect(masteryLevel(base)).toBe('not-started');
    expect(masteryLevel({ ...base, firstAttempts: 2, firstCorrect: 2 })).toBe('attempted');
    expect(masteryLevel({ ...base, firstAttempts: 5, firstCorrect: 3 })).toBe('familiar');
    expect(masteryLevel({ ...base, firstAttempts: 7, firstCorrect: 6, reviews: 4, reviewsCorrect: 3 })).toBe('proficient');
    expect(masteryLevel({ ...base, firstAttempts: 8, firstCorrect: 7, reviews: 6, reviewsCorrect: 6, meanStabilityDays: 10 })).toBe(
      'mastered',
    );
  });
  it('does not call first-try luck mastery without retention over time', () => {
    expect(masteryLevel({ ...base, firstAttempts: 8, firstCorrect: 8, reviews: 6, reviewsCorrect: 6, meanStabilityDays: 2 })).toBe(
      'proficient',
    );
    expect(masteryLevel({ ...base, firstAttempts: 8, firstCorrect: 8 })).toBe('familiar');
  });
  it('low first-attempt accuracy stays at attempted', () => {
    expect(masteryLevel({ ...base, firstAttempts: 8, firstCorrect: 3 })).toBe('attempted');
  });
});

describe('review queue', () => {
  const d = (h: number) => new Date(Date.UTC(2026, 2, 1, h));
  it('interleaves chapters and failure modes instead of blocking one topic', () => {
    const cards = [
      { id: 'a1', due: d(1), chapter: 'a', concept: null },
      { id: 'a2', due: d(2), chapter: 'a', concept: null },
      { id: 'a3', due: d(3), chapter: 'a', concept: null },
      { id: 'b1', due: d(4), chapter: 'b', concept: null },
      { id: 'b2', due: d(5), chapter: 'b', concept: null },
    ];
    const order = interleave(cards).map((c) => c.id);
    expect(order).toEqual(['a1', 'b1', 'a2', 'b2', 'a3']);
  });
  it('forecasts due cards per day, overdue counted today', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    const f = forecast(
      [
        new Date('2026-03-01T00:00:00Z'),
        new Date('2026-03-10T23:00:00Z'),
        new Date('2026-03-12T08:00:00Z'),
        new Date('2026-04-30T00:00:00Z'),
      ],
      now,
      14,
    );
    expect(f).toHaveLength(14);
    expect(f[0]).toEqual({ day: '2026-03-10', count: 2 });
    expect(f[2]).toEqual({ day: '2026-03-12', count: 1 });
    expect(f.reduce((n, x) => n + x.count, 0)).toBe(3);
  });
});
