import 'server-only';
import { createHash } from 'node:crypto';
import { getCourse, getQuiz } from './course';
import { getScenario, getScenarioBank } from './bank';
import type { Scenario } from './scenarios';
import { publicScenario, type PublicScenario } from '../learning/scenario-schema';

interface QuizReviewItem {
  kind: 'quiz';
  shownItemId: string;
  chapter: string;
  chapterTitle: string;
  section: string | null;
  quizKind: 'single' | 'multiple' | 'classify';
  prompt: string;
  choices: { text: string; explain: string; correct: boolean }[];
}

interface ScenarioReviewItem {
  kind: 'scenario';
  shownItemId: string;
  chapter: string;
  chapterTitle: string;
  scenario: Scenario;
  /** True when this is another scenario of the same failure mode than the one first answered. */
  variant: boolean;
}

export type ReviewItem = QuizReviewItem | ScenarioReviewItem;

/**
 * A review item as the browser gets it before the answer: the question's options without the key or the
 * explanations, a scenario without its label and notes. The review actions return those with the grade.
 */
export type PublicReviewItem =
  | (Omit<QuizReviewItem, 'choices'> & { choices: { text: string }[] })
  | (Omit<ScenarioReviewItem, 'scenario'> & { scenario: PublicScenario });

export function publicReviewItem(item: ReviewItem): PublicReviewItem {
  return item.kind === 'quiz' ? { ...item, choices: item.choices.map((c) => ({ text: c.text })) } : { ...item, scenario: publicScenario(item.scenario) };
}

function pickIndex(seed: string, n: number): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0) % n;
}

/**
 * What to show for a card. A scenario card stands for its concept, so each review can show a different scenario of
 * the same failure mode (reviewing the idea, not the wording); which one is a pure function of the card and its
 * repetition count, so a reload shows the same one.
 */
export function reviewItemFor(card: { id: string; itemKind: string; itemId: string; concept: string | null; reps: number }): ReviewItem | null {
  const titles = new Map(getCourse().chapters.map((c) => [c.slug, c.title]));
  if (card.itemKind === 'quiz') {
    const q = getQuiz(card.itemId);
    if (!q) return null;
    return {
      kind: 'quiz',
      shownItemId: q.id,
      chapter: q.chapter,
      chapterTitle: titles.get(q.chapter) ?? q.chapter,
      section: q.section,
      quizKind: q.kind,
      prompt: q.prompt,
      choices: q.choices,
    };
  }
  const original = getScenario(card.itemId);
  let shown = original;
  if (card.concept) {
    const pool = [...getScenarioBank().values()].filter((s) => s.label === card.concept && !s.contested).sort((a, b) => a.id.localeCompare(b.id));
    if (pool.length > 0) shown = pool[pickIndex(`${card.id}:${card.reps}`, pool.length)];
  }
  if (!shown) return null;
  return {
    kind: 'scenario',
    shownItemId: shown.id,
    // Review cards come from the built-in bank, where every scenario has a chapter (bankScenarioSchema).
    chapter: shown.chapter ?? '',
    chapterTitle: shown.chapter ? (titles.get(shown.chapter) ?? shown.chapter) : '',
    scenario: shown,
    variant: shown.id !== card.itemId,
  };
}

export function chapterOfItem(itemKind: string, itemId: string): string | null {
  if (itemKind === 'quiz') return getQuiz(itemId)?.chapter ?? null;
  return getScenario(itemId)?.chapter ?? null;
}

/**
 * What a list shows for an item instead of its id: a question's prompt (shortened) with its chapter and section, a
 * scenario's title. An imported set's scenario, or an item no longer in the course, gets a plain description.
 */
export function itemTitle(itemKind: string, itemId: string): { title: string; where: string | null } {
  const clip = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);
  if (itemKind === 'quiz') {
    const q = getQuiz(itemId);
    if (!q) return { title: 'A question no longer in the course', where: null };
    const course = getCourse();
    const chapter = course.chapters.find((c) => c.slug === q.chapter)?.title ?? null;
    const section = q.section ? course.analyses.get(q.chapter)?.headings.find((h) => h.slug === q.section)?.text : undefined;
    return { title: clip(q.prompt), where: [chapter, section].filter(Boolean).join(' › ') || null };
  }
  if (itemId.startsWith('set:')) return { title: 'A scenario from an imported set', where: 'Practice drill' };
  if (itemId.startsWith('workshop:')) return { title: 'A classmate’s scenario', where: 'Scenario workshop' };
  const s = getScenario(itemId);
  return s ? { title: s.title, where: 'Practice drill' } : { title: 'A scenario no longer in the drill', where: null };
}
