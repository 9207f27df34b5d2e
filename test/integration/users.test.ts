import { describe, expect, it } from 'vitest';
import { createUser, EmailTakenError, findUserForSignIn, setUserRole } from '../../lib/db/users';
import { db } from '../../lib/db/client';

describe('users store', () => {
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
