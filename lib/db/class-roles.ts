import 'server-only';
import { db } from './client';

/**
 * The role a user has in a class as a teacher, or null. lib/auth checks it before issuing a class capability; the
 * join and invite pages use it to greet someone who already teaches the class.
 */
export async function instructorRole(userId: string, classId: string): Promise<'owner' | 'co-instructor' | null> {
  const c = await db.class.findUnique({
    where: { id: classId },
    select: { ownerId: true, instructors: { where: { userId }, select: { userId: true } } },
  });
  if (!c) return null;
  if (c.ownerId === userId) return 'owner';
  return c.instructors.length ? 'co-instructor' : null;
}

/** A Prisma filter on Class: the classes this user teaches (owns or co-teaches). */
export const taughtBy = (userId: string) => ({ OR: [{ ownerId: userId }, { instructors: { some: { userId } } }] });
