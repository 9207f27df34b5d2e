import { describe, expect, it } from 'vitest';
import { guestDashboard } from '../../components/dashboard/guest-dashboard';
import type { GuestData } from '../../lib/guest/store';

const now = new Date('2026-05-10T15:00:00Z');
const attempt = (
  itemKind: 'quiz' | 'scenario',
  itemId: string,
  chapter: string,
  correct: boolean,
  createdAt: string,
  response: unknown = null,
  firstAttempt = true,
) => ({
  idempotencyKey: `${itemId}-${createdAt}`,
  itemKind,
  itemId,
  chapter,
  response,
  correct,
  confident: true,
  durationMs: 20_000,
  firstAttempt,
  createdAt,
});

describe('guest dashboard', () => {
  it('computes chapters, confusions, cards and streak from what the browser stored', () => {
    const g: GuestData = {
      version: 1,
      attempts: [
        attempt('quiz', 'q1', 'introduction', true, '2026-05-09T10:00:00.000Z'),
        attempt('quiz', 'q1', 'introduction', false, '2026-05-09T10:05:00.000Z', null, false),
        attempt('scenario', 's1', 'introduction', false, '2026-05-10T09:00:00.000Z', {
          label: 'specification-gaming',
          truth: 'goal-misgeneralization',
        }),
      ],
      reviews: [],
      completed: { introduction: '2026-05-09T11:00:00.000Z' },
      positions: {},
      settings: { desiredRetention: 0.9, newCardsPerDay: 20 },
    };
    const d = guestDashboard(
      g,
      [{ slug: 'introduction', title: 'Introduction', items: 10 }],
      { s1: { label: 'goal-misgeneralization' } },
      now,
    );
    // The chapter counts its own questions (as its page does); the drill scenario counts under its failure mode.
    expect(d.chapters[0]).toMatchObject({ completed: true, answered: 1, firstCorrect: 1, level: 'attempted' });
    expect(d.confusion['goal-misgeneralization']['specification-gaming']).toBe(1);
    expect(d.totalCards).toBe(2);
    expect(d.streak).toBe(2);
    expect(d.modes.find((m) => m.label === 'goal-misgeneralization')).toMatchObject({ answered: 1, firstCorrect: 0 });
  });
});
