import { classAttemptsPages } from '@/lib/db/class-analytics';
import { quizInfo, scenarioForItem } from '@/lib/teach/class-data';
import { attemptsCsvStream } from '@/lib/teach/csv';
import { classCsvRoute } from '@/lib/teach/csv-route';

export const dynamic = 'force-dynamic';

/**
 * Every attempt by the class's learners, streamed page by page so a large class never sits in memory at once. Each row
 * names its item by title (the question's prompt, the scenario's title, from the bank or the class's imported sets).
 */
export const GET = classCsvRoute('attempts', (me, _cls, sets) => {
  const titleOf = (kind: string, itemId: string) => (kind === 'quiz' ? quizInfo(itemId)?.prompt : scenarioForItem(itemId, sets)?.title);
  return attemptsCsvStream(classAttemptsPages(me), titleOf);
});
