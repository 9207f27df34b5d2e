import 'server-only';
import { z } from 'zod';
import type { ClassCapability, InstructorCapability, OwnerCapability } from '../auth/capability';
import { requireOwner } from '../auth/capability';
import { AuthorizationError, requireInstructor, requireUser } from '../auth/session';
import type { UserRecord } from '../db/users';

export interface ActionResult<T = undefined> {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  status?: number;
  data?: T;
  /** What the person typed (never passwords), so a form re-renders with it after a failed submit. */
  values?: Record<string, string>;
}

/** A failure the user can act on; its message is shown as is. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly status = 400,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

function formDataToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of fd.entries()) {
    if (k.startsWith('$ACTION')) continue;
    out[k] = typeof v === 'string' ? v : undefined;
  }
  return out;
}

function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * Who may run an action, checked by defineAction before the handler runs (as dub's authActionClient does), with
 * everything re-read from the database on this request:
 * - 'public': anyone, signed in or not (the handler gets no user);
 * - 'user': a signed-in user (401 otherwise);
 * - 'instructor': a signed-in instructor (403 with `denied`, or a general message);
 * - 'class': an instructor who teaches the class named by the input's classId (a class they do not teach is a 404);
 * - 'class-owner': as 'class', and the class's owner (co-instructors get `denied`, 403).
 */
export type ActionAuth =
  | { auth: 'public' }
  | { auth: 'user' }
  | { auth: 'instructor'; denied?: string }
  | { auth: 'class' }
  | { auth: 'class-owner'; denied: string };

/** What the handler is given, by the action's auth: the user and, for instructors, the capability lib/db takes. */
type AuthContext<A extends ActionAuth> = A extends { auth: 'public' }
  ? Record<string, never>
  : A extends { auth: 'user' }
    ? { user: UserRecord }
    : A extends { auth: 'instructor' }
      ? { user: UserRecord; instructor: InstructorCapability }
      : A extends { auth: 'class' }
        ? { user: UserRecord; cls: ClassCapability }
        : { user: UserRecord; cls: OwnerCapability };

type Handler<S extends z.ZodType, A extends ActionAuth, R> = (input: z.output<S>, ctx: AuthContext<A>) => Promise<ActionResult<R> | R>;

async function authorize(options: ActionAuth, input: unknown): Promise<Record<string, unknown>> {
  switch (options.auth) {
    case 'public':
      return {};
    case 'user':
      return { user: await requireUser() };
    case 'instructor': {
      const instructor = await requireInstructor().catch((e: unknown) => {
        throw e instanceof AuthorizationError && e.status === 403 && options.denied ? new AuthorizationError(options.denied, 403) : e;
      });
      return { user: instructor.user, instructor };
    }
    case 'class':
    case 'class-owner': {
      // The schema has made classId a string (the overloads of defineAction require it).
      const cls = await requireInstructor((input as { classId: string }).classId);
      return { user: cls.user, cls: options.auth === 'class-owner' ? requireOwner(cls, options.denied) : cls };
    }
  }
}

/**
 * Every server action goes through here: the input (FormData or a plain object) is parsed with the action's zod
 * schema, the caller is checked against the action's `auth` (ActionAuth) and handed to the handler, known failures
 * become { ok: false, message, fieldErrors }, and nothing unexpected leaks a stack trace. Handlers do no
 * authorization of their own: they use what the context gives them, and lib/db's instructor functions take its
 * capability.
 */
export function defineAction<
  S extends z.ZodType<{ classId: string }>,
  A extends { auth: 'class' } | { auth: 'class-owner'; denied: string },
  R,
>(schema: S, options: A, handler: Handler<S, A, R>): (input: unknown) => Promise<ActionResult<R>>;
export function defineAction<
  S extends z.ZodType,
  A extends { auth: 'public' } | { auth: 'user' } | { auth: 'instructor'; denied?: string },
  R,
>(schema: S, options: A, handler: Handler<S, A, R>): (input: unknown) => Promise<ActionResult<R>>;
export function defineAction<S extends z.ZodType, R>(schema: S, options: ActionAuth, handler: Handler<S, ActionAuth, R>) {
  async function run(input: unknown): Promise<ActionResult<R>> {
    const raw = input instanceof FormData ? formDataToObject(input) : input;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, status: 400, message: 'Please correct the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error) };
    }
    try {
      const ctx = (await authorize(options, parsed.data)) as AuthContext<ActionAuth>;
      const result = await handler(parsed.data, ctx);
      if (result && typeof result === 'object' && 'ok' in result) return result as ActionResult<R>;
      return { ok: true, data: result as R };
    } catch (e) {
      if (isNextControlFlow(e)) throw e;
      if (e instanceof ActionError) return { ok: false, status: e.status, message: e.message, fieldErrors: e.fieldErrors };
      if (e instanceof AuthorizationError) return { ok: false, status: e.status, message: e.message };
      console.error('[action] unexpected error', e);
      return { ok: false, status: 500, message: 'Something went wrong on our side; nothing was saved. Please try again.' };
    }
  }
  return run;
}

/** Echoes the submitted text fields (minus secrets) into a failed result, so the form keeps them. */
export function withValues<R>(formData: FormData, result: ActionResult<R>): ActionResult<R> {
  // A hand-made request can send anything in place of the form; the schema has already refused it.
  if (result.ok || !(formData instanceof FormData)) return result;
  const values: Record<string, string> = {};
  for (const [k, v] of formData.entries()) {
    if (typeof v === 'string' && !/password|\$ACTION/i.test(k)) values[k] = v.slice(0, 2000);
  }
  return { ...result, values };
}

// redirect() and notFound() work by throwing; they must pass through untouched.
function isNextControlFlow(e: unknown): boolean {
  const digest = (e as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === 'string' &&
    (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK') || digest === 'NEXT_NOT_FOUND')
  );
}
