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
    const s = itemStatistics([
      r('a', 'q', true),
      r('a', 'p', true),
      r('b', 'q', true),
      r('b', 'p', false),
      r('c', 'q', true),
      r('c', 'p', true),
    ]);
    expect(s.find((x) => x.itemId === 'q')!.discrimination).toBeNull();
  });
});

describe('class confusion', () => {
  it('counts each mix-up and names the scenarios that drive it', () => {
    const c = classConfusion([
      {
        learnerId: 'a',
        scenarioId: 's1',
        truth: 'goal-misgeneralization',
        picked: 'specification-gaming',
        labelOk: false,
        wrong: ['training'],
      },
      {
        learnerId: 'b',
        scenarioId: 's1',
        truth: 'goal-misgeneralization',
        picked: 'specification-gaming',
        labelOk: false,
        wrong: ['training', 'shift'],
      },
      {
        learnerId: 'c',
        scenarioId: 's2',
        truth: 'goal-misgeneralization',
        picked: 'specification-gaming',
        labelOk: false,
        wrong: ['training'],
      },
      { learnerId: 'a', scenarioId: 's3', truth: 'capability-failure', picked: 'capability-failure', labelOk: true, wrong: [] },
    ]);
    const gmgRow = c.matrix.find((m) => m.truth === 'goal-misgeneralization')!;
    const cell = gmgRow.cells.find((x) => x.picked === 'specification-gaming')!;
    expect(cell.count).toBe(3);
    expect(cell.drivers).toEqual([
      { scenarioId: 's1', n: 2 },
      { scenarioId: 's2', n: 1 },
    ]);
    // A right answer lands on the diagonal and drives no confusion.
    const cfRow = c.matrix.find((m) => m.truth === 'capability-failure')!;
    expect(cfRow.cells.find((x) => x.picked === 'capability-failure')).toMatchObject({ count: 1, drivers: [] });
    expect(c.questionErrors).toEqual({ training: 3, shift: 1, competence: 0 });
    expect(c.responses).toBe(4);
  });

  it('counts a defensible reading of a contested case as right, not as a mix-up', () => {
    const c = classConfusion([
      {
        learnerId: 'a',
        scenarioId: 'contested',
        truth: 'specification-gaming',
        picked: 'goal-misgeneralization',
        labelOk: true,
        wrong: [],
      },
      {
        learnerId: 'b',
        scenarioId: 'contested',
        truth: 'specification-gaming',
        picked: 'capability-failure',
        labelOk: false,
        wrong: ['competence'],
      },
    ]);
    const row = c.matrix.find((r) => r.truth === 'specification-gaming')!;
    const cell = (p: string) => row.cells.find((x) => x.picked === p)!;
    expect(cell('specification-gaming').count).toBe(1);
    expect(cell('goal-misgeneralization').count).toBe(0);
    expect(cell('goal-misgeneralization').drivers).toEqual([]);
    expect(cell('capability-failure').count).toBe(1);
  });

  it('counts the questions misread behind a right label, and names the most-misread question per failure mode', () => {
    const c = classConfusion([
      // Right label, wrong reason: no cell off the diagonal, but the misread question still counts.
      {
        learnerId: 'a',
        scenarioId: 'g1',
        truth: 'goal-misgeneralization',
        picked: 'goal-misgeneralization',
        labelOk: true,
        wrong: ['competence'],
      },
      {
        learnerId: 'b',
        scenarioId: 'g2',
        truth: 'goal-misgeneralization',
        picked: 'goal-misgeneralization',
        labelOk: true,
        wrong: ['competence'],
      },
      { learnerId: 'c', scenarioId: 'g1', truth: 'goal-misgeneralization', picked: 'goal-misgeneralization', labelOk: true, wrong: [] },
      // A defensible reading of a contested case with its questions right.
      { learnerId: 'a', scenarioId: 's1', truth: 'specification-gaming', picked: 'goal-misgeneralization', labelOk: true, wrong: [] },
      {
        learnerId: 'b',
        scenarioId: 'c1',
        truth: 'capability-failure',
        picked: 'goal-misgeneralization',
        labelOk: false,
        wrong: ['competence', 'shift'],
      },
      // Answers stored before the questions existed carry no question errors.
      { learnerId: 'c', scenarioId: 'c1', truth: 'capability-failure', picked: 'specification-gaming', labelOk: false, wrong: [] },
    ]);
    expect(c.questionErrors).toEqual({ training: 0, shift: 1, competence: 3 });
    expect(c.misreadByLabel).toEqual({
      'goal-misgeneralization': { question: 'competence', count: 2, of: 3, scenarioIds: ['g1', 'g2'] },
      'capability-failure': { question: 'shift', count: 1, of: 2, scenarioIds: ['c1'] },
    });
    expect(c.misreadByLabel['specification-gaming']).toBeUndefined();
  });
});
