import 'server-only';
import { AuthorizationError, requireInstructor } from '@/lib/auth/session';
import { getClassForInstructor } from '@/lib/db/classes';

const noStore = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };

function text(body: string, status: number): Response {
  return new Response(`${body}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...noStore } });
}

export type InstructorClass = NonNullable<Awaited<ReturnType<typeof getClassForInstructor>>>;

/** The class for a CSV route, or the plain-text 401/404 to send: a class you do not teach looks like no class. */
export async function classForCsv(classId: string): Promise<InstructorClass | Response> {
  try {
    await requireInstructor(classId);
  } catch (e) {
    if (e instanceof AuthorizationError) return text(e.message, e.status);
    throw e;
  }
  return (await getClassForInstructor(classId)) ?? text('That class was not found, or you do not teach it.', 404);
}

export function csvResponse(body: BodyInit, filename: string): Response {
  return new Response(body, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${filename}"`, ...noStore },
  });
}
