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
import type { Label, Question } from './scenario-schema';

export type { Label };

export interface DrillResponse {
  learnerId: string;
  scenarioId: string;
  truth: Label;
  picked: Label;
  /** Whether the chosen label counts (its own, or defensible on a contested case). */
  labelOk: boolean;
  /** The diagnostic questions answered wrongly (empty for answers stored before the questions existed). */
  wrong: Question[];
}

/** Which failure mode the class mistakes for which, with the scenarios that drive each confusion. */
export function classConfusion(responses: DrillResponse[]) {
  const labels: Label[] = ['specification-gaming', 'goal-misgeneralization', 'capability-failure'];
  const cells = new Map<string, { count: number; scenarios: Map<string, number> }>();
  const questionErrors: Record<Question, number> = { training: 0, shift: 0, competence: 0 };
  for (const r of responses) {
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
    matrix: labels.map((truth) => ({
      truth,
      cells: labels.map((picked) => {
        const c = cells.get(`${truth}>${picked}`);
        return {
          picked,
          count: c?.count ?? 0,
          drivers: c ? [...c.scenarios].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([scenarioId, n]) => ({ scenarioId, n })) : [],
        };
      }),
    })),
    questionErrors,
    /** Per failure mode (the case's own label), the question the class misread most. */
    misreadByLabel: misreadByLabel(responses.map((r) => ({ scenarioId: r.scenarioId, truth: r.truth, given: r.picked, labelOk: r.labelOk, wrong: r.wrong }))),
    responses: responses.length,
  };
}
