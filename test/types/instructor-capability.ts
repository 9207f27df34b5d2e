// A compile-fail fixture, checked by `npm run typecheck` (tsconfig.json includes it; nothing runs it): each line
// marked @ts-expect-error must fail to type-check, or tsc reports the marker as unused and the check fails. It proves
// that an instructor data function cannot be called without a capability issued by lib/auth (issue 18, item 1).
import type { ClassCapability, InstructorCapability, OwnerCapability } from '../../lib/auth/capability';
import { classAttemptsPages, loadClassData } from '../../lib/db/class-analytics';
import {
  classesTaughtBy,
  createAssignment,
  createClass,
  getClassForInstructor,
  pendingInvites,
  removeCoInstructor,
  rotateJoinCode,
} from '../../lib/db/classes';
import { classScenarioSetsById } from '../../lib/db/scenario-sets';

declare const classId: string;
declare const userId: string;
declare const cap: ClassCapability;
declare const instructor: InstructorCapability;
declare const owner: OwnerCapability;
const assignment = { kind: 'review', target: '5', title: 'Reviews', opensAt: new Date(), dueAt: new Date() } as const;

export async function fixture() {
  // A class id, as the functions took before the capability, is refused.
  // @ts-expect-error a class id is not a capability
  await getClassForInstructor(classId);
  // @ts-expect-error a class id is not a capability
  await loadClassData(classId, null);
  // @ts-expect-error a class id is not a capability
  classAttemptsPages(classId);
  // @ts-expect-error a class id is not a capability
  await rotateJoinCode(classId);
  // @ts-expect-error a class id is not a capability
  await createAssignment(classId, assignment);
  // @ts-expect-error a user id is not a capability
  await classesTaughtBy(userId);
  // @ts-expect-error a user id is not a capability
  await createClass(userId, 'A class');
  // @ts-expect-error a class id is not a capability
  await classScenarioSetsById(classId, []);

  // An object with the right fields is not a capability either: only lib/auth can write the brand.
  const lookalike = { userId, classId, classRole: 'owner' as const, user: instructor.user };
  // @ts-expect-error the brand's key is a symbol no other module can name
  await getClassForInstructor(lookalike);
  // @ts-expect-error the brand's key is a symbol no other module can name
  await pendingInvites(lookalike, new Date());

  // An instructor's capability names no class, and a co-instructor's is not the owner's.
  // @ts-expect-error not a class capability
  await loadClassData(instructor, null);
  // @ts-expect-error only the owner's capability changes who co-teaches
  await removeCoInstructor(cap, userId);

  // The capabilities lib/auth issues are accepted (a class capability is also an instructor's).
  await getClassForInstructor(cap);
  await loadClassData(cap, null);
  await classesTaughtBy(cap);
  await removeCoInstructor(owner, userId);
}
