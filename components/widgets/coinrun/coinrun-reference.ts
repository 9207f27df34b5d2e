import 'server-only';
import sweep from '@/content/data/toys-sweep.json';
import { isWall, type Policy } from '@/lib/toys/coinrun';
import { playTestLevel, policyFromWeights, type Scene } from './coinrun-scene';

// What the static picture and the trainer's starting state are drawn from: a policy the sweep really
// trained (its weights are in content/data/toys-sweep.json), played on the sweep's own test levels.

interface ReferenceAgent {
  diversity: number;
  seed: number;
  episodes: number;
  policy: Policy;
  /** This agent's rates over the sweep's test levels for its seed. */
  coinRate: number;
  endRate: number;
  otherRate: number;
}

export interface ReferenceRow {
  diversity: number;
  coinRate: number;
  endRate: number;
  otherRate: number;
  /** Coin rate of each sweep seed, keyed by seed, so a learner who trains a sweep seed can compare. */
  perSeed: { seed: number; coinRate: number; endRate: number; otherRate: number }[];
}

export interface CoinrunReference {
  agent: ReferenceAgent;
  scene: Scene;
  /** Which of the agent's test levels `scene` is (0-based). */
  sceneIndex: number;
  rows: ReferenceRow[];
  seeds: number[];
  diversities: number[];
  episodes: number;
  testLevels: number;
}

/** How many of the reference agent's test levels to consider for the picture. */
const SEARCH = 30;

let cached: CoinrunReference | null = null;

export function getCoinrunReference(): CoinrunReference {
  if (cached) return cached;
  const { results, seeds, diversities, config } = sweep.coinrun;
  const atZero = results.find((r) => r.diversity === 0);
  const run = atZero?.perSeed[0];
  if (!atZero || !run) throw new Error('toys-sweep.json has no diversity-0 CoinRun result');
  const agent: ReferenceAgent = {
    diversity: 0,
    seed: run.seed,
    episodes: config.train.episodes,
    policy: policyFromWeights(run.weights),
    coinRate: run.coinRate,
    endRate: run.endRate,
    otherRate: run.otherRate,
  };

  // The clearest picture of the effect: the agent runs to the end and passes close to a coin that stands
  // in the open (free on all four sides) in the middle of the level, ahead of the start rather than behind
  // it. Fall back to the first run to the end, then to level 0, so a change in the engine never leaves the
  // page without a picture.
  const scenes = Array.from({ length: SEARCH }, (_, i) => playTestLevel(agent.policy, agent.seed, i));
  const open = (s: Scene) =>
    [
      [0, -1],
      [1, 0],
      [0, 1],
      [-1, 0],
    ].every(([dx, dy]) => !isWall(s.level, s.level.coin.x + (dx as number), s.level.coin.y + (dy as number)));
  const midway = (s: Scene) => s.level.coin.x >= 4 && s.level.coin.x <= s.level.width - 4;
  let sceneIndex = scenes.findIndex((s) => s.outcome === 'end' && s.closest <= 2 && open(s) && midway(s));
  if (sceneIndex < 0) sceneIndex = scenes.findIndex((s) => s.outcome === 'end');
  if (sceneIndex < 0) sceneIndex = 0;

  cached = {
    agent,
    scene: scenes[sceneIndex] as Scene,
    sceneIndex,
    rows: results.map((r) => ({
      diversity: r.diversity,
      coinRate: r.mean.coinRate,
      endRate: r.mean.endRate,
      otherRate: r.mean.otherRate,
      perSeed: r.perSeed.map((p) => ({ seed: p.seed, coinRate: p.coinRate, endRate: p.endRate, otherRate: p.otherRate })),
    })),
    seeds,
    diversities,
    episodes: config.train.episodes,
    testLevels: config.test.levels,
  };
  return cached;
}
