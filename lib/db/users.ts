import 'server-only';
import { db } from './client';
import { fastSqlite, fromSqliteTime } from './fast-sqlite';
import { pgFast, pgRows } from './pg-fast';

export type Role = 'learner' | 'instructor';

export interface UserRecord {
  id: string;
  name: string | null;
  email: string;
  role: Role;
  sessionVersion: number;
  createdAt: Date;
}

const publicFields = { id: true, name: true, email: true, role: true, sessionVersion: true, createdAt: true } as const;

function toRecord(u: {
  id: string;
  name: string | null;
  email: string;
  role: string;
  sessionVersion: number;
  createdAt: Date;
}): UserRecord {
  return { ...u, role: u.role === 'instructor' ? 'instructor' : 'learner' };
}

export class EmailTakenError extends Error {
  constructor() {
    super('An account with this email already exists.');
  }
}

export async function createUser(input: { name: string; email: string; passwordHash: string; role: Role }): Promise<UserRecord> {
  try {
    const u = await db.user.create({ data: input, select: publicFields });
    return toRecord(u);
  } catch (e) {
    if (isUniqueViolation(e)) throw new EmailTakenError();
    throw e;
  }
}

export async function findUserForSignIn(email: string) {
  return db.user.findUnique({ where: { email }, select: { ...publicFields, passwordHash: true } });
}

/** False for accounts that only sign in through GitHub or Google. */
export async function hasPassword(userId: string): Promise<boolean> {
  const u = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return Boolean(u?.passwordHash);
}

export async function getUserById(id: string): Promise<UserRecord | null> {
  // Read on every signed-in request (the session check): one prepared statement instead of Prisma, on either store.
  const fast = fastSqlite();
  if (fast) {
    const r = fast.stmt('SELECT id, name, email, role, sessionVersion, createdAt FROM "User" WHERE id = ?').get(id) as
      { id: string; name: string | null; email: string; role: string; sessionVersion: number; createdAt: string } | undefined;
    return r ? toRecord({ ...r, createdAt: fromSqliteTime(r.createdAt) }) : null;
  }
  const pg = pgFast();
  if (pg) {
    const [r] = await pgRows<{ id: string; name: string | null; email: string; role: string; sessionVersion: number; createdAt: Date }>(
      pg,
      'goalpost_user_by_id',
      'SELECT id, name, email, role, "sessionVersion", "createdAt" FROM "User" WHERE id = $1',
      [id],
    );
    return r ? toRecord(r) : null;
  }
  const u = await db.user.findUnique({ where: { id }, select: publicFields });
  return u ? toRecord(u) : null;
}

export async function setUserRole(email: string, role: Role): Promise<UserRecord | null> {
  const u = await db.user.findUnique({ where: { email } });
  if (!u) return null;
  // A role change ends existing sessions: they carry the old sessionVersion.
  const updated = await db.user.update({
    where: { email },
    data: { role, sessionVersion: { increment: 1 } },
    select: publicFields,
  });
  return toRecord(updated);
}

/**
 * A learner who chose to teach (the "Become an instructor" form). Unlike setUserRole (the server operator's script,
 * which may demote), the session stays: roles are re-read from the database on every request, so the new role
 * applies from the next one without signing in again.
 */
export async function makeInstructor(userId: string): Promise<UserRecord | null> {
  await db.user.updateMany({ where: { id: userId, role: 'learner' }, data: { role: 'instructor' } });
  return getUserById(userId);
}

export async function bumpSessionVersion(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

export async function updatePasswordHash(userId: string, passwordHash: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
}

/**
 * Swaps a hash for one of the same password made with today's parameters. Sessions stay valid (the password did not
 * change), and a password changed meanwhile is left alone.
 */
export async function replacePasswordHash(userId: string, oldHash: string, newHash: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId, passwordHash: oldHash }, data: { passwordHash: newHash } });
}

export function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === 'P2002';
}
