import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed } from '../../../lib/toys/rng';

const draw = (seed: number, n: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('repeats a sequence for a seed and changes it with the seed', () => {
    expect(draw(42, 50)).toEqual(draw(42, 50));
    expect(draw(42, 50)).not.toEqual(draw(43, 50));
  });

  it('keeps floats in [0, 1) and integers in their half-open range, hitting every value', () => {
    const rng = createRng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i += 1) {
      const f = rng.next();
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
      const k = rng.int(-2, 3);
      expect(k).toBeGreaterThanOrEqual(-2);
      expect(k).toBeLessThan(3);
      seen.add(k);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2]);
    expect(() => rng.int(3, 3)).toThrow(RangeError);
    expect(() => rng.pick([])).toThrow(RangeError);
  });

  it('shuffles into a permutation without touching the input', () => {
    const rng = createRng(3);
    const items = Array.from({ length: 20 }, (_, i) => i);
    const shuffled = rng.shuffle(items);
    expect(items).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(shuffled).not.toEqual(items);
  });

  it('draws normals with the asked-for mean and spread', () => {
    const rng = createRng(11);
    const xs = Array.from({ length: 20000 }, () => rng.normal(2, 3));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(2, 1);
    expect(sd).toBeGreaterThan(2.9);
    expect(sd).toBeLessThan(3.1);
  });

  it('can be checkpointed through its state', () => {
    const a = createRng(5);
    a.next();
    const b = createRng(a.state());
    expect(a.next()).toBe(b.next());
  });
});

describe('deriveSeed', () => {
  it('gives independent sub-seeds per label and keeps label boundaries', () => {
    expect(deriveSeed(1, 'level', 0)).toBe(deriveSeed(1, 'level', 0));
    expect(deriveSeed(1, 'level', 0)).not.toBe(deriveSeed(1, 'level', 1));
    expect(deriveSeed(1, 'level', 0)).not.toBe(deriveSeed(2, 'level', 0));
    expect(deriveSeed(1, '1', '23')).not.toBe(deriveSeed(1, '12', '3'));
  });
});
