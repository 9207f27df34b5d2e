// The order of a drill session. A run of cases with one label teaches the run, not the category (Rohrer and Taylor
// 2007; Kornell and Bjork 2008), so a set is shuffled and then interleaved: never three scenarios with the same label
// in a row while the set still holds another label. Pure: the seed is an argument.
import { createRng } from '../toys/rng';
import { publicScenario, type PublicScenario, type Scenario } from './scenario-schema';

export const SESSION_SIZES = [5, 10, 20] as const;
export const DEFAULT_SESSION_SIZE = 10;

/** A shuffled copy of `items` in which no label appears three times running unless nothing else is left. */
export function interleave<T extends { label: string }>(items: readonly T[], seed: number): T[] {
  const pool = createRng(seed).shuffle(items);
  const out: T[] = [];
  while (pool.length) {
    const a = out[out.length - 1]?.label;
    const b = out[out.length - 2]?.label;
    const blocked = a !== undefined && a === b ? a : null;
    let i = blocked === null ? 0 : pool.findIndex((s) => s.label !== blocked);
    if (i < 0) i = 0;
    // Among the allowed, prefer the label with the most cases left, so the tail does not end in one long run.
    if (blocked !== null || out.length > 0) {
      const left = new Map<string, number>();
      for (const s of pool) left.set(s.label, (left.get(s.label) ?? 0) + 1);
      const most = Math.max(...[...left].filter(([l]) => l !== blocked).map(([, n]) => n), 0);
      const j = pool.findIndex((s) => s.label !== blocked && left.get(s.label) === most);
      if (j >= 0 && (left.get(pool[i]!.label) ?? 0) < most - 1) i = j;
    }
    out.push(pool.splice(i, 1)[0]!);
  }
  return out;
}

/** The longest run of one label in a sequence. */
export function longestRun(items: readonly { label: string }[]): number {
  let best = 0;
  let run = 0;
  items.forEach((s, i) => {
    run = i > 0 && items[i - 1]!.label === s.label ? run + 1 : 1;
    best = Math.max(best, run);
  });
  return best;
}

/** How many interleaved orders a page carries; the browser picks one, and "a new order" moves to the next. */
const ORDERS_PER_PAGE = 8;

/**
 * Interleaved orders of a set as index lists, computed where the labels are known (the server), so the browser can
 * run an interleaved session without holding the labels. Each order is a permutation of 0..n-1.
 */
function sessionOrders(items: readonly { label: string }[], seed: number, count = ORDERS_PER_PAGE): number[][] {
  const indexed = items.map((s, i) => ({ label: s.label, i }));
  return Array.from({ length: count }, (_, k) => interleave(indexed, (seed + k * 0x9e3779b1) >>> 0).map((x) => x.i));
}

/** What a drill page sends to the browser: the scenarios without what decides them, and interleaved orders. */
export function drillSet(scenarios: readonly Scenario[], seed: number): { scenarios: PublicScenario[]; orders: number[][] } {
  return { scenarios: scenarios.map(publicScenario), orders: sessionOrders(scenarios, seed) };
}
