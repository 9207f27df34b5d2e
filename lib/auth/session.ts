import 'server-only';
import { cache } from 'react';
import type { GetServerSidePropsContext } from 'next';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { auth } from './config';
import { sessionClaims } from './session-cookie';
import { getUserById, type UserRecord } from '../db/users';
import { grantClass, grantInstructor, NOT_TAUGHT, type ClassCapability, type InstructorCapability } from './capability';
import { AuthorizationError } from './errors';

export { AuthorizationError };

/**
 * The session as Auth.js reads it (when the cookie cannot be read directly), from the cookies as they stand now. auth() with no arguments reads the Cookie
 * header of the request; after a server action re-issues the session (a password change), Next re-renders the page
 * with the updated cookies() but the old Cookie header, so the old, ended session would be read and the person sent
 * to sign in. Auth.js's request form of auth() reads the headers it is given, so it gets the current cookies.
 */
async function readSession() {
  const h = new Headers(await headers());
  h.set('cookie', (await cookies()).toString());
  const context = { req: { headers: h }, res: { headers: new Headers() } } as unknown as GetServerSidePropsContext;
  return auth(context);
}

/**
 * The signed-in user, re-read from the database once per request. A session whose version no longer matches
 * (signed out everywhere, password or role changed) counts as signed out.
 */
export const currentUser = cache(async (): Promise<UserRecord | null> => {
  // Usually read straight from the session cookie (lib/auth/session-cookie.ts); next-auth reads it otherwise.
  const claims = await sessionClaims();
  let id: string | undefined;
  let sv: unknown;
  if (claims === 'unreadable') {
    const session = await readSession();
    id = (session?.user as { id?: string } | undefined)?.id;
    sv = (session as unknown as { sv?: unknown } | null)?.sv;
  } else if (claims) {
    id = claims.sub;
    sv = claims.sv;
  }
  if (!id) return null;
  const user = await getUserById(id);
  if (!user) return null;
  if (sv !== user.sessionVersion) return null;
  return user;
});

/** For data functions and actions: throws (401) rather than redirecting. */
export async function requireUser(): Promise<UserRecord> {
  const user = await currentUser();
  if (!user) throw new AuthorizationError('Please sign in to do that.', 401);
  return user;
}

/** For pages: sends a signed-out visitor to sign in and back. */
export async function requireUserOrRedirect(path: string): Promise<UserRecord> {
  const user = await currentUser();
  if (!user) redirect(`/signin?next=${encodeURIComponent(path)}`);
  return user;
}

/**
 * The signed-in instructor's capability (lib/auth/capability.ts), which instructor data functions in lib/db take;
 * with a class id, the capability for that class when they teach it (owner or co-instructor). The user and the class
 * are re-read from the database on every request, so a removed co-instructor or a demoted instructor loses access on
 * their next request, even one who still owns the class. A class you do not teach looks like one that does not exist.
 */
export async function requireInstructor(): Promise<InstructorCapability>;
export async function requireInstructor(classId: string): Promise<ClassCapability>;
export async function requireInstructor(classId?: string): Promise<InstructorCapability | ClassCapability> {
  const user = await requireUser();
  if (classId === undefined) {
    const cap = grantInstructor(user);
    if (!cap) throw new AuthorizationError('Only instructors can do that.', 403);
    return cap;
  }
  const cap = await grantClass(user, classId);
  if (!cap) throw new AuthorizationError(NOT_TAUGHT, 404);
  return cap;
}
