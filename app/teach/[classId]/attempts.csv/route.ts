import { now } from '@/lib/clock';
import { classAttemptsPages } from '@/lib/db/class-analytics';
import { attemptsCsvStream, csvFileName } from '@/components/teach/csv';
import { classForCsv, csvResponse } from '@/components/teach/csv-route';

export const dynamic = 'force-dynamic';

/** Every attempt by the class's learners, streamed page by page so a large class never sits in memory at once. */
export async function GET(_request: Request, { params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const cls = await classForCsv(classId);
  if (cls instanceof Response) return cls;
  return csvResponse(attemptsCsvStream(classAttemptsPages(classId)), csvFileName(cls.title, 'attempts', await now()));
}
