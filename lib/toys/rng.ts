// A small seeded PRNG for the toy engines. Everything random in lib/toys draws from one of these, so a
// run is a pure function of its seed: the same seed gives the same levels, weights and plots in a test,
// in the sweep script and in the browser's Web Worker.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  float(min?: number, max?: number): number;
  /** Uniform integer in [min, max). */
  int(min: number, max: number): number;
  /** True with probability p. */
  bool(p?: number): boolean;
  /** Standard normal scaled to mean and sd (Box-Muller). */
  normal(mean?: number, sd?: number): number;
  /** A uniformly chosen element; throws on an empty array rather than returning undefined. */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy (Fisher-Yates); the input is left alone. */
  shuffle<T>(items: readonly T[]): T[];
  /** The generator's internal state, so a caller can checkpoint and resume a stream. */
  state(): number;
}

/** Mixes a seed and any number of labels into a new 32-bit seed, so that sub-streams (level i, epoch e)
 *  are independent of one another and of how many numbers an earlier stream consumed. */
export function deriveSeed(seed: number, ...labels: readonly (number | string)[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const label of labels) {
    const text = String(label);
    for (let i = 0; i < text.length; i += 1) {
      h = Math.imul(h ^ text.charCodeAt(i), 0x85ebca6b) >>> 0;
      h = (h ^ (h >>> 13)) >>> 0;
    }
    // A separator, so that ('1', '23') and ('12', '3') differ.
    h = Math.imul(h ^ 0xff, 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
  }
  return h;
}

/** mulberry32: one 32-bit word of state, fast, and good enough for simulations (not for cryptography). */
export function createRng(seed: number): Rng {
  let s = seed >>> 0;

  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const int = (min: number, max: number): number => {
    if (!(max > min)) throw new RangeError(`rng.int: empty range [${min}, ${max})`);
    return min + Math.floor(next() * (max - min));
  };

  return {
    next,
    float: (min = 0, max = 1) => min + next() * (max - min),
    int,
    bool: (p = 0.5) => next() < p,
    normal: (mean = 0, sd = 1) => {
      // 1 - next() is in (0, 1], so the log never sees 0.
      const u = 1 - next();
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(0, items.length)];
      if (item === undefined) throw new RangeError('rng.pick: empty array');
      return item;
    },
    shuffle: <T>(items: readonly T[]): T[] => {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i -= 1) {
        const j = int(0, i + 1);
        const a = out[i] as T;
        out[i] = out[j] as T;
        out[j] = a;
      }
      return out;
    },
    state: () => s,
  };
}
