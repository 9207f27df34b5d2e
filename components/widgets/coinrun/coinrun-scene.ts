// Pure helpers shared by the static picture (server) and the interactive trainer (client): which part of an
// episode to draw, and how to say in words what the picture shows.
import {
  DEFAULT_MAX_STEPS,
  FEATURE_NAMES,
  runEpisode,
  testLevel,
  type Episode,
  type Level,
  type Outcome,
  type Policy,
  type Pos,
} from '@/lib/toys/coinrun';
import { deriveSeed } from '@/lib/toys/rng';

/** The sweep's test levels for a training seed: the same numbers the sweep reports. */
const TEST_SEED_OFFSET = 100_000;
export const testSeedFor = (trainingSeed: number) => TEST_SEED_OFFSET + trainingSeed;

export interface Scene {
  level: Level;
  /** The positions to draw, from the start up to the moment the outcome was decided. */
  path: Pos[];
  outcome: Outcome;
  /** Steps until the outcome was decided (the coin touched, the end first reached, or the limit). */
  steps: number;
  /** The agent's closest approach to the coin along `path` (Manhattan distance, in cells). */
  closest: number;
}

export function policyFromWeights(weights: Readonly<Record<string, number>>): Policy {
  return { kind: 'linear-softmax', featureNames: [...FEATURE_NAMES], weights: FEATURE_NAMES.map((name) => weights[name] ?? 0) };
}

/** The part of an episode worth drawing. After reaching the end the agent paces beside the exit until the
 *  step limit, since nothing there ends the episode; drawing that would only hide the route. */
function sceneFromEpisode(level: Level, episode: Episode): Scene {
  const steps = episode.outcome === 'end' && episode.reachedEndAt !== null ? episode.reachedEndAt : episode.steps;
  const path = episode.trajectory.slice(0, steps + 1);
  const closest = Math.min(...path.map((p) => Math.abs(p.x - level.coin.x) + Math.abs(p.y - level.coin.y)));
  return { level, path, outcome: episode.outcome, steps, closest };
}

/** Test level `index` of a training seed's evaluation, played greedily exactly as `evaluate` plays it. */
export function playTestLevel(policy: Policy, trainingSeed: number, index: number): Scene {
  const seed = testSeedFor(trainingSeed);
  const level = testLevel({ seed }, index);
  return sceneFromEpisode(level, runEpisode(level, policy, { seed: deriveSeed(seed, 'test-episode', index) }));
}

const cell = (p: Pos) => `column ${p.x + 1}, row ${p.y + 1}`;

export function outcomeWords(outcome: Outcome): string {
  return outcome === 'coin'
    ? 'reached the coin'
    : outcome === 'end'
      ? 'ran to the end without the coin'
      : 'reached neither before time ran out';
}

/** A text alternative for a drawn scene. */
export function describeScene(scene: Scene): string {
  const { level, outcome, steps, closest } = scene;
  const layout =
    `A ${level.width} by ${level.height} grid seen from above (rows counted from the top). ` +
    `The agent starts at ${cell(level.start)}. The exit is the gap in the right-hand wall at row ${level.exit.y + 1}; ` +
    `in training the coin always sat there. On this level the coin is at ${cell(level.coin)}.`;
  if (outcome === 'coin') return `${layout} The agent goes to the coin and takes it after ${steps} steps.`;
  if (outcome === 'end') {
    return (
      `${layout} The agent heads to the exit and reaches the right-hand end after ${steps} steps, ` +
      `coming within ${closest} ${closest === 1 ? 'cell' : 'cells'} of the coin without touching it; ` +
      `it then paces beside the exit until its ${DEFAULT_MAX_STEPS} steps run out, with no reward.`
    );
  }
  return `${layout} The agent reaches neither the coin nor the end within its ${steps} steps.`;
}
