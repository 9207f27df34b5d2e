import 'server-only';
import { randomBytes } from 'node:crypto';
import { db } from './client';
import { isUniqueViolation } from './users';
import { makeJoinCode } from '../learning/join-code';

export interface ClassSummary {
  id: string;
  title: string;
  joinCode: string;
  learners: number;
  role: 'owner' | 'co-instructor';
  createdAt: Date;
}

/** The role a user has in a class as a teacher, or null. Checked on every instructor read and write. */
export async function instructorRole(userId: string, classId: string): Promise<'owner' | 'co-instructor' | null> {
  const c = await db.class.findUnique({ where: { id: classId }, select: { ownerId: true, instructors: { where: { userId }, select: { userId: true } } } });
  if (!c) return null;
  if (c.ownerId === userId) return 'owner';
  return c.instructors.length ? 'co-instructor' : null;
}

export async function createClass(ownerId: string, title: string): Promise<{ id: string; joinCode: string }> {
  for (let i = 0; i < 5; i++) {
    try {
      return await db.class.create({ data: { ownerId, title, joinCode: makeJoinCode(randomBytes(16)) }, select: { id: true, joinCode: true } });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e; // a code collision (2^-50): try another
    }
  }
  throw new Error('Could not generate a unique join code');
}

export async function rotateJoinCode(classId: string): Promise<string> {
  for (let i = 0; i < 5; i++) {
    try {
      const c = await db.class.update({ where: { id: classId }, data: { joinCode: makeJoinCode(randomBytes(16)) }, select: { joinCode: true } });
      return c.joinCode;
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
  }
  throw new Error('Could not generate a unique join code');
}

export async function classesTaughtBy(userId: string): Promise<ClassSummary[]> {
  const rows = await db.class.findMany({
    where: { archivedAt: null, OR: [{ ownerId: userId }, { instructors: { some: { userId } } }] },
    orderBy: { createdAt: 'desc' },
    select: { id: true, title: true, joinCode: true, ownerId: true, createdAt: true, _count: { select: { enrolments: true } } },
  });
  return rows.map((r) => ({ id: r.id, title: r.title, joinCode: r.joinCode, learners: r._count.enrolments, role: r.ownerId === userId ? 'owner' : 'co-instructor', createdAt: r.createdAt }));
}

export async function getClassForInstructor(classId: string) {
  return db.class.findUnique({
    where: { id: classId },
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
    select: { joinedAt: true, class: { select: { id: true, title: true, owner: { select: { name: true } }, assignments: { orderBy: { dueAt: 'asc' } } } } },
  });
}

export async function addCoInstructor(classId: string, email: string): Promise<'added' | 'already' | 'no-user' | 'not-instructor'> {
  const u = await db.user.findUnique({ where: { email }, select: { id: true, role: true } });
  if (!u) return 'no-user';
  if (u.role !== 'instructor') return 'not-instructor';
  try {
    await db.classInstructor.create({ data: { classId, userId: u.id } });
    return 'added';
  } catch (e) {
    if (isUniqueViolation(e)) return 'already';
    throw e;
  }
}

export async function removeCoInstructor(classId: string, userId: string): Promise<boolean> {
  const r = await db.classInstructor.deleteMany({ where: { classId, userId } });
  return r.count === 1;
}

export interface NewAssignment {
  kind: 'chapter' | 'drill' | 'review';
  target: string;
  title: string;
  opensAt: Date;
  dueAt: Date;
}

export async function createAssignment(classId: string, a: NewAssignment) {
  return db.assignment.create({ data: { classId, ...a } });
}

export async function deleteAssignment(classId: string, assignmentId: string): Promise<boolean> {
  const r = await db.assignment.deleteMany({ where: { id: assignmentId, classId } });
  return r.count === 1;
}

export async function isEnrolled(classId: string, userId: string): Promise<boolean> {
  return (await db.enrolment.count({ where: { classId, userId } })) === 1;
}
