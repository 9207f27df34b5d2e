// Classical test statistics for the class analytics, as Moodle's quiz statistics report defines them. Pure.

export interface Response {
  learnerId: string;
  itemId: string;
  correct: boolean;
  answer: string; // the chosen option(s) or label, for the answer distribution
}

export interface ItemStats {
  itemId: string;
  attempts: number;
  /** Facility index: share of first attempts that were right (0..1). */
  facility: number;
  /**
   * Discrimination index: the correlation between learners' score on this item and their score on the rest of
   * the items they answered (Moodle's definition), -1..1; null when it cannot be computed (too few learners, or
   * everyone scored the same).
   */
  discrimination: number | null;
  distribution: Record<string, number>;
}

function pearson(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  if (n < 3) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** Stats for every item from first attempts only (one response per learner per item). */
export function itemStatistics(responses: Response[]): ItemStats[] {
  const byLearner = new Map<string, { total: number; count: number }>();
  const byItem = new Map<string, Response[]>();
  for (const r of responses) {
    const l = byLearner.get(r.learnerId) ?? { total: 0, count: 0 };
    l.total += r.correct ? 1 : 0;
    l.count += 1;
    byLearner.set(r.learnerId, l);
    const list = byItem.get(r.itemId);
    if (list) list.push(r);
    else byItem.set(r.itemId, [r]);
  }
  return [...byItem.entries()]
    .map(([itemId, rs]) => {
      const distribution: Record<string, number> = {};
      for (const r of rs) distribution[r.answer] = (distribution[r.answer] ?? 0) + 1;
      const x: number[] = [];
      const y: number[] = [];
      for (const r of rs) {
        const l = byLearner.get(r.learnerId)!;
        if (l.count < 2) continue;
        x.push(r.correct ? 1 : 0);
        // Rest-of-test score as a share, so learners who answered different numbers of items compare fairly.
        y.push((l.total - (r.correct ? 1 : 0)) / (l.count - 1));
      }
      return {
        itemId,
        attempts: rs.length,
        facility: rs.filter((r) => r.correct).length / rs.length,
        discrimination: pearson(x, y),
        distribution,
      };
    })
    .sort((a, b) => a.itemId.localeCompare(b.itemId));
}

import { misreadByLabel } from './drill-summary';
import { gradeDrill, type ScenarioTruth } from './classify';
import { LABELS, labelCounts, perLabel, type Label, type LabelTruth } from './failure-modes';
import { parseDrillResponse, type RawResponse } from './stored-response';
import type { Question } from './scenario-schema';

export type { Label };

/**
 * Fewer first answers than this and an item's facility and discrimination are not shown as a verdict ("too few
 * answers"): one wrong answer would make a question "Extremely difficult". README, "Item statistics".
 */
export const MIN_ANSWERS_FOR_STATS = 5;

/** An item's statistics are worth reading as a verdict once this many learners have answered it. */
export const enoughAnswers = (attempts: number) => attempts >= MIN_ANSWERS_FOR_STATS;

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

export interface DrillResponse {
  learnerId: string;
  scenarioId: string;
  truth: Label;
  picked: Label;
  /** Whether the chosen label counts (its own, or defensible on a contested case). */
  labelOk: boolean;
  /** The diagnostic questions answered wrongly (empty for answers stored before the questions existed). */
  wrong: Question[];
  /** Right label and every reason right (the answer's stored grade); absent where unknown. */
  correct?: boolean;
}

/**
 * One stored first answer in the drill, read the same way for the learner's dashboard and the class views: the case's
 * label when it was answered (else the scenario's), the chosen label, and the questions re-graded against the scenario
 * when it is known. null when the answer is unreadable or its case has no known label.
 */
export function drillResponseOf(
  f: { userId: string; itemId: string; response: RawResponse; correct: boolean },
  truth: (LabelTruth & Partial<Pick<ScenarioTruth, 'questions'>>) | null,
  fallbackLabel?: Label,
): DrillResponse | null {
  const r = parseDrillResponse(f.response);
  const label = r?.truth ?? truth?.label ?? fallbackLabel;
  if (!r || !label) return null;
  // Judge the label against the case as it was answered: a scenario whose label changed since is not re-judged.
  const sameCase = truth && truth.label === label ? truth : null;
  const graded =
    sameCase?.questions && r.answers
      ? gradeDrill({ ...sameCase, questions: sameCase.questions }, { label: r.label, answers: r.answers })
      : null;
  return {
    learnerId: f.userId,
    scenarioId: f.itemId,
    truth: label,
    picked: r.label,
    labelOk: sameCase ? labelCounts(sameCase, r.label) : r.label === label,
    wrong: graded?.wrongQuestions ?? r.wrong ?? [],
    correct: f.correct,
  };
}

/**
 * Which failure mode is mistaken for which, with the scenarios that drive each confusion, and every total shown beside
 * it. The one computation behind the class's confusion view and a learner's own mix-ups on the dashboard, so a row's
 * answers, its right labels on the diagonal, its misread question ("2 of 5") and the wrong-label total always agree.
 */
export function classConfusion(responses: DrillResponse[]) {
  const cells = new Map<string, { count: number; scenarios: Map<string, number> }>();
  const questionErrors: Record<Question, number> = { training: 0, shift: 0, competence: 0 };
  const byTruth = perLabel(() => ({ answers: 0, labelRight: 0, correct: 0, wrongReason: 0 }));
  for (const r of responses) {
    const row = byTruth[r.truth];
    row.answers++;
    if (r.labelOk) row.labelRight++;
    if (r.correct ?? (r.labelOk && r.wrong.length === 0)) row.correct++;
    if (r.labelOk && r.wrong.length > 0) row.wrongReason++;
    // A defensible reading of a contested case counts as right here too, as it does for the learner.
    const picked = r.labelOk ? r.truth : r.picked;
    const key = `${r.truth}>${picked}`;
    const cell = cells.get(key) ?? { count: 0, scenarios: new Map<string, number>() };
    cell.count++;
    if (r.truth !== picked) cell.scenarios.set(r.scenarioId, (cell.scenarios.get(r.scenarioId) ?? 0) + 1);
    cells.set(key, cell);
    for (const q of r.wrong) questionErrors[q]++;
  }
  return {
    matrix: LABELS.map((truth) => ({
      truth,
      cells: LABELS.map((picked) => {
        const c = cells.get(`${truth}>${picked}`);
        return {
          picked,
          count: c?.count ?? 0,
          drivers: c
            ? [...c.scenarios]
                .sort((a, b) => b[1] - a[1])
                .slice(0, 5)
                .map(([scenarioId, n]) => ({ scenarioId, n }))
            : [],
        };
      }),
    })),
    questionErrors,
    /** Per failure mode (the case's own label): answers, right labels (the diagonal), fully right, right label for a wrong reason. */
    byTruth,
    /** First answers with a wrong label (everything off the diagonal). */
    wrongLabels: responses.filter((r) => !r.labelOk).length,
    /** First answers with the right label and at least one wrong reason. */
    wrongReasons: responses.filter((r) => r.labelOk && r.wrong.length > 0).length,
    /** Per failure mode (the case's own label), the question the class misread most. */
    misreadByLabel: misreadByLabel(
      responses.map((r) => ({ scenarioId: r.scenarioId, truth: r.truth, given: r.picked, labelOk: r.labelOk, wrong: r.wrong })),
    ),
    responses: responses.length,
  };
}
