import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { auth } from './config';
import { sessionClaims } from './session-cookie';
import { getUserById, type Role, type UserRecord } from '../db/users';
import { instructorRole } from '../db/classes';

/**
 * The signed-in user, re-read from the database once per request. A session whose version no longer matches
 * (signed out everywhere, password or role changed) counts as signed out.
 */
export const currentUser = cache(async (): Promise<UserRecord | null> => {
  const claims = await sessionClaims();
  let id: string | undefined;
  let sv: unknown;
  if (claims === 'unreadable') {
    const session = await auth();
    id = (session?.user as { id?: string } | undefined)?.id;
    sv = (session as unknown as { sv?: unknown } | null)?.sv;
  } else if (claims) {
    id = claims.sub;
    sv = claims.sv;
  }
  if (!id) return null;
  const user = await getUserById(id);
  if (!user) return null;
  if (typeof sv === 'number' && sv !== user.sessionVersion) return null;
  return user;
});

export class AuthorizationError extends Error {
  constructor(
    message: string,
    readonly status: 401 | 403 | 404,
  ) {
    super(message);
  }
}

/** For data functions and actions: throws (401) rather than redirecting. */
export async function requireUser(): Promise<UserRecord> {
  const user = await currentUser();
  if (!user) throw new AuthorizationError('Please sign in to do that.', 401);
  return user;
}

export async function requireRole(role: Role): Promise<UserRecord> {
  const user = await requireUser();
  if (user.role !== role) throw new AuthorizationError(`Only ${role}s can do that.`, 403);
  return user;
}

/** For pages: sends a signed-out visitor to sign in and back. */
export async function requireUserOrRedirect(path: string): Promise<UserRecord> {
  const user = await currentUser();
  if (!user) redirect(`/signin?next=${encodeURIComponent(path)}`);
  return user;
}

/**
 * The signed-in user, if they teach this class (owner or co-instructor). Re-read on every call, so a removed
 * co-instructor loses access on their next request. A class you do not teach looks like one that does not exist.
 */
export async function requireInstructor(classId: string): Promise<UserRecord & { classRole: 'owner' | 'co-instructor' }> {
  const user = await requireUser();
  const classRole = await instructorRole(user.id, classId);
  if (!classRole) throw new AuthorizationError('That class was not found, or you do not teach it.', 404);
  return { ...user, classRole };
}
