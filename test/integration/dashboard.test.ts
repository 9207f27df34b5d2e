import { describe, expect, it } from 'vitest';
import { recordAttempt } from '../../lib/db/attempts';
import { getDashboard } from '../../lib/db/dashboard';
import { streakOf } from '../../lib/learning/streak';
import { recordReview } from '../../lib/db/reviews';
import { setChapterComplete } from '../../lib/db/progress';
import { createUser } from '../../lib/db/users';
import { db } from '../../lib/db/client';

const now = new Date('2026-05-10T15:00:00Z');
const daysAgo = (n: number, h = 10) => new Date(Date.UTC(2026, 4, 10 - n, h));

describe('learner dashboard data', () => {
  it('summarises chapters, failure modes, confusions, due cards and study days for that learner only', async () => {
    const u = await createUser({ name: 'D', email: 'dash@example.com', passwordHash: 'x', role: 'learner' });
    const other = await createUser({ name: 'O', email: 'dash-other@example.com', passwordHash: 'x', role: 'learner' });
    const schedule = { concept: null, retention: 0.9 };
    const quiz = (userId: string, id: string, chapter: string, correct: boolean, at: Date) =>
      recordAttempt(userId, {
        idempotencyKey: `${userId}-${id}`,
        itemKind: 'quiz',
        itemId: id,
        chapter,
        response: { selected: [0] },
        correct,
        confident: true,
        durationMs: 20_000,
        createdAt: at,
        schedule,
      });
    await quiz(u.id, 'q1', 'introduction', true, daysAgo(2));
    await quiz(u.id, 'q2', 'introduction', false, daysAgo(1));
    await quiz(u.id, 'q3', 'scheming', true, daysAgo(0));
    await quiz(other.id, 'q1', 'introduction', true, daysAgo(0));
    await recordAttempt(u.id, {
      idempotencyKey: 'scn-1',
      itemKind: 'scenario',
      itemId: 's1',
      chapter: 'introduction',
      response: { label: 'specification-gaming', axes: {}, truth: 'goal-misgeneralization' },
      correct: false,
      confident: true,
      durationMs: 30_000,
      createdAt: daysAgo(0),
      schedule: { concept: 'goal-misgeneralization', retention: 0.9 },
    });
    const card = await db.reviewCard.findFirstOrThrow({ where: { userId: u.id, itemId: 'q1' } });
    await recordReview(
      u.id,
      {
        cardId: card.id,
        shownItemId: 'q1',
        correct: true,
        confident: true,
        durationMs: 20_000,
        idempotencyKey: 'rev-1',
        cardVersion: null,
      },
      daysAgo(0, 12),
      0.9,
    );
    await setChapterComplete(u.id, 'introduction', true, daysAgo(1));

    const d = await getDashboard({
      userId: u.id,
      now,
      chapters: [
        { slug: 'introduction', title: 'Introduction', quizIds: ['q1', 'q2'] },
        { slug: 'scheming', title: 'Scheming', quizIds: ['q3', 'q4'] },
      ],
      scenarioOf: (id) =>
        id === 's1'
          ? {
              label: 'goal-misgeneralization',
              questions: {
                training: { answer: 'no', evidence: [] },
                shift: { answer: 'yes', evidence: [] },
                competence: { answer: 'yes', evidence: [] },
              },
            }
          : null,
      scenariosPerLabel: { 'specification-gaming': 0, 'goal-misgeneralization': 1, 'capability-failure': 0 },
    });
    const intro = d.chapters.find((c) => c.slug === 'introduction')!;
    // The chapter's own questions only; the drill scenario counts under its failure mode.
    expect(intro).toMatchObject({ completed: true, items: 2, answered: 2, firstCorrect: 1 });
    expect(d.modes.find((m) => m.label === 'goal-misgeneralization')).toMatchObject({
      items: 1,
      answered: 1,
      labelRight: 0,
      firstCorrect: 0,
    });
    expect(d.chapters.find((c) => c.slug === 'scheming')).toMatchObject({ answered: 1, firstCorrect: 1, completed: false });
    expect(d.confusion['goal-misgeneralization']['specification-gaming']).toBe(1);
    expect(d.totalCards).toBe(4);
    expect(d.forecast).toHaveLength(14);
    expect(d.forecast.reduce((n, f) => n + f.count, 0)).toBeGreaterThanOrEqual(d.due.now + d.due.laterToday);
    expect(d.streak).toBe(3);
    expect(d.activity.map((a) => a.day)).toEqual(['2026-05-08', '2026-05-09', '2026-05-10']);
    expect(d.activity.at(-1)!.count).toBe(3); // q3, s1 and one review today
    expect(d.recent[0]!.kind).toBe('review');
  });

  it('a streak counts consecutive days ending today, or yesterday when today has no work yet', () => {
    const days = new Map([
      ['2026-05-08', 1],
      ['2026-05-09', 2],
    ]);
    expect(streakOf(days, now)).toBe(2);
    expect(streakOf(new Map([['2026-05-07', 1]]), now)).toBe(0);
  });
});
