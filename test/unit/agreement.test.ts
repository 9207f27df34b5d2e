import { describe, expect, it } from 'vitest';
import { fleissKappa, kappaWords, scenarioAgreement, workshopKappa, type Reading } from '../../lib/learning/agreement';

describe("Fleiss' kappa", () => {
  it('matches the standard worked example: 10 subjects, 14 raters, 5 categories, κ ≈ 0.210', () => {
    // The table used in Fleiss' kappa's textbook and encyclopaedia presentations (e.g. Wikipedia, "Fleiss' kappa",
    // worked example): P̄ = 0.378, P̄e = 0.213, κ = 0.210.
    const table = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    const r = fleissKappa(table);
    expect(r.items).toBe(10);
    expect(r.skipped).toBe(0);
    expect(r.observed!).toBeCloseTo(0.378, 3);
    expect(r.expected!).toBeCloseTo(0.213, 3);
    expect(r.kappa!).toBeCloseTo(0.21, 3);
  });

  it('matches a small example worked by hand, every step shown', () => {
    // 3 items, 3 raters each, 2 categories (a, b): [3,0], [2,1], [0,3].
    // P_1 = (3² + 0² − 3) / (3·2) = 6/6 = 1
    // P_2 = (2² + 1² − 3) / (3·2) = 2/6 = 1/3
    // P_3 = (0² + 3² − 3) / (3·2) = 1
    // P̄ = (1 + 1/3 + 1) / 3 = 7/9
    // p_a = (3 + 2 + 0) / 9 = 5/9, p_b = 4/9, P̄e = 25/81 + 16/81 = 41/81
    // κ = (7/9 − 41/81) / (1 − 41/81) = (22/81) / (40/81) = 0.55
    const r = fleissKappa([
      [3, 0],
      [2, 1],
      [0, 3],
    ]);
    expect(r.observed!).toBeCloseTo(7 / 9, 12);
    expect(r.expected!).toBeCloseTo(41 / 81, 12);
    expect(r.kappa!).toBeCloseTo(0.55, 12);
  });

  it('handles items with different numbers of raters (by hand: κ = −0.8)', () => {
    // Item 1: 2 raters split [1,1]: P_1 = (1 + 1 − 2) / (2·1) = 0. Item 2: 4 raters all "a": P_2 = (16 − 4) / (4·3) = 1.
    // P̄ = 0.5; p_a = 5/6, p_b = 1/6 (pooled over the 6 ratings); P̄e = 25/36 + 1/36 = 26/36.
    // κ = (18/36 − 26/36) / (10/36) = −0.8: worse than chance, since the one split item is where the disagreement is.
    const r = fleissKappa([
      [1, 1],
      [4, 0],
    ]);
    expect(r.kappa!).toBeCloseTo(-0.8, 12);
  });

  it('is 1 when raters agree on every item and use more than one category', () => {
    expect(
      fleissKappa([
        [4, 0, 0],
        [0, 4, 0],
        [0, 0, 4],
      ]).kappa,
    ).toBe(1);
  });

  it('is not defined, and says so, when every rating is the same label', () => {
    const r = fleissKappa([
      [5, 0, 0],
      [3, 0, 0],
    ]);
    expect(r.kappa).toBeNull();
    expect(r.reason).toMatch(/same label/);
  });

  it('leaves out items with fewer than two raters, and says why when none is left', () => {
    const some = fleissKappa([
      [1, 0],
      [0, 0],
      [3, 0],
      [0, 3],
    ]);
    expect(some.items).toBe(2);
    expect(some.skipped).toBe(2);
    expect(some.kappa).toBe(1);
    const none = fleissKappa([
      [1, 0, 0],
      [0, 0, 1],
    ]);
    expect(none.kappa).toBeNull();
    expect(none.items).toBe(0);
    expect(none.reason).toMatch(/two or more people/);
    expect(fleissKappa([]).kappa).toBeNull();
  });

  it('refuses counts that are not whole numbers of at least 0', () => {
    expect(() => fleissKappa([[1.5, 1]])).toThrow(RangeError);
    expect(() => fleissKappa([[-1, 3]])).toThrow(RangeError);
  });

  it('workshopKappa builds the table from the readings, one column per failure mode', () => {
    const read = (...labels: Reading['label'][]) => ({ readings: labels.map((label) => ({ label })) });
    // The hand example above, with a = specification gaming and b = goal misgeneralization.
    const r = workshopKappa([
      read('specification-gaming', 'specification-gaming', 'specification-gaming'),
      read('specification-gaming', 'specification-gaming', 'goal-misgeneralization'),
      read('goal-misgeneralization', 'goal-misgeneralization', 'goal-misgeneralization'),
    ]);
    expect(r.kappa!).toBeCloseTo(0.55, 12);
  });

  it('names kappa bands in words', () => {
    expect(kappaWords(-0.1)).toBe('less agreement than chance');
    expect(kappaWords(0.21)).toBe('fair agreement');
    expect(kappaWords(0.55)).toBe('moderate agreement');
    expect(kappaWords(1)).toBe('almost perfect agreement');
  });
});

describe('one scenario against its author', () => {
  const author: Reading = { label: 'goal-misgeneralization', answers: { training: 'no', shift: 'yes', competence: 'yes' } };
  const r = (label: Reading['label'], training: 'yes' | 'no', shift: 'yes' | 'no', competence: 'yes' | 'no'): Reading => ({
    label,
    answers: { training, shift, competence },
  });

  it('counts labels, agreement with the author, and the question the class split on', () => {
    const a = scenarioAgreement(author, [
      r('specification-gaming', 'yes', 'yes', 'yes'),
      r('specification-gaming', 'yes', 'yes', 'yes'),
      r('specification-gaming', 'yes', 'yes', 'yes'),
      r('goal-misgeneralization', 'no', 'yes', 'yes'),
      r('goal-misgeneralization', 'no', 'yes', 'no'),
    ]);
    expect(a.raters).toBe(5);
    expect(a.labels).toEqual({ 'specification-gaming': 3, 'goal-misgeneralization': 2, 'capability-failure': 0 });
    expect(a.agreeing).toBe(2);
    expect(a.share).toBeCloseTo(0.4, 12);
    expect(a.mostChosen).toBe('specification-gaming');
    // Training splits 3/2, competence 4/1, shift not at all: the class split on training.
    expect(a.splitOn).toBe('training');
    expect(a.questions.find((q) => q.question === 'training')).toEqual({ question: 'training', yes: 3, no: 2, author: 'no', agreeing: 2 });
  });

  it('with no readings: no share, no split', () => {
    const a = scenarioAgreement(author, []);
    expect(a.share).toBeNull();
    expect(a.mostChosen).toBeNull();
    expect(a.splitOn).toBeNull();
  });

  it('a unanimous class has no split question, even when it disagrees with the author', () => {
    const a = scenarioAgreement(author, [r('capability-failure', 'no', 'yes', 'no'), r('capability-failure', 'no', 'yes', 'no')]);
    expect(a.splitOn).toBeNull();
    expect(a.agreeing).toBe(0);
    expect(a.mostChosen).toBe('capability-failure');
  });

  it('breaks a tie on the split by the question fewer answered as the author did', () => {
    // training 1/1 (author no: 1 agree), competence 1/1 (author yes: 1 agree), shift 1/1 (author yes: 1 agree) —
    // all tie on the minority and on agreement, so the first in question order wins.
    const a = scenarioAgreement(author, [r('goal-misgeneralization', 'no', 'yes', 'yes'), r('specification-gaming', 'yes', 'no', 'no')]);
    expect(a.splitOn).toBe('training');
    // A tie on the minority, broken by agreement: shift 2/1 with 1 agreeing beats training 2/1 with 2 agreeing.
    const b = scenarioAgreement(author, [
      r('goal-misgeneralization', 'no', 'no', 'yes'),
      r('goal-misgeneralization', 'no', 'no', 'yes'),
      r('specification-gaming', 'yes', 'yes', 'yes'),
    ]);
    expect(b.splitOn).toBe('shift');
  });
});
