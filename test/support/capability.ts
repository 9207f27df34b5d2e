// Tests act for named users without a request: they get capabilities the way scripts do, through the same database
// checks as requireInstructor (lib/auth/capability.ts), and fail loudly when the user does not qualify.
import {
  isOwner,
  verifyInstructor,
  type ClassCapability,
  type InstructorCapability,
  type OwnerCapability,
} from '../../lib/auth/capability';

export async function asInstructor(userId: string): Promise<InstructorCapability> {
  const cap = await verifyInstructor(userId);
  if (!cap) throw new Error(`${userId} is not an instructor`);
  return cap;
}

export async function teaching(userId: string, classId: string): Promise<ClassCapability> {
  const cap = await verifyInstructor(userId, classId);
  if (!cap) throw new Error(`${userId} does not teach ${classId}`);
  return cap;
}

export async function owning(userId: string, classId: string): Promise<OwnerCapability> {
  const cap = await teaching(userId, classId);
  if (!isOwner(cap)) throw new Error(`${userId} does not own ${classId}`);
  return cap;
}
