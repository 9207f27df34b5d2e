import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed } from '../../../lib/toys/rng';
import {
  FEATURE_NAMES,
  emptyPolicy,
  evaluate,
  generateLevel,
  goRightPath,
  inspect,
  isWall,
  runEpisode,
  shortestPathLength,
  step,
  testLevel,
  train,
  type Action,
  type CoinPlacement,
  type Level,
  type TrainResult,
} from '../../../lib/toys/coinrun';

const PLACEMENTS: CoinPlacement[] = ['end', 'random', 'off-path'];
const weight = (result: TrainResult, name: (typeof FEATURE_NAMES)[number]) => result.policy.weights[FEATURE_NAMES.indexOf(name)] as number;

// Trained once per setting and shared, to keep the file within a few seconds.
const trained = new Map<string, TrainResult>();
const trainedAt = (diversity: number, seed: number) => {
  const key = `${diversity}:${seed}`;
  if (!trained.has(key)) trained.set(key, train({ diversity, seed }));
  return trained.get(key) as TrainResult;
};

describe('generateLevel', () => {
  it('is a pure function of the rng seed', () => {
    for (const coinPlacement of PLACEMENTS) {
      expect(generateLevel(createRng(9), { coinPlacement })).toEqual(generateLevel(createRng(9), { coinPlacement }));
    }
    expect(generateLevel(createRng(9), { coinPlacement: 'end' })).not.toEqual(generateLevel(createRng(10), { coinPlacement: 'end' }));
  });

  it('draws the same walls whatever the coin placement', () => {
    const layouts = PLACEMENTS.map((coinPlacement) => generateLevel(createRng(21), { coinPlacement }));
    for (const level of layouts) {
      expect(level.walls).toEqual(layouts[0]?.walls);
      expect(level.start).toEqual(layouts[0]?.start);
    }
  });

  it('always builds solvable levels with the coin where the placement says', () => {
    for (let seed = 0; seed < 300; seed += 1) {
      for (const coinPlacement of PLACEMENTS) {
        const level = generateLevel(createRng(seed), { coinPlacement });
        expect(level.start.x).toBe(0);
        expect(isWall(level, level.start.x, level.start.y)).toBe(false);
        expect(isWall(level, level.coin.x, level.coin.y)).toBe(false);
        expect(shortestPathLength(level, level.start, level.exit)).toBeGreaterThan(0);
        expect(shortestPathLength(level)).toBeGreaterThan(0);
        // The right-end column is wall except the exit.
        for (let y = 0; y < level.height; y += 1) expect(isWall(level, level.width - 1, y)).toBe(y !== level.exit.y);
        if (coinPlacement === 'end') expect(level.coin).toEqual(level.exit);
        if (coinPlacement === 'off-path') {
          expect(level.coin.x).toBeLessThan(level.width - 1);
          const nearest = Math.min(...goRightPath(level).map((p) => Math.abs(p.x - level.coin.x) + Math.abs(p.y - level.coin.y)));
          expect(nearest).toBeGreaterThanOrEqual(1);
        }
      }
    }
  });

  it('has walls that matter: the shortest route is usually longer than a straight run', () => {
    let detours = 0;
    for (let seed = 0; seed < 100; seed += 1) {
      const level = generateLevel(createRng(seed), { coinPlacement: 'end' });
      if (shortestPathLength(level) > level.width - 1 + Math.abs(level.exit.y - level.start.y)) detours += 1;
    }
    expect(detours).toBeGreaterThan(30);
  });

  it('draws a go-right path that reaches the exit', () => {
    for (let seed = 0; seed < 100; seed += 1) {
      const level = generateLevel(createRng(seed), { coinPlacement: 'off-path' });
      expect(goRightPath(level).at(-1)).toEqual(level.exit);
    }
  });
});

describe('step', () => {
  it('pays 1 exactly when the agent lands on the coin, and nothing for the exit or anywhere else', () => {
    const rng = createRng(4);
    let coinSteps = 0;
    let exitVisitsWithoutCoin = 0;
    for (let seed = 0; seed < 40; seed += 1) {
      const level = generateLevel(createRng(seed), { coinPlacement: seed % 2 === 0 ? 'random' : 'off-path' });
      let pos = level.start;
      for (let t = 0; t < 400; t += 1) {
        const result = step(level, pos, rng.int(0, 4) as Action);
        const onCoin = result.pos.x === level.coin.x && result.pos.y === level.coin.y;
        expect(result.reward).toBe(onCoin ? 1 : 0);
        expect(result.done).toBe(onCoin);
        if (result.pos.x === level.exit.x && result.pos.y === level.exit.y && !onCoin) exitVisitsWithoutCoin += 1;
        if (onCoin) {
          coinSteps += 1;
          break;
        }
        pos = result.pos;
      }
    }
    expect(coinSteps).toBeGreaterThan(10);
    expect(exitVisitsWithoutCoin).toBeGreaterThan(0);
  });

  it('leaves the agent in place when it walks into a wall or off the grid', () => {
    const level = generateLevel(createRng(1), { coinPlacement: 'end' });
    const result = step(level, { x: 0, y: level.start.y }, 3);
    expect(result).toMatchObject({ pos: { x: 0, y: level.start.y }, bumped: true, reward: 0 });
  });
});

describe('runEpisode', () => {
  it('reports an outcome consistent with its trajectory', () => {
    const { policy } = trainedAt(0, 1);
    for (let i = 0; i < 30; i += 1) {
      const level = testLevel({ seed: 5, coinPlacement: i % 2 === 0 ? 'off-path' : 'random' }, i);
      const episode = runEpisode(level, policy, { seed: i, mode: 'sample' });
      expect(episode.trajectory).toHaveLength(episode.steps + 1);
      episode.trajectory.slice(1).forEach((p, t) => {
        const prev = episode.trajectory[t] as Level['start'];
        expect(Math.abs(p.x - prev.x) + Math.abs(p.y - prev.y)).toBeLessThanOrEqual(1);
      });
      const total = episode.rewards.reduce((a, b) => a + b, 0);
      const touchedEnd = episode.trajectory.some((p) => p.x === level.width - 1);
      if (episode.outcome === 'coin') expect(total).toBe(1);
      else expect(total).toBe(0);
      if (episode.outcome === 'end') expect(touchedEnd).toBe(true);
      if (episode.outcome === 'timeout') {
        expect(touchedEnd).toBe(false);
        expect(episode.steps).toBe(40);
      }
    }
  });

  it('replays identically from a JSON round trip of level and policy', () => {
    const { policy } = trainedAt(0, 1);
    const level = testLevel({ seed: 8 }, 3);
    const again = runEpisode(JSON.parse(JSON.stringify(level)), JSON.parse(JSON.stringify(policy)), { seed: 2, mode: 'sample' });
    expect(again).toEqual(runEpisode(level, policy, { seed: 2, mode: 'sample' }));
  });
});

describe('train', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = train({ diversity: 0.1, seed: 3, episodes: 400 });
    const b = train({ diversity: 0.1, seed: 3, episodes: 400 });
    const c = train({ diversity: 0.1, seed: 4, episodes: 400 });
    expect(a).toEqual(b);
    expect(a.policy.weights).not.toEqual(c.policy.weights);
  });

  it('reports progress per curve block', () => {
    const seen: number[] = [];
    const result = train({ diversity: 0, seed: 1, episodes: 250, curveEvery: 100 }, (p) => seen.push(p.episode));
    expect(seen).toEqual([100, 200, 250]);
    expect(result.curve.map((p) => p.episode)).toEqual([100, 200, 250]);
    for (const point of result.curve) {
      expect(point.coinRate).toBeGreaterThanOrEqual(0);
      expect(point.coinRate).toBeLessThanOrEqual(1);
    }
  });

  it('learns: training coin rate rises and beats an untrained agent on training-like levels', () => {
    const result = trainedAt(0, 1);
    expect(result.curve.at(-1)?.coinRate).toBeGreaterThan((result.curve[0]?.coinRate ?? 1) + 0.2);
    const untrained = evaluate(emptyPolicy(), { levels: 100, seed: 77, coinPlacement: 'end' });
    const learned = evaluate(result.policy, { levels: 100, seed: 77, coinPlacement: 'end' });
    expect(untrained.coinRate).toBeLessThan(0.2);
    expect(learned.coinRate).toBeGreaterThan(0.9);
  });

  it('at diversity 0 never gives the "coin is to the left" weight any gradient', () => {
    expect(weight(trainedAt(0, 1), 'coin-dir:left')).toBe(0);
    expect(weight(trainedAt(0.5, 1), 'coin-dir:left')).toBeGreaterThan(1);
  });

  it('rejects settings out of range', () => {
    expect(() => train({ diversity: 1.5, seed: 1 })).toThrow(RangeError);
    expect(() => train({ diversity: 0, seed: 1, episodes: 0 })).toThrow(RangeError);
  });
});

describe('goal misgeneralization', () => {
  const seeds = [1, 2, 3];

  it('at diversity 0 keeps its skill but runs to the end instead of the off-path coin', () => {
    for (const seed of seeds) {
      const { policy } = trainedAt(0, seed);
      const offPath = evaluate(policy, { levels: 150, seed: 500 + seed });
      const trainingLike = evaluate(policy, { levels: 150, seed: 500 + seed, coinPlacement: 'end' });
      expect(trainingLike.coinRate).toBeGreaterThan(0.9);
      expect(offPath.endRate).toBeGreaterThan(0.7);
      expect(offPath.coinRate).toBeLessThan(0.2);
    }
  });

  it('with diverse training goes for the coin', () => {
    for (const seed of seeds) {
      const low = evaluate(trainedAt(0, seed).policy, { levels: 150, seed: 500 + seed });
      const high = evaluate(trainedAt(0.5, seed).policy, { levels: 150, seed: 500 + seed });
      expect(high.coinRate).toBeGreaterThan(0.8);
      expect(high.coinRate).toBeGreaterThan(low.coinRate + 0.5);
      expect(high.endRate).toBeLessThan(low.endRate);
    }
  });

  it('reports rates that partition the test levels', () => {
    const result = evaluate(trainedAt(0, 1).policy, { levels: 60, seed: 9 });
    expect(result.coinRate + result.endRate + result.otherRate).toBeCloseTo(1, 10);
    expect(result.counts.coin + result.counts.end + result.counts.timeout).toBe(60);
    expect(result.outcomes.filter((o) => o === 'end')).toHaveLength(result.counts.end);
    const replay = runEpisode(testLevel({ seed: 9 }, 7), trainedAt(0, 1).policy, { seed: deriveSeed(9, 'test-episode', 7) });
    expect(replay.outcome).toBe(result.outcomes[7]);
  });

  it('explains a move through per-feature contributions that sum to its logit', () => {
    const level = testLevel({ seed: 3 }, 0);
    const view = inspect(level, level.start, trainedAt(0, 1).policy);
    view.contributions.forEach((parts, a) => expect(parts.reduce((s, v) => s + v, 0)).toBeCloseTo(view.logits[a as Action], 10));
    expect(view.probabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 10);
  });
});
