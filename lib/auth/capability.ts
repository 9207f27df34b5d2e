import 'server-only';
import { getUserById, type UserRecord } from '../db/users';
import { instructorRole } from '../db/class-roles';
import { AuthorizationError } from './errors';

// Instructor data functions in lib/db take one of these as their first argument and query with its user id, so a
// class can only be read or changed on behalf of someone lib/auth has checked teaches it. The brand's key is a
// symbol no other module can name, so nothing built outside this module has a capability's type (only a cast can
// give it one), and lib/db checks that the value it is given was issued here, so a cast value is refused at run time.

declare const issuedByLibAuth: unique symbol;

/** Proof that this user, re-read from the database on this request, is an instructor. */
export interface InstructorCapability {
  readonly [issuedByLibAuth]: true;
  readonly userId: string;
  readonly user: UserRecord;
}

/** Proof that this user is an instructor and teaches this class (owns it or co-teaches it). */
export interface ClassCapability extends InstructorCapability {
  readonly classId: string;
  readonly classRole: 'owner' | 'co-instructor';
}

/** A class capability of the class's owner: what the owner-only changes (invites, co-instructors) take. */
export interface OwnerCapability extends ClassCapability {
  readonly classRole: 'owner';
}

const issued = new WeakSet<object>();

function issue<C extends InstructorCapability>(fields: Omit<C, typeof issuedByLibAuth>): C {
  const cap = Object.freeze({ ...fields }) as unknown as C;
  issued.add(cap);
  return cap;
}

/** For lib/db: the capability, after checking lib/auth issued it. */
export function checked<C extends InstructorCapability>(cap: C): C {
  if (!issued.has(cap)) throw new Error('An instructor data function was given a capability that lib/auth did not issue.');
  return cap;
}

export const NOT_TAUGHT = 'That class was not found, or you do not teach it.';

// Issue capabilities for a user already read from the database on this request (lib/auth/session.ts's
// requireInstructor passes the session's user). Role and class are checked from the database, never from the
// session's claims. Only lib/auth calls these (eslint.config.mjs); a learner account teaches nothing, even a class
// it still owns from before a demotion.

export function grantInstructor(user: UserRecord): InstructorCapability | null {
  return user.role === 'instructor' ? issue<InstructorCapability>({ userId: user.id, user }) : null;
}

export async function grantClass(user: UserRecord, classId: string): Promise<ClassCapability | null> {
  const classRole = user.role === 'instructor' ? await instructorRole(user.id, classId) : null;
  return classRole ? issue<ClassCapability>({ userId: user.id, user, classId, classRole }) : null;
}

export const isOwner = (cap: ClassCapability): cap is OwnerCapability => cap.classRole === 'owner';

/** Narrows a class capability to the owner's; anyone else gets `message` (403). */
export function requireOwner(cap: ClassCapability, message: string): OwnerCapability {
  if (!isOwner(cap)) throw new AuthorizationError(message, 403);
  return cap;
}

/**
 * For code that acts for a named user outside a request (scripts, tests): the same checks as requireInstructor,
 * with the user read from the database by id instead of from the session. Routes, pages and actions use
 * requireInstructor (eslint.config.mjs keeps this out of app/, components/ and lib/ outside lib/auth).
 */
export async function verifyInstructor(userId: string): Promise<InstructorCapability | null>;
export async function verifyInstructor(userId: string, classId: string): Promise<ClassCapability | null>;
export async function verifyInstructor(userId: string, classId?: string): Promise<InstructorCapability | ClassCapability | null> {
  const user = await getUserById(userId);
  if (!user) return null;
  return classId === undefined ? grantInstructor(user) : grantClass(user, classId);
}
