import { buildRoster } from '@/lib/db/class-analytics';
import { classDataFor, classSpecs } from '@/lib/teach/class-data';
import { gradebookCsv } from '@/lib/teach/csv';
import { classCsvRoute } from '@/lib/teach/csv-route';

export const dynamic = 'force-dynamic';

/** One row per learner: status and score per assignment, completion, mean score and late work. */
export const GET = classCsvRoute('gradebook', async (me, cls, sets, t) =>
  gradebookCsv(cls.assignments, buildRoster(await classDataFor(me, cls), classSpecs(cls, sets), t)),
);
