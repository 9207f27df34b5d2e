// Authorization next to the data (issue 18, item 1): instructor data functions read and change a class only through
// a capability lib/auth issued, and query with its user id; defineAction's `auth` option does the checks before a
// handler runs. The session is the one thing faked here (the signed-in user's claims); everything else is real.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

const signedIn = vi.hoisted(() => ({ claims: null as { sub: string; sv: number; exp: number } | null }));
vi.mock('../../lib/auth/session-cookie', () => ({ sessionClaims: async () => signedIn.claims }));
// next-auth does not load outside Next; the session is read through the claims above, never through it.
vi.mock('../../lib/auth/config', () => ({ auth: async () => null, signIn: vi.fn(), signOut: vi.fn() }));

const { verifyInstructor } = await import('../../lib/auth/capability');
const { defineAction } = await import('../../lib/actions/safe-action');
const { rotateJoinCodeAction, deleteAssignmentAction } = await import('../../lib/actions/classes');
const { createUser, setUserRole } = await import('../../lib/db/users');
const {
  createAssignment,
  createClass,
  enrol,
  findClassByCode,
  getClassForInstructor,
  removeCoInstructor,
  acceptCoInstructorInvite,
  createCoInstructorInvite,
} = await import('../../lib/db/classes');
const { classAttemptsPages, loadClassData } = await import('../../lib/db/class-analytics');
const { classScenarioSetsById, createScenarioSet } = await import('../../lib/db/scenario-sets');
const { getScenario } = await import('../../lib/content/bank');
const { db } = await import('../../lib/db/client');
const { asInstructor, owning, teaching } = await import('../support/capability');
type ClassCapability = import('../../lib/auth/capability').ClassCapability;

const DAY = 86_400_000;
let n = 0;
const person = (role: 'instructor' | 'learner') =>
  createUser({ name: `P${++n}`, email: `cap-${role}-${n}@example.com`, passwordHash: 'x', role });
const signInAs = (u: { id: string; sessionVersion: number } | null) => {
  signedIn.claims = u && { sub: u.id, sv: u.sessionVersion, exp: Math.floor(Date.now() / 1000) + 3600 };
};

/** A class with an owner, a co-instructor and one enrolled learner who has answered once. */
async function classWithStaff() {
  const owner = await person('instructor');
  const co = await person('instructor');
  const learner = await person('learner');
  const cls = await createClass(await asInstructor(owner.id), 'Staffed');
  const { token } = await createCoInstructorInvite(await owning(owner.id, cls.id), new Date());
  await acceptCoInstructorInvite(await asInstructor(co.id), token, new Date());
  await enrol(cls.id, learner.id);
  await db.attempt.create({
    data: {
      userId: learner.id,
      itemKind: 'quiz',
      itemId: 'intro-coinrun-reward',
      chapter: 'introduction',
      response: '{"selected":[1]}',
      correct: true,
      confident: true,
      idempotencyKey: `cap-${cls.id}`,
      firstAttempt: true,
    },
  });
  return { owner, co, learner, cls };
}

beforeEach(() => signInAs(null));

describe('a class capability', () => {
  it('is issued only to an instructor who teaches the class', async () => {
    const { owner, co, learner, cls } = await classWithStaff();
    const stranger = await person('instructor');
    expect((await verifyInstructor(owner.id, cls.id))?.classRole).toBe('owner');
    expect((await verifyInstructor(co.id, cls.id))?.classRole).toBe('co-instructor');
    expect(await verifyInstructor(stranger.id, cls.id)).toBeNull();
    expect(await verifyInstructor(learner.id, cls.id)).toBeNull();
    expect(await verifyInstructor(learner.id)).toBeNull();
    // A demoted owner teaches nothing, even the class they still own.
    await setUserRole((await db.user.findUniqueOrThrow({ where: { id: owner.id } })).email, 'learner');
    expect(await verifyInstructor(owner.id, cls.id)).toBeNull();
  });

  it('reads and changes the class through its user: once they stop teaching it, the same capability reaches nothing', async () => {
    const { owner, co, cls } = await classWithStaff();
    const coCap = await teaching(co.id, cls.id);
    expect((await getClassForInstructor(coCap))?.id).toBe(cls.id);
    expect((await loadClassData(coCap, null)).learners).toHaveLength(1);
    await removeCoInstructor(await owning(owner.id, cls.id), co.id);
    expect(await getClassForInstructor(coCap)).toBeNull();
    expect((await loadClassData(coCap, null)).learners).toEqual([]);
    const pages = [];
    for await (const page of classAttemptsPages(coCap)) pages.push(page);
    expect(pages).toEqual([]);
    await expect(
      createAssignment(coCap, { kind: 'review', target: '5', title: 'Sneaky', opensAt: new Date(), dueAt: new Date(Date.now() + DAY) }),
    ).rejects.toThrow();
    expect(await db.assignment.count({ where: { classId: cls.id } })).toBe(0);
  });

  it('made anywhere but lib/auth is refused, even with the right ids', async () => {
    const { owner, cls } = await classWithStaff();
    const forged = { userId: owner.id, classId: cls.id, classRole: 'owner' } as unknown as ClassCapability;
    await expect(getClassForInstructor(forged)).rejects.toThrow(/did not issue/);
    await expect(loadClassData(forged, null)).rejects.toThrow(/did not issue/);
  });

  it("finds the class's imported sets in one query, whichever teacher owns them, and never a stranger's set", async () => {
    const { owner, co, cls } = await classWithStaff();
    const stranger = await person('instructor');
    const scenario = getScenario('boat-race-lagoon')!;
    const mine = await createScenarioSet(owner.id, 'Owner set', [scenario]);
    const theirs = await createScenarioSet(co.id, 'Co set', [scenario]);
    const foreign = await createScenarioSet(stranger.id, 'Stranger set', [scenario]);
    const sets = await classScenarioSetsById(await teaching(co.id, cls.id), [mine.id, theirs.id, foreign.id]);
    expect(sets.map((s) => s.title).sort()).toEqual(['Co set', 'Owner set']);
  });
});

describe("defineAction's auth option", () => {
  const schema = z.object({ classId: z.string() });
  const seen = vi.fn();
  const forClass = defineAction(schema, { auth: 'class' }, async (_input, { cls }) => {
    seen(cls.classId);
    return { role: cls.classRole };
  });
  const forOwner = defineAction(schema, { auth: 'class-owner', denied: 'Only the owner can do that here.' }, async (_input, { cls }) => {
    seen(cls.classId);
    return { role: cls.classRole };
  });
  const forInstructor = defineAction(
    z.object({}),
    { auth: 'instructor', denied: 'Instructors only, please.' },
    async (_input, { instructor }) => {
      seen(instructor.userId);
      return {};
    },
  );

  it('checks the caller before the handler runs, and hands it the capability', async () => {
    const { owner, co, learner, cls } = await classWithStaff();
    const stranger = await person('instructor');
    seen.mockClear();
    expect(await forClass({ classId: cls.id })).toMatchObject({ ok: false, status: 401, message: 'Please sign in to do that.' });
    signInAs(stranger);
    expect(await forClass({ classId: cls.id })).toMatchObject({
      ok: false,
      status: 404,
      message: 'That class was not found, or you do not teach it.',
    });
    signInAs(learner);
    expect(await forClass({ classId: cls.id })).toMatchObject({ ok: false, status: 404 });
    expect(await forInstructor({})).toMatchObject({ ok: false, status: 403, message: 'Instructors only, please.' });
    signInAs(co);
    expect(await forOwner({ classId: cls.id })).toMatchObject({ ok: false, status: 403, message: 'Only the owner can do that here.' });
    expect(seen).not.toHaveBeenCalled();
    expect(await forClass({ classId: cls.id })).toEqual({ ok: true, data: { role: 'co-instructor' } });
    signInAs(owner);
    expect(await forOwner({ classId: cls.id })).toEqual({ ok: true, data: { role: 'owner' } });
    expect(seen.mock.calls).toEqual([[cls.id], [cls.id]]);
  });

  it("keeps the real class actions to the class's teachers", async () => {
    const { owner, cls } = await classWithStaff();
    const stranger = await person('instructor');
    const a = await createAssignment(await teaching(owner.id, cls.id), {
      kind: 'review',
      target: '5',
      title: 'Reviews',
      opensAt: new Date(),
      dueAt: new Date(Date.now() + DAY),
    });
    const code = (await db.class.findUniqueOrThrow({ where: { id: cls.id } })).joinCode;
    signInAs(stranger);
    expect(await rotateJoinCodeAction({ classId: cls.id })).toMatchObject({ ok: false, status: 404 });
    expect(await deleteAssignmentAction({ classId: cls.id, assignmentId: a.id })).toMatchObject({ ok: false, status: 404 });
    expect((await findClassByCode(code))?.id).toBe(cls.id);
    expect(await db.assignment.count({ where: { id: a.id } })).toBe(1);
    signInAs(owner);
    const rotated = await rotateJoinCodeAction({ classId: cls.id });
    expect(rotated.ok).toBe(true);
    expect(await findClassByCode(code)).toBeNull();
  });
});
