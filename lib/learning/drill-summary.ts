// What a set of drill answers says about the learner's reasoning: the label mix-up that happened most, and the
// diagnostic question misread most (overall and per failure mode). Used by the end-of-session summary, the learner
// dashboard and the class confusion view, so the three always agree. Pure.
import { QUESTIONS, type Label, type Question } from './scenario-schema';

export interface AnsweredCase {
  scenarioId: string;
  /** The case's own label. */
  truth: Label;
  /** The label the learner chose. */
  given: Label;
  /** Whether the chosen label counts (its own, or defensible on a contested case). */
  labelOk: boolean;
  /** The questions answered wrongly. */
  wrong: readonly Question[];
}

export interface Confusion {
  truth: Label;
  given: Label;
  count: number;
  scenarioIds: string[];
}

export interface Misread {
  question: Question;
  count: number;
  /** Answers in which the question could be misread (the denominator). */
  of: number;
  scenarioIds: string[];
}

/** The label mix-up that happened most often (ties: the first in label order), or null when every label counted. */
export function topConfusion(cases: readonly AnsweredCase[]): Confusion | null {
  const by = new Map<string, Confusion>();
  for (const c of cases) {
    if (c.labelOk) continue;
    const k = `${c.truth}>${c.given}`;
    const e = by.get(k) ?? { truth: c.truth, given: c.given, count: 0, scenarioIds: [] };
    e.count++;
    if (!e.scenarioIds.includes(c.scenarioId)) e.scenarioIds.push(c.scenarioId);
    by.set(k, e);
  }
  return [...by.values()].sort((a, b) => b.count - a.count)[0] ?? null;
}

/** The question answered wrongly most often (ties: question order), or null when none was. */
export function topMisread(cases: readonly AnsweredCase[]): Misread | null {
  let best: Misread | null = null;
  for (const q of QUESTIONS) {
    const wrong = cases.filter((c) => c.wrong.includes(q));
    if (wrong.length && (!best || wrong.length > best.count))
      best = { question: q, count: wrong.length, of: cases.length, scenarioIds: [...new Set(wrong.map((c) => c.scenarioId))] };
  }
  return best;
}

/** The most-misread question for the cases of each failure mode (by the case's own label). */
export function misreadByLabel(cases: readonly AnsweredCase[]): Partial<Record<Label, Misread>> {
  const out: Partial<Record<Label, Misread>> = {};
  for (const label of new Set(cases.map((c) => c.truth))) {
    const m = topMisread(cases.filter((c) => c.truth === label));
    if (m) out[label] = m;
  }
  return out;
}
