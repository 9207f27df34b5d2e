import { now } from '@/lib/clock';
import { buildRoster } from '@/lib/db/class-analytics';
import { classDataFor, classScenarioSets, classSpecs } from '@/lib/teach/class-data';
import { csvFileName, gradebookCsv } from '@/lib/teach/csv';
import { classForCsv, csvResponse } from '@/lib/teach/csv-route';

export const dynamic = 'force-dynamic';

/** One row per learner: status and score per assignment, completion, mean score and late work. */
export async function GET(_request: Request, { params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const found = await classForCsv(classId);
  if (found instanceof Response) return found;
  const { me, cls } = found;
  const t = await now();
  const sets = await classScenarioSets(me, cls);
  const roster = buildRoster(await classDataFor(me, cls), classSpecs(cls, sets), t);
  return csvResponse(gradebookCsv(cls.assignments, roster), csvFileName(cls.title, 'gradebook', t));
}
