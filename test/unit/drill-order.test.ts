import { describe, expect, it } from 'vitest';
import { interleave, longestRun } from '../../lib/learning/drill-order';
import { createRng } from '../../lib/toys/rng';

const LABELS = ['specification-gaming', 'goal-misgeneralization', 'capability-failure'];

interface Item {
  id: string;
  label: string;
}

/** A random set: 1 to 30 items, with 1 to 3 labels in random (often lopsided) proportions. */
function randomSet(seed: number): Item[] {
  const rng = createRng(seed ^ 0x5bd1e995);
  const labels = LABELS.slice(0, rng.int(1, 4));
  const weights = labels.map(() => rng.float(0.05, 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const n = rng.int(1, 31);
  return Array.from({ length: n }, (_, i) => {
    let x = rng.float(0, total);
    let l = 0;
    while (x > weights[l]! && l < labels.length - 1) x -= weights[l++]!;
    return { id: `s${i}`, label: labels[l]! };
  });
}

/** Positions where the same label appears a third time in a row although a different label was still left. */
function avoidableRuns(order: Item[]): number[] {
  const bad: number[] = [];
  for (let i = 2; i < order.length; i++) {
    const l = order[i]!.label;
    if (order[i - 1]!.label !== l || order[i - 2]!.label !== l) continue;
    if (order.slice(i).some((s) => s.label !== l)) bad.push(i);
  }
  return bad;
}

describe('drill order', () => {
  it('over 200 seeds and label mixes: a permutation, with no avoidable run of three', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const items = randomSet(seed);
      const order = interleave(items, seed);
      expect(order.map((s) => s.id).sort(), `seed ${seed}`).toEqual(items.map((s) => s.id).sort());
      expect(new Set(order).size).toBe(items.length);
      expect(avoidableRuns(order), `seed ${seed}: ${order.map((s) => s.label[0]).join('')}`).toEqual([]);
    }
  });

  it('a balanced set never has three of a kind in a row', () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, label: LABELS[i % 3]! }));
    // Sorted by label, the unshuffled set would be one run of ten per label.
    const sorted = [...items].sort((a, b) => a.label.localeCompare(b.label));
    expect(longestRun(sorted)).toBe(10);
    for (let seed = 1; seed <= 200; seed++) expect(longestRun(interleave(sorted, seed)), `seed ${seed}`).toBeLessThanOrEqual(2);
  });

  it('when only one label is left, the rest come in a run rather than being dropped', () => {
    const items = [
      ...Array.from({ length: 8 }, (_, i) => ({ id: `g${i}`, label: 'goal-misgeneralization' })),
      { id: 'c0', label: 'capability-failure' },
    ];
    const order = interleave(items, 7);
    expect(order).toHaveLength(9);
    expect(avoidableRuns(order)).toEqual([]);
  });

  it('different seeds give different orders; the same seed gives the same order', () => {
    const items = Array.from({ length: 12 }, (_, i) => ({ id: `s${i}`, label: LABELS[i % 3]! }));
    const orders = new Set<string>();
    for (let seed = 1; seed <= 200; seed++)
      orders.add(
        interleave(items, seed)
          .map((s) => s.id)
          .join(),
      );
    // Not the input order each time, and not a handful of fixed orders either.
    expect(orders.size).toBeGreaterThan(150);
    expect(interleave(items, 42)).toEqual(interleave(items, 42));
    expect(interleave(items, 42).map((s) => s.id)).not.toEqual(interleave(items, 43).map((s) => s.id));
  });

  it('leaves the input alone', () => {
    const items = Array.from({ length: 6 }, (_, i) => ({ id: `s${i}`, label: LABELS[i % 2]! }));
    const copy = items.map((s) => ({ ...s }));
    interleave(items, 3);
    expect(items).toEqual(copy);
  });

  it('longestRun counts the longest stretch of one label', () => {
    const l = (s: string) => [...s].map((c) => ({ label: c }));
    expect(longestRun([])).toBe(0);
    expect(longestRun(l('abba'))).toBe(2);
    expect(longestRun(l('abbbab'))).toBe(3);
  });
});
