// How a class reads its own workshop scenarios: Fleiss' kappa across the class's set, the share of classmates who
// agree with each author, and which diagnostic question they split on. Pure: the stored answers are arguments.
import { FAILURE_MODES, QUESTIONS, type Label, type Question, type QuestionAnswer } from './scenario-schema';

export interface KappaResult {
  /** Fleiss' kappa, or null when it is not defined (see `reason`). */
  kappa: number | null;
  /** Items with at least two ratings: the ones the statistic uses. */
  items: number;
  /** Items left out because fewer than two people rated them. */
  skipped: number;
  /** Mean observed agreement P̄ over the items used. */
  observed: number | null;
  /** Agreement expected by chance, P̄e = Σ p_j². */
  expected: number | null;
  reason?: string;
}

/**
 * Fleiss' kappa (Fleiss 1971) for a table of counts: one row per item, one column per category, each cell the
 * number of raters who put that item in that category. Rows may have different numbers of raters: each item's
 * agreement is P_i = (Σ_j n_ij² − n_i) / (n_i (n_i − 1)) and the category shares p_j are pooled over all ratings,
 * which is Fleiss' formula exactly when every row has the same number of raters. An item with fewer than two
 * ratings has no pairs to agree, so it is left out (and counted in `skipped`). When every rating falls in one
 * category, chance agreement is 1 and kappa is 0/0: it is reported as not defined rather than guessed.
 */
export function fleissKappa(table: readonly (readonly number[])[]): KappaResult {
  for (const row of table)
    for (const n of row) if (!Number.isInteger(n) || n < 0) throw new RangeError('Counts must be whole numbers of at least 0.');
  const used = table.filter((row) => sum(row) >= 2);
  const skipped = table.length - used.length;
  if (used.length === 0)
    return {
      kappa: null,
      items: 0,
      skipped,
      observed: null,
      expected: null,
      reason: 'No scenario has been classified by two or more people yet.',
    };
  const categories = Math.max(...used.map((r) => r.length));
  const totalRatings = used.reduce((a, r) => a + sum(r), 0);
  const observed =
    used.reduce((a, r) => {
      const n = sum(r);
      return a + (r.reduce((s, x) => s + x * x, 0) - n) / (n * (n - 1));
    }, 0) / used.length;
  let expected = 0;
  for (let j = 0; j < categories; j++) {
    const p = used.reduce((a, r) => a + (r[j] ?? 0), 0) / totalRatings;
    expected += p * p;
  }
  if (expected >= 1 - 1e-12)
    return {
      kappa: null,
      items: used.length,
      skipped,
      observed,
      expected,
      reason: 'Everyone chose the same label for every scenario, so agreement beyond chance cannot be measured.',
    };
  return { kappa: (observed - expected) / (1 - expected), items: used.length, skipped, observed, expected };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** One classmate's reading of a scenario: their label and their three answers. */
export interface Reading {
  label: Label;
  answers: Record<Question, QuestionAnswer>;
}

interface QuestionSplit {
  question: Question;
  yes: number;
  no: number;
  /** What the author answered. */
  author: QuestionAnswer;
  /** Classmates who answered as the author did. */
  agreeing: number;
}

interface ScenarioAgreement {
  /** Classmates who classified it (first answers only). */
  raters: number;
  labels: Record<Label, number>;
  /** Classmates whose label is the author's. */
  agreeing: number;
  /** agreeing / raters, null with no raters. */
  share: number | null;
  /** The label most classmates chose (ties: the author's first, then the order of FAILURE_MODES); null with no raters. */
  mostChosen: Label | null;
  questions: QuestionSplit[];
  /**
   * The question the class split on most: the one where the smaller side is largest (ties: the one fewest answered
   * as the author did). null when no question split (everyone answered every question the same way) or no raters.
   */
  splitOn: Question | null;
}

/** How classmates read one scenario, against the author's own label and answers. */
export function scenarioAgreement(author: Reading, readings: readonly Reading[]): ScenarioAgreement {
  const labels = Object.fromEntries(FAILURE_MODES.map((l) => [l, 0])) as Record<Label, number>;
  for (const r of readings) labels[r.label]++;
  const agreeing = labels[author.label];
  const raters = readings.length;
  const order = [author.label, ...FAILURE_MODES.filter((l) => l !== author.label)];
  const mostChosen = raters ? order.reduce((best, l) => (labels[l] > labels[best] ? l : best), order[0]!) : null;
  const questions = QUESTIONS.map((q) => {
    const yes = readings.filter((r) => r.answers[q] === 'yes').length;
    const no = raters - yes;
    return { question: q, yes, no, author: author.answers[q], agreeing: author.answers[q] === 'yes' ? yes : no };
  });
  let splitOn: Question | null = null;
  let best = { minority: 0, agreeing: Infinity };
  for (const s of questions) {
    const minority = Math.min(s.yes, s.no);
    if (minority > best.minority || (minority === best.minority && minority > 0 && s.agreeing < best.agreeing)) {
      best = { minority, agreeing: s.agreeing };
      splitOn = s.question;
    }
  }
  return { raters, labels, agreeing, share: raters ? agreeing / raters : null, mostChosen, questions, splitOn };
}

/** Fleiss' kappa over a workshop set: each scenario a row of its classmates' label counts. */
export function workshopKappa(scenarios: readonly { readings: readonly Pick<Reading, 'label'>[] }[]): KappaResult {
  return fleissKappa(scenarios.map((s) => FAILURE_MODES.map((l) => s.readings.filter((r) => r.label === l).length)));
}

/**
 * A kappa in words, on Landis and Koch's (1977) bands, which are conventions rather than tests; said as such on the
 * page, with the number.
 */
export function kappaWords(kappa: number): string {
  if (kappa < 0) return 'less agreement than chance';
  if (kappa <= 0.2) return 'slight agreement';
  if (kappa <= 0.4) return 'fair agreement';
  if (kappa <= 0.6) return 'moderate agreement';
  if (kappa <= 0.8) return 'substantial agreement';
  return 'almost perfect agreement';
}
