import { describe, expect, it } from 'vitest';
import { createUser, EmailTakenError, findUserForSignIn, getUserById, setUserRole } from '../../lib/db/users';
import { getSettings } from '../../lib/db/settings';
import { db } from '../../lib/db/client';

describe('users store', () => {
  it('reads a user and their settings on the fast path (prepared statements) exactly as Prisma reads them, time included', async () => {
    const u = await createUser({ name: 'Fast', email: 'fast-path@example.com', passwordHash: 'x', role: 'learner' });
    const createdAt = new Date('2026-07-01T23:30:00.123Z');
    await db.user.update({
      where: { id: u.id },
      data: { createdAt, settings: JSON.stringify({ desiredRetention: 0.85, newCardsPerDay: 7 }) },
    });
    const viaPrisma = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    const fast = await getUserById(u.id);
    expect(fast).toMatchObject({
      id: u.id,
      name: 'Fast',
      email: 'fast-path@example.com',
      role: 'learner',
      sessionVersion: viaPrisma.sessionVersion,
    });
    expect(fast!.createdAt.toISOString()).toBe(createdAt.toISOString());
    expect(await getSettings(u.id)).toMatchObject({ desiredRetention: 0.85, newCardsPerDay: 7 });
    expect(await getUserById('no-such-user')).toBeNull();
  });

  it('creates a user and finds it by email', async () => {
    const u = await createUser({ name: 'Ada', email: 'ada@example.com', passwordHash: 'h', role: 'learner' });
    expect(u.role).toBe('learner');
    const found = await findUserForSignIn('ada@example.com');
    expect(found?.id).toBe(u.id);
    expect(found?.passwordHash).toBe('h');
  });

  it('refuses a taken email and writes nothing', async () => {
    await createUser({ name: 'Bo', email: 'bo@example.com', passwordHash: 'h', role: 'learner' });
    const before = await db.user.count();
    await expect(createUser({ name: 'Bo 2', email: 'bo@example.com', passwordHash: 'h2', role: 'instructor' })).rejects.toBeInstanceOf(
      EmailTakenError,
    );
    expect(await db.user.count()).toBe(before);
  });

  it('ends existing sessions when the role changes', async () => {
    const u = await createUser({ name: 'Cy', email: 'cy@example.com', passwordHash: 'h', role: 'learner' });
    const changed = await setUserRole('cy@example.com', 'instructor');
    expect(changed?.role).toBe('instructor');
    expect(changed?.sessionVersion).toBe(u.sessionVersion + 1);
    expect(await setUserRole('nobody@example.com', 'instructor')).toBeNull();
  });
});
