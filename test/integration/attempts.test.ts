import { describe, expect, it } from 'vitest';
import { mergedOnlyFirsts, recordAttempt } from '../../lib/db/attempts';
import { createUser } from '../../lib/db/users';
import { getChapterProgress, saveReadingPosition, setChapterComplete } from '../../lib/db/progress';
import { db } from '../../lib/db/client';

const base = {
  itemKind: 'quiz' as const,
  itemId: 'ld-flat-basins',
  chapter: 'learning-dynamics',
  response: { selected: [1] },
  confident: true,
  durationMs: 1200,
};

async function learner(email: string) {
  return createUser({ name: 'L', email, passwordHash: 'x', role: 'learner' });
}

describe('attempts', () => {
  it('stores a retried submit once, and flags only the first attempt at an item', async () => {
    const u = await learner('a1@example.com');
    const first = await recordAttempt(u.id, { ...base, idempotencyKey: 'key-aaaaaaaa', correct: false });
    const retry = await recordAttempt(u.id, { ...base, idempotencyKey: 'key-aaaaaaaa', correct: false });
    expect(retry.duplicate).toBe(true);
    expect(retry.attempt.id).toBe(first.attempt.id);
    const second = await recordAttempt(u.id, { ...base, idempotencyKey: 'key-bbbbbbbb', correct: true });
    expect(first.attempt.firstAttempt).toBe(true);
    expect(second.attempt.firstAttempt).toBe(false);
    expect(await db.attempt.count({ where: { userId: u.id } })).toBe(2);
  });

  it('concurrent copies of one request store one row', async () => {
    const u = await learner('a2@example.com');
    const results = await Promise.all(
      Array.from({ length: 8 }, () => recordAttempt(u.id, { ...base, idempotencyKey: 'same-key-123', correct: true })),
    );
    expect(new Set(results.map((r) => r.attempt.id)).size).toBe(1);
    expect(await db.attempt.count({ where: { userId: u.id } })).toBe(1);
  });

  it("keeps each learner's keys separate", async () => {
    const a = await learner('a3@example.com');
    const b = await learner('a4@example.com');
    await recordAttempt(a.id, { ...base, idempotencyKey: 'shared-key-1', correct: true });
    const rb = await recordAttempt(b.id, { ...base, idempotencyKey: 'shared-key-1', correct: false });
    expect(rb.duplicate).toBe(false);
    expect(rb.attempt.firstAttempt).toBe(true);
  });
});

describe('merged (guest) answers', () => {
  it('are never first attempts, make the review card, and leave the first place to the first signed-in answer', async () => {
    const u = await learner('m1@example.com');
    const schedule = { concept: null, retention: 0.9 };
    const merged = await recordAttempt(u.id, { ...base, idempotencyKey: 'guest-m1-a', correct: true, merged: true, schedule });
    const mergedAgain = await recordAttempt(u.id, { ...base, idempotencyKey: 'guest-m1-b', correct: false, merged: true, schedule });
    expect([merged.attempt.firstAttempt, mergedAgain.attempt.firstAttempt]).toEqual([false, false]);
    expect(await db.reviewCard.count({ where: { userId: u.id } })).toBe(1);
    expect(await db.reviewLog.count({ where: { userId: u.id, merged: true } })).toBe(1);
    // The learner's own progress shows the item (from its earliest merged answer); no class would.
    expect(await mergedOnlyFirsts(u.id)).toMatchObject([{ itemId: base.itemId, correct: true }]);
    expect((await getChapterProgress(u.id)).find((r) => r.chapter === 'learning-dynamics')).toMatchObject({ answered: 1, firstCorrect: 1 });
    // Signed in (the fast SQLite path on a file database): this one is the first attempt, and it now counts instead.
    const signedIn = await recordAttempt(u.id, { ...base, idempotencyKey: 'm1-signed-in', correct: false, schedule });
    expect(signedIn.attempt.firstAttempt).toBe(true);
    const later = await recordAttempt(u.id, { ...base, idempotencyKey: 'm1-signed-in-2', correct: true, schedule });
    expect(later.attempt.firstAttempt).toBe(false);
    expect(await mergedOnlyFirsts(u.id)).toEqual([]);
    expect((await getChapterProgress(u.id)).find((r) => r.chapter === 'learning-dynamics')).toMatchObject({ answered: 1, firstCorrect: 0 });
    expect(await db.reviewCard.count({ where: { userId: u.id } })).toBe(1);
  });
});

describe('chapter progress', () => {
  it('summarises completion, position and first-attempt results per chapter, for that learner only', async () => {
    const u = await learner('p1@example.com');
    const other = await learner('p2@example.com');
    await setChapterComplete(u.id, 'introduction', true);
    await saveReadingPosition(u.id, 'learning-dynamics', 'simplicity-bias');
    await recordAttempt(u.id, { ...base, idempotencyKey: 'p1-k1-xxxx', correct: true });
    await recordAttempt(u.id, { ...base, idempotencyKey: 'p1-k2-xxxx', correct: true });
    await recordAttempt(other.id, { ...base, idempotencyKey: 'p2-k1-xxxx', correct: true });
    const rows = await getChapterProgress(u.id);
    const intro = rows.find((r) => r.chapter === 'introduction');
    const ld = rows.find((r) => r.chapter === 'learning-dynamics');
    expect(intro?.completedAt).toBeInstanceOf(Date);
    expect(ld).toMatchObject({ position: 'simplicity-bias', answered: 1, firstCorrect: 1, completedAt: null });
    await setChapterComplete(u.id, 'introduction', false);
    expect((await getChapterProgress(u.id)).find((r) => r.chapter === 'introduction')?.completedAt).toBeNull();
  });
});
