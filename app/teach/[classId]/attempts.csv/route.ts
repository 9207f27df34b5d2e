import { now } from '@/lib/clock';
import { classAttemptsPages } from '@/lib/db/class-analytics';
import { classScenarioSets, quizInfo, scenarioForItem } from '@/lib/teach/class-data';
import { attemptsCsvStream, csvFileName } from '@/lib/teach/csv';
import { classForCsv, csvResponse } from '@/lib/teach/csv-route';

export const dynamic = 'force-dynamic';

/**
 * Every attempt by the class's learners, streamed page by page so a large class never sits in memory at once. Each row
 * names its item by title (the question's prompt, the scenario's title, from the bank or the class's imported sets).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const found = await classForCsv(classId);
  if (found instanceof Response) return found;
  const { me, cls } = found;
  const sets = await classScenarioSets(me, cls);
  const titleOf = (kind: string, itemId: string) => (kind === 'quiz' ? quizInfo(itemId)?.prompt : scenarioForItem(itemId, sets)?.title);
  return csvResponse(attemptsCsvStream(classAttemptsPages(me), titleOf), csvFileName(cls.title, 'attempts', await now()));
}
