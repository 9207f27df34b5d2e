import { describe, expect, it } from 'vitest';
import { createRng } from '../../../lib/toys/rng';
import {
  accuracy,
  decisionGrid,
  initMlp,
  makeDataset,
  makeSimplicityData,
  predict,
  shapeLabel,
  train,
  type Dataset,
  type SimplicityResult,
} from '../../../lib/toys/simplicity';

const options = { n: 2000, slabs: 5, margin: 0.1 };
const positionAgrees = (d: Dataset) => d.x.filter((p, i) => (p[0] > 0 ? 1 : 0) === d.y[i]).length / d.x.length;
const shapeAgrees = (d: Dataset) => d.x.filter((p, i) => shapeLabel(p[1], 5) === d.y[i]).length / d.x.length;

const runs = new Map<string, SimplicityResult>();
const trainedAt = (disagreement: number, seed: number) => {
  const key = `${disagreement}:${seed}`;
  if (!runs.has(key)) runs.set(key, train({ disagreement, seed }));
  return runs.get(key) as SimplicityResult;
};

describe('makeDataset', () => {
  it('makes both features fully predictive when they agree', () => {
    const data = makeDataset(createRng(1), 'train', { ...options, disagreement: 0 });
    expect(positionAgrees(data)).toBe(1);
    expect(shapeAgrees(data)).toBe(1);
    const ones = data.y.filter((y) => y === 1).length / data.y.length;
    expect(ones).toBeGreaterThan(0.45);
    expect(ones).toBeLessThan(0.55);
    for (const [position, shape] of data.x) {
      expect(Math.abs(position)).toBeGreaterThanOrEqual(0.1);
      expect(Math.abs(position)).toBeLessThanOrEqual(1);
      expect(Math.abs(shape)).toBeLessThanOrEqual(1);
    }
  });

  it('flips position on exactly the disagreement fraction and leaves shape alone', () => {
    const data = makeDataset(createRng(2), 'train', { ...options, disagreement: 0.2 });
    expect(positionAgrees(data)).toBeCloseTo(0.8, 10);
    expect(shapeAgrees(data)).toBe(1);
  });

  it('randomizes one feature at a time in the shifted test sets', () => {
    const simple = makeDataset(createRng(3), 'simple-randomized', { ...options, disagreement: 0 });
    expect(Math.abs(positionAgrees(simple) - 0.5)).toBeLessThan(0.05);
    expect(shapeAgrees(simple)).toBe(1);
    const hard = makeDataset(createRng(3), 'hard-randomized', { ...options, disagreement: 0 });
    expect(positionAgrees(hard)).toBe(1);
    expect(Math.abs(shapeAgrees(hard) - 0.5)).toBeLessThan(0.05);
  });

  it('rejects disagreement outside [0, 0.5]', () => {
    expect(() => makeDataset(createRng(1), 'train', { ...options, disagreement: 0.6 })).toThrow(RangeError);
  });
});

describe('train', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = train({ seed: 4, epochs: 5, disagreement: 0.1 });
    const b = train({ seed: 4, epochs: 5, disagreement: 0.1 });
    const c = train({ seed: 5, epochs: 5, disagreement: 0.1 });
    expect(a).toEqual(b);
    expect(a.model.w1).not.toEqual(c.model.w1);
  });

  it('reports every epoch, with accuracies in [0, 1], and the model it returns scores its final line', () => {
    const epochs: number[] = [];
    const result = train({ seed: 6, epochs: 8, hidden: 8 }, (s) => epochs.push(s.epoch));
    expect(epochs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const s of result.history) {
      for (const value of [s.trainAccuracy, s.test.iid, s.test.simpleRandomized, s.test.hardRandomized]) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
      expect(s.trainLoss).toBeGreaterThanOrEqual(0);
    }
    const data = makeSimplicityData(result.config);
    expect(accuracy(result.model, data.simpleRandomized)).toBe(result.final.simpleRandomized);
    expect(result.history[0]?.trainLoss).toBeGreaterThan(result.history.at(-1)?.trainLoss ?? Infinity);
  });

  it('learns only position when both features agree', () => {
    for (const seed of [1, 2, 3]) {
      const { final } = trainedAt(0, seed);
      expect(final.iid).toBeGreaterThan(0.97);
      expect(final.hardRandomized).toBeGreaterThan(0.97);
      expect(final.simpleRandomized).toBeGreaterThan(0.35);
      expect(final.simpleRandomized).toBeLessThan(0.65);
    }
  });

  it('leans on shape once enough training points disagree', () => {
    for (const seed of [1, 2, 3]) {
      const agree = trainedAt(0, seed).final;
      const some = trainedAt(0.2, seed).final;
      expect(some.simpleRandomized).toBeGreaterThan(agree.simpleRandomized + 0.3);
      expect(some.hardRandomized).toBeLessThan(agree.hardRandomized);
    }
  });

  it('draws a boundary that, with agreeing data, follows position and ignores shape', () => {
    const { model } = trainedAt(0, 1);
    const res = 21;
    const grid = decisionGrid(model, res);
    expect(grid).toHaveLength(res * res);
    let agreeWithPosition = 0;
    grid.forEach((p, k) => {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      const position = -1 + (2 * (k % res)) / (res - 1);
      if (Math.abs(position) >= 0.2 && p >= 0.5 === position > 0) agreeWithPosition += 1;
    });
    // Columns with |position| >= 0.2: 8 on each side, all rows.
    expect(agreeWithPosition).toBe(16 * res);
  });

  it('predicts probabilities with an untrained model too', () => {
    const model = initMlp(createRng(1), 4, 'tanh');
    const p = predict(model, [0.3, -0.7]);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
  });
});
