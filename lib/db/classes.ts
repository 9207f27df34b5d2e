import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { db, transaction } from './client';
import { isUniqueViolation } from './users';
import { makeJoinCode } from '../learning/join-code';
import { checked, type ClassCapability, type InstructorCapability, type OwnerCapability } from '../auth/capability';
import { taughtBy } from './class-roles';

export interface ClassSummary {
  id: string;
  title: string;
  joinCode: string;
  learners: number;
  role: 'owner' | 'co-instructor';
  createdAt: Date;
}

// Every function that reads or changes a class as its teacher takes the capability lib/auth issued
// (lib/auth/capability.ts) and queries with its user id: a class id alone reaches nothing.

export async function createClass(cap: InstructorCapability, title: string): Promise<{ id: string; joinCode: string }> {
  const { userId: ownerId } = checked(cap);
  for (let i = 0; i < 5; i++) {
    try {
      return await db.class.create({
        data: { ownerId, title, joinCode: makeJoinCode(randomBytes(16)) },
        select: { id: true, joinCode: true },
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e; // a code collision (2^-50): try another
    }
  }
  throw new Error('Could not generate a unique join code');
}

/** A new join code for the class, or null when the capability's user no longer teaches it. */
export async function rotateJoinCode(cap: ClassCapability): Promise<string | null> {
  const { userId, classId } = checked(cap);
  for (let i = 0; i < 5; i++) {
    try {
      const r = await db.class.updateMany({
        where: { id: classId, ...taughtBy(userId) },
        data: { joinCode: makeJoinCode(randomBytes(16)) },
      });
      if (r.count !== 1) return null;
      return (await db.class.findUniqueOrThrow({ where: { id: classId }, select: { joinCode: true } })).joinCode;
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
  }
  throw new Error('Could not generate a unique join code');
}

export async function classesTaughtBy(cap: InstructorCapability): Promise<ClassSummary[]> {
  const { userId } = checked(cap);
  const rows = await db.class.findMany({
    where: { archivedAt: null, ...taughtBy(userId) },
    orderBy: { createdAt: 'desc' },
    select: { id: true, title: true, joinCode: true, ownerId: true, createdAt: true, _count: { select: { enrolments: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    joinCode: r.joinCode,
    learners: r._count.enrolments,
    role: r.ownerId === userId ? 'owner' : 'co-instructor',
    createdAt: r.createdAt,
  }));
}

export async function getClassForInstructor(cap: ClassCapability) {
  const { userId, classId } = checked(cap);
  return db.class.findFirst({
    where: { id: classId, ...taughtBy(userId) },
    select: {
      id: true,
      title: true,
      joinCode: true,
      ownerId: true,
      createdAt: true,
      owner: { select: { name: true, email: true } },
      instructors: { select: { userId: true, user: { select: { name: true, email: true } } } },
      assignments: { orderBy: { dueAt: 'asc' } },
      _count: { select: { enrolments: true } },
    },
  });
}

export async function findClassByCode(code: string) {
  return db.class.findUnique({ where: { joinCode: code }, select: { id: true, title: true, archivedAt: true, ownerId: true } });
}

export async function enrol(classId: string, userId: string): Promise<'joined' | 'already'> {
  try {
    await db.enrolment.create({ data: { classId, userId } });
    return 'joined';
  } catch (e) {
    if (isUniqueViolation(e)) return 'already';
    throw e;
  }
}

export async function leaveClass(classId: string, userId: string): Promise<boolean> {
  const r = await db.enrolment.deleteMany({ where: { classId, userId } });
  return r.count === 1;
}

export async function classesJoinedBy(userId: string) {
  return db.enrolment.findMany({
    where: { userId, class: { archivedAt: null } },
    orderBy: { joinedAt: 'desc' },
    select: {
      joinedAt: true,
      class: { select: { id: true, title: true, owner: { select: { name: true } }, assignments: { orderBy: { dueAt: 'asc' } } } },
    },
  });
}

// ---- Co-instructors join by invitation ----
// The owner makes a link; the person who should co-teach opens it signed in as an instructor and accepts. Nothing
// here takes an email address, so nothing can tell whether one has an account (the old "add by email" could), and
// nobody is added without accepting.

/** How long an invite link works. */
export const INVITE_TTL_MS = 7 * 86_400_000;

/** Only this is stored: a leaked table holds no working link. */
export const inviteTokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** A new single-use invite link for a class: 256 random bits, base64url (43 characters). The token is returned once. */
export async function createCoInstructorInvite(
  cap: OwnerCapability,
  now: Date,
): Promise<{ inviteId: string; token: string; expiresAt: Date }> {
  const { userId, classId } = checked(cap);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
  const row = await db.coInstructorInvite.create({
    // Connected through the owner: if they no longer own the class, nothing is created.
    data: {
      class: { connect: { id: classId, ownerId: userId } },
      createdBy: { connect: { id: userId } },
      tokenHash: inviteTokenHash(token),
      createdAt: now,
      expiresAt,
    },
    select: { id: true },
  });
  return { inviteId: row.id, token, expiresAt };
}

/** The class's links nobody has used yet and that still work, newest first. */
export async function pendingInvites(cap: OwnerCapability, now: Date) {
  const { userId, classId } = checked(cap);
  return db.coInstructorInvite.findMany({
    where: { classId, class: { ownerId: userId }, acceptedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: 'desc' },
    select: { id: true, createdAt: true, expiresAt: true },
  });
}

/** Withdraws an unused link of this class (its row goes); false when there is none. */
export async function revokeCoInstructorInvite(cap: OwnerCapability, inviteId: string): Promise<boolean> {
  const { userId, classId } = checked(cap);
  const r = await db.coInstructorInvite.deleteMany({ where: { id: inviteId, classId, class: { ownerId: userId }, acceptedAt: null } });
  return r.count === 1;
}

/** The class behind a link that still works (unused, not expired, class not archived), or null. */
export async function findUsableInvite(token: string, now: Date) {
  const invite = await db.coInstructorInvite.findUnique({
    where: { tokenHash: inviteTokenHash(token) },
    select: {
      classId: true,
      acceptedAt: true,
      expiresAt: true,
      class: { select: { title: true, archivedAt: true, owner: { select: { name: true, email: true } } } },
    },
  });
  if (!invite || invite.acceptedAt || invite.expiresAt <= now || invite.class.archivedAt) return null;
  return { classId: invite.classId, title: invite.class.title, ownerName: invite.class.owner.name ?? invite.class.owner.email };
}

/**
 * Uses a link: the user becomes a co-instructor of its class, and the link is spent. 'invalid' for a link that does
 * not work (unknown, used, expired, withdrawn: one answer for all); 'teaches' when the user already teaches the class
 * (the link is left unused for the person it was meant for). Only an instructor can accept (the capability).
 */
export async function acceptCoInstructorInvite(
  cap: InstructorCapability,
  token: string,
  now: Date,
): Promise<{ classId: string } | 'invalid' | 'teaches'> {
  const { userId } = checked(cap);
  return transaction(async (tx) => {
    const invite = await tx.coInstructorInvite.findUnique({
      where: { tokenHash: inviteTokenHash(token) },
      select: { id: true, classId: true, acceptedAt: true, expiresAt: true, class: { select: { ownerId: true, archivedAt: true } } },
    });
    if (!invite || invite.acceptedAt || invite.expiresAt <= now || invite.class.archivedAt) return 'invalid';
    const already = invite.class.ownerId === userId || (await tx.classInstructor.count({ where: { classId: invite.classId, userId } })) > 0;
    if (already) return 'teaches';
    // Spent with a guarded update, so two people racing with one link cannot both get in.
    const spent = await tx.coInstructorInvite.updateMany({
      where: { id: invite.id, acceptedAt: null },
      data: { acceptedAt: now, acceptedById: userId },
    });
    if (spent.count !== 1) return 'invalid';
    await tx.classInstructor.create({ data: { classId: invite.classId, userId } });
    return { classId: invite.classId };
  });
}

export async function removeCoInstructor(cap: OwnerCapability, coInstructorId: string): Promise<boolean> {
  const { userId, classId } = checked(cap);
  const r = await db.classInstructor.deleteMany({ where: { classId, userId: coInstructorId, class: { ownerId: userId } } });
  return r.count === 1;
}

export interface NewAssignment {
  kind: 'chapter' | 'drill' | 'review' | 'workshop';
  target: string;
  title: string;
  opensAt: Date;
  dueAt: Date;
}

export async function createAssignment(cap: ClassCapability, a: NewAssignment) {
  const { userId, classId } = checked(cap);
  // Connected through the teacher: if they no longer teach the class, nothing is created.
  return db.assignment.create({ data: { class: { connect: { id: classId, ...taughtBy(userId) } }, ...a } });
}

export async function deleteAssignment(cap: ClassCapability, assignmentId: string): Promise<boolean> {
  const { userId, classId } = checked(cap);
  const r = await db.assignment.deleteMany({ where: { id: assignmentId, classId, class: taughtBy(userId) } });
  return r.count === 1;
}

export async function isEnrolled(classId: string, userId: string): Promise<boolean> {
  return (await db.enrolment.count({ where: { classId, userId } })) === 1;
}
