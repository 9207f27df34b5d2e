import 'server-only';
import type { Scenario } from '@/lib/content/scenarios';
import { classItemStats, type ClassData } from '@/lib/db/class-analytics';
import { LABEL_TEXT, LABELS, labelCounts } from '@/lib/learning/classify';
import { itemTitle } from '@/lib/content/review-items';
import { chapterTitle, quizInfo, scenarioForItem } from './class-data';

interface OptionCount {
  option: string;
  text: string;
  count: number;
  correct: boolean;
}

export interface ItemRow {
  itemId: string;
  kind: 'quiz' | 'scenario';
  title: string;
  context: string;
  href: string | null;
  attempts: number;
  facility: number;
  discrimination: number | null;
  distribution: OptionCount[];
}

const letter = (i: number) => String.fromCharCode(65 + i);
const clip = (s: string, n = 110) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/** Item statistics with what an instructor needs to read them: the question or scenario, and where it lives. */
export function itemRows(data: ClassData, classId: string, sets: Map<string, { scenarios: Scenario[] }>): ItemRow[] {
  return classItemStats(data).map((s) => {
    const base = { itemId: s.itemId, attempts: s.attempts, facility: s.facility, discrimination: s.discrimination };
    if (s.kind === 'quiz') {
      const q = quizInfo(s.itemId);
      if (!q)
        return {
          ...base,
          kind: 'quiz',
          title: s.itemId,
          context: 'Question no longer in the course',
          href: null,
          distribution: rawDistribution(s.distribution),
        };
      const distribution: OptionCount[] =
        q.kind === 'multiple'
          ? comboDistribution(
              s.distribution,
              q.choices.flatMap((c, i) => (c.correct ? [letter(i)] : [])).join('+'),
              q.choices.map((c) => c.text),
            )
          : q.choices.map((c, i) => ({
              option: letter(i),
              text: clip(c.text, 80),
              count: s.distribution[letter(i)] ?? 0,
              correct: c.correct,
            }));
      return {
        ...base,
        kind: 'quiz',
        title: clip(q.prompt),
        // Where it is, by titles (chapter › section), not by its id.
        context: itemTitle('quiz', q.id).where ?? chapterTitle(q.chapter),
        href: `/chapters/${q.chapter}${q.section ? `#${q.section}` : ''}`,
        distribution,
      };
    }
    const sc = scenarioForItem(s.itemId, sets);
    const ok = (l: string) => Boolean(sc && labelCounts(sc, l));
    return {
      ...base,
      kind: 'scenario',
      title: sc?.title ?? s.itemId,
      context: sc
        ? `Scenario · ${LABEL_TEXT[sc.label]}${s.itemId.startsWith('set:') ? ' · imported set' : ''}`
        : 'Scenario no longer available',
      href: `/teach/${classId}/scenarios/${encodeURIComponent(s.itemId)}`,
      distribution: LABELS.map((l) => ({ option: LABEL_TEXT[l], text: '', count: s.distribution[l] ?? 0, correct: ok(l) })),
    };
  });
}

function rawDistribution(d: Record<string, number>): OptionCount[] {
  return Object.entries(d)
    .sort((a, b) => b[1] - a[1])
    .map(([option, count]) => ({ option, text: '', count, correct: false }));
}

/** Multiple-answer questions: each combination learners chose, most common first. */
function comboDistribution(d: Record<string, number>, right: string, texts: string[]): OptionCount[] {
  return Object.entries(d)
    .sort((a, b) => b[1] - a[1])
    .map(([option, count]) => ({
      option,
      text: option
        .split('+')
        .map((l) => clip(texts[l.charCodeAt(0) - 65] ?? '', 40))
        .join(' + '),
      count,
      correct: option === right,
    }));
}
