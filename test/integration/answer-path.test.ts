import { describe, expect, it } from 'vitest';
import { recordAttempt } from '../../lib/db/attempts';
import { recordReview } from '../../lib/db/reviews';
import { createUser } from '../../lib/db/users';
import { db } from '../../lib/db/client';
import { replay } from '../../lib/learning/srs';

// The answer path runs on a raw prepared-statement connection on SQLite and through Prisma on PostgreSQL. Whatever
// it writes must read back through Prisma exactly as Prisma would have written it, and answers stored in the middle
// of other transactions (reviews) must neither fail nor break them.

const answer = (userId: string, key: string, itemId: string, correct: boolean, at?: Date) =>
  recordAttempt(userId, {
    idempotencyKey: key,
    itemKind: 'quiz',
    itemId,
    chapter: 'introduction',
    response: { selected: [correct ? 0 : 1] },
    correct,
    confident: true,
    durationMs: 12_345,
    createdAt: at,
    schedule: { concept: 'goal misgeneralization', retention: 0.9 },
  });

describe('the answer path', () => {
  it('stores rows that read back through Prisma with the right types, times and a replayable first review', async () => {
    const u = await createUser({ name: 'P', email: 'path@example.com', passwordHash: 'x', role: 'learner' });
    const at = new Date('2026-05-04T23:59:58.123Z');
    const { attempt, duplicate } = await answer(u.id, 'path-1', 'intro-q1', true, at);
    expect(duplicate).toBe(false);
    expect(attempt).toMatchObject({ itemId: 'intro-q1', correct: true, firstAttempt: true });
    expect(attempt.createdAt.toISOString()).toBe(at.toISOString());

    const row = await db.attempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect(row).toMatchObject({
      userId: u.id,
      idempotencyKey: 'path-1',
      itemKind: 'quiz',
      chapter: 'introduction',
      correct: true,
      confident: true,
      durationMs: 12_345,
      firstAttempt: true,
      classId: null,
    });
    expect(row.createdAt.toISOString()).toBe(at.toISOString());
    expect(JSON.parse(row.response)).toEqual({ selected: [0] });
    // Attempts sort and filter by time through Prisma as they would have had Prisma written them.
    expect(
      await db.attempt.count({
        where: { userId: u.id, createdAt: { gte: new Date('2026-05-04T23:59:58.000Z'), lt: new Date('2026-05-05T00:00:00Z') } },
      }),
    ).toBe(1);
    const day = await db.studyDay.findUniqueOrThrow({ where: { userId_day: { userId: u.id, day: '2026-05-04' } } });
    expect(day.answers).toBe(1);

    const card = await db.reviewCard.findUniqueOrThrow({
      where: { userId_itemKind_itemId: { userId: u.id, itemKind: 'quiz', itemId: 'intro-q1' } },
      include: { logs: true },
    });
    expect(card.concept).toBe('goal misgeneralization');
    expect(card.createdAt.toISOString()).toBe(at.toISOString());
    expect(card.logs).toHaveLength(1);
    expect(card.logs[0]!.idempotencyKey).toBe('first-path-1');
    expect(card.logs[0]!.review.toISOString()).toBe(at.toISOString());
    const replayed = replay(
      card.createdAt,
      card.logs.map((l) => ({ rating: l.rating as 1 | 2 | 3 | 4, review: l.review, retention: l.requestRetention })),
    );
    expect(card.due.toISOString()).toBe(replayed.due.toISOString());
    expect(card.stability).toBeCloseTo(replayed.stability, 10);
    expect(card.reps).toBe(replayed.reps);

    // The same key again is the same answer; a second key on the item is stored but is not the first.
    const again = await answer(u.id, 'path-1', 'intro-q1', false);
    expect(again.duplicate).toBe(true);
    expect(again.attempt.id).toBe(attempt.id);
    const second = await answer(u.id, 'path-2', 'intro-q1', false);
    expect(second.attempt.firstAttempt).toBe(false);
    expect(await db.reviewCard.count({ where: { userId: u.id } })).toBe(1);
    expect(await db.reviewLog.count({ where: { userId: u.id } })).toBe(1);
  });

  it('answers stored while reviews run in their own transactions: every one of both is stored once', async () => {
    const u = await createUser({ name: 'Q', email: 'path-mix@example.com', passwordHash: 'x', role: 'learner' });
    await answer(u.id, 'seed-card', 'intro-q2', true, new Date('2026-01-01T00:00:00Z'));
    const card = await db.reviewCard.findFirstOrThrow({ where: { userId: u.id } });
    // Reviews of one card come one after another (a learner reviews a card once at a time); answers to other
    // items arrive in between, concurrently.
    const reviews = (async () => {
      for (let i = 0; i < 10; i++) {
        await recordReview(
          u.id,
          {
            cardId: card.id,
            shownItemId: 'intro-q2',
            correct: true,
            confident: true,
            durationMs: 9000,
            idempotencyKey: `rev-${i}`,
            cardVersion: null,
          },
          new Date(Date.UTC(2026, 0, 2 + 4 * i)),
          0.9,
        );
      }
    })();
    const work: Promise<unknown>[] = [reviews];
    for (let i = 0; i < 40; i++) work.push(answer(u.id, `mix-${i}`, `item-${i % 7}`, i % 3 !== 0));
    await Promise.all(work);
    expect(await db.attempt.count({ where: { userId: u.id } })).toBe(41);
    expect(await db.attempt.count({ where: { userId: u.id, firstAttempt: true } })).toBe(8);
    // 1 first review from the seed answer, 7 more cards' first reviews, 10 reviews of the seeded card.
    expect(await db.reviewLog.count({ where: { userId: u.id } })).toBe(18);
    expect(await db.reviewLog.count({ where: { cardId: card.id } })).toBe(11);
  });
});
