import { describe, expect, it } from 'vitest';
import { classConfusion, itemStatistics, type Response } from '../../lib/learning/item-stats';

function r(learnerId: string, itemId: string, correct: boolean, answer = correct ? 'A' : 'B'): Response {
  return { learnerId, itemId, correct, answer };
}

describe('item statistics', () => {
  it('facility is the share right on first attempt; the distribution counts each answer', () => {
    const s = itemStatistics([r('a', 'q1', true), r('b', 'q1', false, 'C'), r('c', 'q1', true), r('d', 'q1', false)]);
    expect(s[0]).toMatchObject({ itemId: 'q1', attempts: 4, facility: 0.5, distribution: { A: 2, B: 1, C: 1 } });
  });

  it('discrimination is high for an item strong learners get right and weak learners miss', () => {
    const rs: Response[] = [];
    const strong = ['s1', 's2', 's3', 's4'];
    const weak = ['w1', 'w2', 'w3', 'w4'];
    for (const l of strong) for (const q of ['q1', 'q2', 'q3', 'good']) rs.push(r(l, q, true));
    for (const l of weak) {
      for (const q of ['q1', 'q2', 'q3']) rs.push(r(l, q, false));
      rs.push(r(l, 'good', false));
    }
    // "noise": right or wrong regardless of strength
    rs.push(r('s1', 'noise', false), r('s2', 'noise', true), r('w1', 'noise', true), r('w2', 'noise', false));
    const stats = new Map(itemStatistics(rs).map((s) => [s.itemId, s]));
    expect(stats.get('good')!.discrimination!).toBeGreaterThan(0.9);
    expect(Math.abs(stats.get('noise')!.discrimination!)).toBeLessThan(0.3);
  });

  it('is undefined when everyone scored the same', () => {
    const s = itemStatistics([r('a', 'q', true), r('a', 'p', true), r('b', 'q', true), r('b', 'p', false), r('c', 'q', true), r('c', 'p', true)]);
    expect(s.find((x) => x.itemId === 'q')!.discrimination).toBeNull();
  });
});

describe('class confusion', () => {
  it('counts each mix-up and names the scenarios that drive it', () => {
    const c = classConfusion([
      { learnerId: 'a', scenarioId: 's1', truth: 'goal-misgeneralization', picked: 'specification-gaming', axesWrong: ['signal'] },
      { learnerId: 'b', scenarioId: 's1', truth: 'goal-misgeneralization', picked: 'specification-gaming', axesWrong: ['signal', 'goal'] },
      { learnerId: 'c', scenarioId: 's2', truth: 'goal-misgeneralization', picked: 'specification-gaming', axesWrong: ['signal'] },
      { learnerId: 'a', scenarioId: 's3', truth: 'capability-failure', picked: 'capability-failure', axesWrong: [] },
    ]);
    const gmgRow = c.matrix.find((m) => m.truth === 'goal-misgeneralization')!;
    const cell = gmgRow.cells.find((x) => x.picked === 'specification-gaming')!;
    expect(cell.count).toBe(3);
    expect(cell.drivers).toEqual([
      { scenarioId: 's1', n: 2 },
      { scenarioId: 's2', n: 1 },
    ]);
    expect(c.axisErrors).toEqual({ signal: 3, capability: 0, goal: 1 });
  });
});
