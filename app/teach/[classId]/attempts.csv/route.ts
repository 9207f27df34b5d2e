import { AuthorizationError, requireInstructor } from '@/lib/auth/session';
import { now } from '@/lib/clock';
import { classAttemptsPages } from '@/lib/db/class-analytics';
import { getClassForInstructor } from '@/lib/db/classes';
import { attemptsCsvStream, csvFileName } from '@/components/teach/csv';

export const dynamic = 'force-dynamic';

const text = (body: string, status: number) =>
  new Response(`${body}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' } });

/** Every attempt by the class's learners, streamed page by page so a large class never sits in memory at once. */
export async function GET(_request: Request, { params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  try {
    await requireInstructor(classId);
  } catch (e) {
    if (e instanceof AuthorizationError) return text(e.message, e.status);
    throw e;
  }
  const cls = await getClassForInstructor(classId);
  if (!cls) return text('That class was not found, or you do not teach it.', 404);
  return new Response(attemptsCsvStream(classAttemptsPages(classId)), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csvFileName(cls.title, 'attempts', await now())}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
