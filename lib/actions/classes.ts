'use server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { NOT_TAUGHT } from '../auth/capability';
import { clientAddress } from '../auth/ip';
import { getCourse } from '../content/course';
import {
  acceptCoInstructorInvite,
  createAssignment,
  createCoInstructorInvite,
  createClass,
  deleteAssignment,
  enrol,
  findClassByCode,
  leaveClass,
  removeCoInstructor,
  revokeCoInstructorInvite,
  rotateJoinCode,
} from '../db/classes';
import { now } from '../clock';
import { hitRateLimit } from '../db/rate-limit';
import { addressBudget } from '../db/throttle';
import { getOwnScenarioSet } from '../db/scenario-sets';
import { DIFFICULTY_TEXT } from '../practice/practice-params';
import { normalizeJoinCode } from '../learning/join-code';
import { ActionError, defineAction, withValues, type ActionResult } from './safe-action';
import { formatWorkshopTarget, workshopTargetSchema, workshopTargetText } from '../learning/workshop';

const classId = z.string().min(1).max(40);
const title = z
  .string({ error: 'Give the class a name.' })
  .trim()
  .min(1, 'Give the class a name.')
  .max(120, 'Keep the name under 120 characters.');

const runCreate = defineAction(
  z.object({ title }),
  { auth: 'instructor', denied: 'Only instructors can create classes.' },
  async ({ title }, { instructor }): Promise<ActionResult> => {
    const c = await createClass(instructor, title);
    redirect(`/teach/${c.id}`);
  },
);

export async function createClassAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return withValues(formData, await runCreate(formData));
}

const runRotate = defineAction(z.object({ classId }), { auth: 'class' }, async (_input, { cls }) => {
  const joinCode = await rotateJoinCode(cls);
  if (!joinCode) throw new ActionError(NOT_TAUGHT, 404);
  return { joinCode };
});

/** A new join code; the old one and its invite link stop working at once. */
export async function rotateJoinCodeAction(input: unknown): Promise<ActionResult<{ joinCode: string }>> {
  return runRotate(input);
}

// Co-instructors join by invitation (lib/db/classes.ts). Making links is limited per owner so a leaked session
// cannot mint thousands; accepting is limited per account so links cannot be guessed (256 random bits already make
// that hopeless; the limit keeps it so).
const INVITE_CREATE_LIMIT = { max: 20, windowMs: 60 * 60 * 1000 };
const INVITE_ACCEPT_LIMIT = { max: 10, windowMs: 15 * 60 * 1000 };
const INVALID_INVITE =
  'This invite link does not work: it may have expired (links work for 7 days), been used already, or been withdrawn. Ask the class owner for a new one.';

export interface CoInstructorInvite {
  inviteId: string;
  /** The link's path; shown to the owner once (only a hash of its token is stored). */
  path: string;
  expiresAt: string;
}

const runCreateInvite = defineAction(
  z.object({ classId }),
  { auth: 'class-owner', denied: 'Only the class owner can invite co-instructors.' },
  async (_input, { user, cls }): Promise<CoInstructorInvite> => {
    if (await hitRateLimit(`co-invite:create:${user.id}`, INVITE_CREATE_LIMIT.max, INVITE_CREATE_LIMIT.windowMs)) {
      throw new ActionError(
        'You have made 20 invite links in the last hour, the most for one hour. Send one of those, or try again later.',
        429,
      );
    }
    const invite = await createCoInstructorInvite(cls, await now());
    return { inviteId: invite.inviteId, path: `/teach/invite/${invite.token}`, expiresAt: invite.expiresAt.toISOString() };
  },
);

/** A single-use link, valid for 7 days, that makes whoever accepts it (signed in as an instructor) a co-instructor. */
export async function createCoInstructorInviteAction(input: unknown): Promise<ActionResult<CoInstructorInvite>> {
  return runCreateInvite(input);
}

const runRevokeInvite = defineAction(
  z.object({ classId, inviteId: z.string().min(1).max(40) }),
  { auth: 'class-owner', denied: 'Only the class owner can withdraw invite links.' },
  async ({ inviteId }, { cls }) => {
    if (!(await revokeCoInstructorInvite(cls, inviteId)))
      throw new ActionError('That invite link was not found: it may have been used or withdrawn already.', 404);
    return { withdrawn: true };
  },
);

export async function revokeCoInstructorInviteAction(input: unknown): Promise<ActionResult<{ withdrawn: boolean }>> {
  return runRevokeInvite(input);
}

const runAcceptInvite = defineAction(
  z.object({
    token: z
      .string({ error: 'The invite link is incomplete; open the whole link again.' })
      .regex(/^[A-Za-z0-9_-]{43}$/, 'The invite link is incomplete; open the whole link again.'),
  }),
  { auth: 'instructor', denied: 'Co-teaching needs an instructor account; you are signed in as a learner.' },
  async ({ token }, { user, instructor }): Promise<ActionResult> => {
    if (await hitRateLimit(`co-invite:accept:${user.id}`, INVITE_ACCEPT_LIMIT.max, INVITE_ACCEPT_LIMIT.windowMs)) {
      throw new ActionError('Too many tries with invite links. Wait 15 minutes and open the link again.', 429);
    }
    const r = await acceptCoInstructorInvite(instructor, token, await now());
    if (r === 'invalid') throw new ActionError(INVALID_INVITE, 404);
    if (r === 'teaches')
      throw new ActionError('You already teach this class, so the link was left unused for the person it was meant for.', 409);
    redirect(`/teach/${r.classId}`);
  },
);

export async function acceptCoInstructorInviteAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAcceptInvite(formData);
}

const runRemoveCo = defineAction(
  z.object({ classId, userId: z.string().min(1).max(40) }),
  { auth: 'class-owner', denied: 'Only the class owner can remove co-instructors.' },
  async ({ userId }, { cls }) => {
    if (!(await removeCoInstructor(cls, userId))) throw new ActionError('That person does not co-teach this class.', 404);
    return { removed: true };
  },
);

export async function removeCoInstructorAction(input: unknown): Promise<ActionResult<{ removed: boolean }>> {
  return runRemoveCo(input);
}

// Dates a course can mean; a typo such as year 9999 is refused rather than stored.
const EARLIEST = new Date('2000-01-01T00:00:00Z');
const LATEST = new Date('2100-01-01T00:00:00Z');

const assignmentSchema = z
  .object({
    classId,
    kind: z.enum(['chapter', 'drill', 'review', 'workshop'], { error: 'Choose what to assign.' }),
    chapter: z.string().optional(),
    write: z.string().max(10).optional(),
    classify: z.string().max(10).optional(),
    graded: z.enum(['on', 'yes', 'true'], { error: 'Tick the box or leave it empty.' }).optional(),
    drill: z.string().optional(),
    reviews: z.coerce.number().int().optional(),
    title: z.string().trim().max(120, 'Keep the title under 120 characters.').optional(),
    opensAt: z.coerce
      .date({ error: 'Enter when the assignment opens.' })
      .min(EARLIEST, 'Pick an open date in or after 2000.')
      .max(LATEST, 'Pick an open date before 2100.'),
    dueAt: z.coerce
      .date({ error: 'Enter a due date.' })
      .min(EARLIEST, 'Pick a due date in or after 2000.')
      .max(LATEST, 'Pick a due date before 2100.'),
  })
  .refine((a) => a.dueAt > a.opensAt, { path: ['dueAt'], message: 'The due date must be after the open date.' });

const runCreateAssignment = defineAction(assignmentSchema, { auth: 'class' }, async (a, { cls }): Promise<ActionResult> => {
  const course = getCourse();
  let target: string;
  let label: string;
  if (a.kind === 'chapter') {
    const c = course.chapters.find((x) => x.slug === a.chapter);
    if (!c) return { ok: false, status: 400, message: 'Choose a chapter.', fieldErrors: { chapter: ['Choose a chapter.'] } };
    target = c.slug;
    label = `Read “${c.title}” and answer its questions`;
  } else if (a.kind === 'drill') {
    const d = a.drill ?? '';
    // The default title names what is drilled by its title (the chapter's, the set's), never by a slug or an id.
    const chapter = /^chapter:[a-z0-9-]+$/.test(d) ? course.chapters.find((c) => `chapter:${c.slug}` === d) : undefined;
    const difficulty = /^difficulty:(intro|core|advanced)$/.exec(d)?.[1] as 'intro' | 'core' | 'advanced' | undefined;
    const set = /^set:[a-z0-9]{10,40}$/.test(d) ? await getOwnScenarioSet(cls.userId, d.slice(4)) : null;
    const what = chapter
      ? chapter.title
      : difficulty
        ? `${DIFFICULTY_TEXT[difficulty].title} scenarios`
        : d === 'all'
          ? 'All scenarios'
          : set?.title;
    if (!what)
      return {
        ok: false,
        status: 400,
        message: 'Choose a drill set (one of yours, or a built-in one).',
        fieldErrors: { drill: ['Choose a drill set.'] },
      };
    target = d;
    label = `Classifier drill: ${what}`;
  } else if (a.kind === 'workshop') {
    const t = workshopTargetSchema.safeParse({ write: a.write || '1', classify: a.classify || '0', graded: a.graded !== undefined });
    if (!t.success)
      return {
        ok: false,
        status: 400,
        message: 'Check the workshop’s numbers.',
        fieldErrors: Object.fromEntries(t.error.issues.map((i) => [String(i.path[0]), [i.message]])),
      };
    if (t.data.write + t.data.classify === 0)
      return {
        ok: false,
        status: 400,
        message: 'Ask for at least one scenario written or classified.',
        fieldErrors: { write: ['Write, classify, or both.'] },
      };
    target = formatWorkshopTarget(t.data);
    label = workshopTargetText(t.data);
  } else {
    const n = a.reviews ?? 0;
    if (n < 1 || n > 500)
      return {
        ok: false,
        status: 400,
        message: 'Set a review target between 1 and 500.',
        fieldErrors: { reviews: ['Between 1 and 500 reviews.'] },
      };
    target = String(n);
    label = `Do ${n} reviews`;
  }
  await createAssignment(cls, { kind: a.kind, target, title: a.title || label, opensAt: a.opensAt, dueAt: a.dueAt });
  return { ok: true, message: 'Assignment created. Learners see it on their dashboard.' };
});

export async function createAssignmentAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return withValues(formData, await runCreateAssignment(formData));
}

const runDeleteAssignment = defineAction(
  z.object({ classId, assignmentId: z.string().min(1).max(40) }),
  { auth: 'class' },
  async ({ assignmentId }, { cls }) => {
    if (!(await deleteAssignment(cls, assignmentId))) throw new ActionError('That assignment was not found in this class.', 404);
    return { deleted: true };
  },
);

export async function deleteAssignmentAction(input: unknown): Promise<ActionResult<{ deleted: boolean }>> {
  return runDeleteAssignment(input);
}

const JOIN_LIMIT = { max: 10, windowMs: 15 * 60 * 1000 };

const runJoin = defineAction(
  z.object({ code: z.string({ error: 'Enter the class code.' }).max(40, 'That is too long for a class code.') }),
  { auth: 'user' },
  async ({ code }, { user }): Promise<ActionResult> => {
    // Both the account and the address are limited, so codes cannot be guessed by brute force. Without a trusted
    // proxy the address is the one shared bucket (lib/auth/ip.ts), with a larger budget that no header can dodge.
    const address = clientAddress(await headers());
    const limited =
      (await hitRateLimit(`join:user:${user.id}`, JOIN_LIMIT.max, JOIN_LIMIT.windowMs)) ||
      (await hitRateLimit(`join:addr:${address.key}`, addressBudget(address, JOIN_LIMIT.max * 3), JOIN_LIMIT.windowMs));
    if (limited)
      return {
        ok: false,
        status: 429,
        message: 'Too many tries with class codes. Wait 15 minutes and try again, or use the invite link from your teacher.',
      };
    const normalized = normalizeJoinCode(code);
    if (!normalized)
      return {
        ok: false,
        status: 400,
        message: 'A class code has 10 letters and digits, like 7KQ2M-9XH4C.',
        fieldErrors: { code: ['Check the code: 10 letters and digits.'] },
      };
    const c = await findClassByCode(normalized);
    if (!c || c.archivedAt)
      return {
        ok: false,
        status: 404,
        message: 'No class uses that code. Check it with your teacher; codes can be changed.',
        fieldErrors: { code: ['No class uses that code.'] },
      };
    await enrol(c.id, user.id);
    redirect(`/classes?joined=${c.id}`);
  },
);

export async function joinClassAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return withValues(formData, await runJoin(formData));
}

const runLeave = defineAction(z.object({ classId }), { auth: 'user' }, async ({ classId }, { user }) => {
  if (!(await leaveClass(classId, user.id))) throw new ActionError('You are not in that class.', 404);
  return { left: true };
});

export async function leaveClassAction(input: unknown): Promise<ActionResult<{ left: boolean }>> {
  return runLeave(input);
}
