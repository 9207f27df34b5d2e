import { describe, expect, it } from 'vitest';
import { recordAttempt } from '../../lib/db/attempts';
import { createUser } from '../../lib/db/users';
import { db } from '../../lib/db/client';

describe('concurrent answers to one item', () => {
  it('different answers at the same instant store both, exactly one counts as first, and one card is made', async () => {
    const u = await createUser({ name: 'R', email: 'race@example.com', passwordHash: 'x', role: 'learner' });
    const answer = (k: number) =>
      recordAttempt(u.id, {
        idempotencyKey: `race-key-${k}`,
        itemKind: 'quiz',
        itemId: 'sch-a1-a2',
        chapter: 'scheming',
        response: { selected: [k % 2] },
        correct: k % 2 === 0,
        confident: true,
        durationMs: 10_000,
        schedule: { concept: null, retention: 0.9 },
      });
    const results = await Promise.all([0, 1, 2, 3, 4, 5].map(answer));
    expect(results.every((r) => !r.duplicate)).toBe(true);
    expect(await db.attempt.count({ where: { userId: u.id } })).toBe(6);
    expect(await db.attempt.count({ where: { userId: u.id, firstAttempt: true } })).toBe(1);
    expect(await db.reviewCard.count({ where: { userId: u.id } })).toBe(1);
  });
});
