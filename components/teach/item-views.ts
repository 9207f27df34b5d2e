import 'server-only';
import type { Scenario } from '@/lib/content/scenarios';
import { classItemStats, type ClassData } from '@/lib/db/class-analytics';
import { LABEL_TEXT, LABELS, labelCounts } from '@/lib/learning/classify';
import { enoughAnswers, MIN_ANSWERS_FOR_STATS } from '@/lib/learning/item-stats';
import { chapterTitle, quizInfo, scenarioForItem } from './class-data';

export interface OptionCount {
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

/** What a row says instead of a verdict while an item has fewer than MIN_ANSWERS_FOR_STATS first answers. */
export const TOO_FEW_ANSWERS = `Too few answers (under ${MIN_ANSWERS_FOR_STATS})`;

// Moodle's quiz statistics report bands (docs.moodle.org, "Quiz statistics calculations"), on a 0..1 scale. Below
// MIN_ANSWERS_FOR_STATS answers there is no verdict: one wrong answer is not "Extremely difficult".
export function facilityText(f: number, attempts: number): string {
  if (!enoughAnswers(attempts)) return TOO_FEW_ANSWERS;
  const p = f * 100;
  if (p <= 5) return 'Extremely difficult';
  if (p <= 10) return 'Very difficult';
  if (p <= 20) return 'Difficult';
  if (p <= 34) return 'Moderately difficult';
  if (p <= 65) return 'About right';
  if (p <= 80) return 'Fairly easy';
  if (p <= 89) return 'Easy';
  if (p <= 94) return 'Very easy';
  return 'Extremely easy';
}

export function discriminationText(d: number | null, attempts: number): string {
  if (!enoughAnswers(attempts)) return TOO_FEW_ANSWERS;
  if (d === null) return 'Not enough answers';
  if (d >= 0.5) return 'Very good';
  if (d >= 0.3) return 'Adequate';
  if (d >= 0.2) return 'Weak';
  if (d >= 0) return 'Very weak';
  return 'Negative: check the item';
}

/** Item statistics with what an instructor needs to read them: the question or scenario, and where it lives. */
export function itemRows(data: ClassData, classId: string, sets: Map<string, { scenarios: Scenario[] }>): ItemRow[] {
  return classItemStats(data).map((s) => {
    const base = { itemId: s.itemId, attempts: s.attempts, facility: s.facility, discrimination: s.discrimination };
    if (s.kind === 'quiz') {
      const q = quizInfo(s.itemId);
      if (!q) return { ...base, kind: 'quiz', title: s.itemId, context: 'Question no longer in the course', href: null, distribution: rawDistribution(s.distribution) };
      const distribution: OptionCount[] =
        q.kind === 'multiple'
          ? comboDistribution(s.distribution, q.choices.flatMap((c, i) => (c.correct ? [letter(i)] : [])).join('+'), q.choices.map((c) => c.text))
          : q.choices.map((c, i) => ({ option: letter(i), text: clip(c.text, 80), count: s.distribution[letter(i)] ?? 0, correct: c.correct }));
      return {
        ...base,
        kind: 'quiz',
        title: clip(q.prompt),
        context: `${chapterTitle(q.chapter)} · ${q.id}`,
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
      context: sc ? `Scenario · ${LABEL_TEXT[sc.label]}${s.itemId.startsWith('set:') ? ' · imported set' : ''}` : 'Scenario no longer available',
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
