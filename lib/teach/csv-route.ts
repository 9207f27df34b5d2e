import 'server-only';
import { NOT_TAUGHT, type ClassCapability } from '@/lib/auth/capability';
import { AuthorizationError, requireInstructor } from '@/lib/auth/session';
import { getClassForInstructor } from '@/lib/db/classes';

const noStore = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };

function text(body: string, status: number): Response {
  return new Response(`${body}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...noStore } });
}

export type InstructorClass = NonNullable<Awaited<ReturnType<typeof getClassForInstructor>>>;

/**
 * The class for a CSV route and the capability its data functions take, or the plain-text 401/404 to send: a class
 * you do not teach looks like no class.
 */
export async function classForCsv(classId: string): Promise<{ me: ClassCapability; cls: InstructorClass } | Response> {
  let me: ClassCapability;
  try {
    me = await requireInstructor(classId);
  } catch (e) {
    if (e instanceof AuthorizationError) return text(e.message, e.status);
    throw e;
  }
  const cls = await getClassForInstructor(me);
  return cls ? { me, cls } : text(NOT_TAUGHT, 404);
}

export function csvResponse(body: BodyInit, filename: string): Response {
  return new Response(body, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${filename}"`, ...noStore },
  });
}
