// Quiz-bank rules for content:check (the rubric in content/AUTHORING.md, "Quizzes"). Pure functions: they take
// quizzes and keys and return findings; check.ts turns the findings into issues with file and line.
import type { QuizInfo } from './analyze';

/**
 * Words that let a test-wise learner strike out an option without reading it: a distractor that says "always" or
 * "never" is usually wrong because it says so. "guarantee" covers guarantees/guaranteed. Left out on purpose:
 * "every" and "cannot", which the bank uses for facts of a case ("on every training level", "a refund cannot settle
 * it") far more often than as overstatement.
 */
const ABSOLUTE_WORDS = ['always', 'never', 'only', 'all', 'none', 'guarantee', 'guarantees', 'guaranteed'] as const;

const ABSOLUTE_RE = new RegExp(`\\b(${ABSOLUTE_WORDS.join('|')})\\b`, 'gi');

/** The absolute words in a piece of text, lower-cased, in order of appearance (repeats kept once). */
export function absoluteWordsIn(text: string): string[] {
  return [...new Set([...text.matchAll(ABSOLUTE_RE)].map((m) => m[1]!.toLowerCase()))];
}

export interface AbsoluteDistractor {
  /** 1-based position of the choice in the quiz. */
  choice: number;
  text: string;
  words: string[];
}

/**
 * Distractors (non-correct choices) that use an absolute word while no correct choice uses one. When a key itself
 * says "only" or "all", the test-wise rule "the absolute option is wrong" would mislead, so the quiz is left alone.
 * Classify quizzes have fixed choice texts and are skipped.
 */
export function absoluteDistractors(quiz: Pick<QuizInfo, 'kind' | 'choices'>): AbsoluteDistractor[] {
  if (quiz.kind === 'classify') return [];
  if (quiz.choices.some((c) => c.correct && absoluteWordsIn(c.text).length > 0)) return [];
  return quiz.choices.flatMap((c, i) => {
    const words = c.correct ? [] : absoluteWordsIn(c.text);
    return words.length ? [{ choice: i + 1, text: c.text, words }] : [];
  });
}

// Function words and quiz boilerplate ("Select all that apply", "Which statements ...") carry no idea or case, so two
// quizzes sharing them are not alike. Dropping them leaves the words that name the setting and the idea.
const STOPWORDS = new Set(
  (
    'a an the and or nor but if then than so as of to in on at by for with from into onto over under up down out about ' +
    'after before while because is are was were be been being am it its this that these those there here which what who ' +
    'whom whose why how when where do does did done can could would should may might must will shall has have had having ' +
    'not no i you he she we they them their his her our your me him us my one two each every any all some more most much ' +
    'many other another same such very just still even also only own both either too select apply statement statements ' +
    'following best choose true correct'
  ).split(' '),
);

/** Lower-cased content words with a light suffix strip, so "trained"/"training" and "level"/"levels" meet. */
export function contentWords(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !STOPWORDS.has(w))
    .map((w) => (w.length > 4 ? w.replace(/(ing|ed|es|s)$/, '') : w));
}

/** The set of n-word shingles (consecutive runs of n content words) of a text. */
export function shingles(text: string, n: number): Set<string> {
  const words = contentWords(text);
  const out = new Set<string>();
  for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  return out;
}

export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * What a quiz is about, for comparing two quizzes: its prompt, plus the text of its correct choices unless it is a
 * classify quiz (whose choices are the three fixed labels). The key matters because two quizzes can ask "what
 * follows?" in different words and want the same answer.
 */
export function quizGist(quiz: Pick<QuizInfo, 'kind' | 'prompt' | 'choices'>): string {
  if (quiz.kind === 'classify') return quiz.prompt;
  return [quiz.prompt, ...quiz.choices.filter((c) => c.correct).map((c) => c.text)].join(' ');
}

/** Shingle size and threshold, calibrated on the bank (see AUTHORING.md, "Quizzes"). */
const SHINGLE_SIZE = 2;
export const NEAR_DUPLICATE_THRESHOLD = 0.065;

export interface NearDuplicate<Q> {
  a: Q;
  b: Q;
  score: number;
}

/**
 * Pairs of quizzes from different chapters whose gists share at least `threshold` of their shingles (Jaccard).
 * Quizzes within one chapter are not compared: a chapter may set two cases side by side on purpose (a contrast pair).
 * Sorted from most to least similar.
 */
export function nearDuplicateQuizzes<Q extends Pick<QuizInfo, 'kind' | 'prompt' | 'choices' | 'chapter'>>(
  quizzes: readonly Q[],
  threshold = NEAR_DUPLICATE_THRESHOLD,
  n = SHINGLE_SIZE,
): NearDuplicate<Q>[] {
  const sets = quizzes.map((q) => shingles(quizGist(q), n));
  const out: NearDuplicate<Q>[] = [];
  for (let i = 0; i < quizzes.length; i++)
    for (let j = i + 1; j < quizzes.length; j++) {
      if (quizzes[i]!.chapter === quizzes[j]!.chapter) continue;
      const score = jaccard(sets[i]!, sets[j]!);
      if (score >= threshold) out.push({ a: quizzes[i]!, b: quizzes[j]!, score });
    }
  return out.sort((x, y) => y.score - x.score);
}

/** Reference keys that no chapter cites with <Cite> and no scenario names as its source.ref, in the given order. */
export function uncitedReferences(keys: Iterable<string>, used: Iterable<string>): string[] {
  const seen = new Set(used);
  return [...keys].filter((k) => !seen.has(k));
}

/** 1-based line of each top-level key in a references.yaml text (`key:` at the start of a line). */
export function referenceKeyLines(yamlText: string): Map<string, number> {
  const lines = new Map<string, number>();
  yamlText.split('\n').forEach((l, i) => {
    const m = /^([A-Za-z0-9_-]+):/.exec(l);
    if (m && !lines.has(m[1]!)) lines.set(m[1]!, i + 1);
  });
  return lines;
}
