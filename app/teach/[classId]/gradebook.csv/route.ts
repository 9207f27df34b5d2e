import { AuthorizationError, requireInstructor } from '@/lib/auth/session';
import { now } from '@/lib/clock';
import { buildRoster } from '@/lib/db/class-analytics';
import { getClassForInstructor } from '@/lib/db/classes';
import { classDataFor, classScenarioSets, classSpecs } from '@/components/teach/class-data';
import { csvFileName, gradebookCsv } from '@/components/teach/csv';

export const dynamic = 'force-dynamic';

const text = (body: string, status: number) =>
  new Response(`${body}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' } });

/** One row per learner: status and score per assignment, completion, mean score and late work. */
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
  const t = await now();
  const sets = await classScenarioSets(cls);
  const roster = buildRoster(await classDataFor(cls), classSpecs(cls, sets), t);
  return new Response(gradebookCsv(cls.assignments.map((a) => a.id), roster), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csvFileName(cls.title, 'gradebook', t)}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
