import { now } from '@/lib/clock';
import { buildRoster } from '@/lib/db/class-analytics';
import { classDataFor, classScenarioSets, classSpecs } from '@/components/teach/class-data';
import { csvFileName, gradebookCsv } from '@/components/teach/csv';
import { classForCsv, csvResponse } from '@/components/teach/csv-route';

export const dynamic = 'force-dynamic';

/** One row per learner: status and score per assignment, completion, mean score and late work. */
export async function GET(_request: Request, { params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const cls = await classForCsv(classId);
  if (cls instanceof Response) return cls;
  const t = await now();
  const sets = await classScenarioSets(cls);
  const roster = buildRoster(await classDataFor(cls), classSpecs(cls, sets), t);
  return csvResponse(gradebookCsv(cls.assignments, roster), csvFileName(cls.title, 'gradebook', t));
}
