import 'server-only';
import { getCourse, getReference } from '@/lib/content/course';
import { shortAuthors } from '@/lib/content/references';
import type { Scenario } from '@/lib/content/scenarios';

/** What the drill's feedback links to, resolved on the server so the client gets plain strings. */
export interface DrillContext {
  chapterTitles: Record<string, string>;
  /** Paper key -> short citation and link, for the sources of the scenarios being drilled. */
  sources: Record<string, { citation: string; url: string }>;
}

export function drillContextFor(scenarios: readonly Scenario[]): DrillContext {
  const chapterTitles = Object.fromEntries(getCourse().chapters.map((c) => [c.slug, c.title]));
  const sources: DrillContext['sources'] = {};
  for (const s of scenarios) {
    if (s.source.kind !== 'paper' || sources[s.source.ref]) continue;
    const r = getReference(s.source.ref);
    if (r) sources[s.source.ref] = { citation: `${shortAuthors(r.authors)} (${r.year}), ${r.title}`, url: r.url };
  }
  return { chapterTitles, sources };
}
