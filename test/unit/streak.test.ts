// The study streak is one rule (lib/learning/streak.ts) for the signed-in dashboard, which counts StudyDay rows, and
// a guest's, which counts the answers and reviews kept in the browser.
import { describe, expect, it } from 'vitest';
import { guestDashboard } from '../../components/dashboard/guest-dashboard';
import type { GuestData } from '../../lib/guest/store';
import { streakOf, workByDay } from '../../lib/learning/streak';

const now = new Date('2026-05-10T15:00:00Z');

describe('streak', () => {
  it('counts consecutive UTC days with work, ending today or, before today’s first answer, yesterday', () => {
    expect(
      streakOf(
        new Map([
          ['2026-05-10', 1],
          ['2026-05-09', 3],
          ['2026-05-07', 1],
        ]),
        now,
      ),
    ).toBe(2);
    expect(
      streakOf(
        new Map([
          ['2026-05-09', 1],
          ['2026-05-08', 1],
        ]),
        now,
      ),
    ).toBe(2);
    expect(streakOf(new Map([['2026-05-08', 1]]), now)).toBe(0);
    // A day with a zero count is no work.
    expect(
      streakOf(
        new Map([
          ['2026-05-10', 0],
          ['2026-05-09', 1],
        ]),
        now,
      ),
    ).toBe(1);
  });

  it('groups timestamps by their UTC day, not the local one', () => {
    expect([...workByDay(['2026-05-09T23:30:00.000Z', '2026-05-10T00:10:00.000Z', '2026-05-10T09:00:00.000Z'])]).toEqual([
      ['2026-05-09', 1],
      ['2026-05-10', 2],
    ]);
  });

  it('gives a guest the streak the same days would give a signed-in learner', () => {
    const times = ['2026-05-10T01:00:00.000Z', '2026-05-09T22:00:00.000Z', '2026-05-08T12:00:00.000Z', '2026-05-06T12:00:00.000Z'];
    const g: GuestData = {
      version: 1,
      attempts: times.map((createdAt, i) => ({
        idempotencyKey: `k${i}`,
        itemKind: 'quiz' as const,
        itemId: `q${i}`,
        chapter: 'introduction',
        response: { selected: [0] },
        correct: true,
        confident: true,
        durationMs: 1000,
        firstAttempt: true,
        createdAt,
      })),
      reviews: [],
      completed: {},
      positions: {},
      settings: { desiredRetention: 0.9, newCardsPerDay: 20 },
    };
    const d = guestDashboard(g, [], {}, now);
    expect(d.streak).toBe(3);
    expect(d.streak).toBe(streakOf(workByDay(times), now));
  });
});
