import 'server-only';
import { NOT_TAUGHT, type ClassCapability } from '@/lib/auth/capability';
import { AuthorizationError, requireInstructor } from '@/lib/auth/session';
import { now } from '@/lib/clock';
import { getClassForInstructor } from '@/lib/db/classes';
import { classScenarioSets } from './class-data';
import { csvFileName } from './csv';

const noStore = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };

function text(body: string, status: number): Response {
  return new Response(`${body}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...noStore } });
}

type InstructorClass = NonNullable<Awaited<ReturnType<typeof getClassForInstructor>>>;

/**
 * The class for a CSV route and the capability its data functions take, or the plain-text 401/404 to send: a class
 * you do not teach looks like no class.
 */
async function classForCsv(classId: string): Promise<{ me: ClassCapability; cls: InstructorClass } | Response> {
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

function csvResponse(body: BodyInit, filename: string): Response {
  return new Response(body, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${filename}"`, ...noStore },
  });
}

type ClassSets = Awaited<ReturnType<typeof classScenarioSets>>;

/**
 * A class CSV export's GET handler: the instructor check (401/404 in plain text), the class's imported scenario sets
 * and the clock, then the body `build` makes, sent as `<class>-<kind>-<date>.csv`.
 */
export function classCsvRoute(
  kind: string,
  build: (me: ClassCapability, cls: InstructorClass, sets: ClassSets, t: Date) => BodyInit | Promise<BodyInit>,
) {
  return async function GET(_request: Request, { params }: { params: Promise<{ classId: string }> }): Promise<Response> {
    const { classId } = await params;
    const found = await classForCsv(classId);
    if (found instanceof Response) return found;
    const { me, cls } = found;
    const t = await now();
    const sets = await classScenarioSets(me, cls);
    return csvResponse(await build(me, cls, sets, t), csvFileName(cls.title, kind, t));
  };
}
