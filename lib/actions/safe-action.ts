import 'server-only';
import { z } from 'zod';
import { AuthorizationError } from '../auth/session';

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
 * Every server action goes through here: the input (FormData or a plain object) is parsed with the action's zod
 * schema, known failures become { ok: false, message, fieldErrors }, and nothing unexpected leaks a stack trace.
 * Authorization happens inside the handler, next to the data (requireUser / requireRole).
 */
export function defineAction<S extends z.ZodType, R>(
  schema: S,
  handler: (input: z.output<S>) => Promise<ActionResult<R> | R>,
) {
  async function run(input: unknown): Promise<ActionResult<R>> {
    const raw = input instanceof FormData ? formDataToObject(input) : input;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, status: 400, message: 'Please correct the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error) };
    }
    try {
      const result = await handler(parsed.data);
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
  return typeof digest === 'string' && (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK') || digest === 'NEXT_NOT_FOUND');
}
