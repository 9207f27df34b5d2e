import 'server-only';
import { getCourse } from '@/lib/content/course';
import type { Scenario } from '@/lib/content/scenarios';

/** What the drill's feedback links to, resolved on the server so the client gets plain strings. */
export interface DrillContext {
  chapterTitles: Record<string, string>;
}

/** The chapter titles for the feedback's "Taught in" link. (A case's source comes with its grade, not before.) */
export function drillContextFor(_scenarios: readonly Scenario[]): DrillContext {
  return { chapterTitles: Object.fromEntries(getCourse().chapters.map((c) => [c.slug, c.title])) };
}
