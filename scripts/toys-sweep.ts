// `npm run toys:sweep`: the numbers the course quotes about its two toys, recomputed from the engines.
// Trains the CoinRun agent at each training diversity and the simplicity-bias MLP at each disagreement,
// over several seeds, prints the results as JSON and writes the same JSON to content/data/toys-sweep.json.
// Everything is seeded and the file carries no timestamp, so a re-run reproduces it byte for byte and a
// diff shows only a real change in an engine.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as coinrun from '../lib/toys/coinrun';
import * as simplicity from '../lib/toys/simplicity';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../content/data/toys-sweep.json');

const SEEDS = [1, 2, 3, 4, 5];
const DIVERSITIES = [0, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5];
const TEST_LEVELS = 300;
// Test levels are drawn from their own seed per training seed, under a label no training level uses.
const testSeedFor = (seed: number) => 100_000 + seed;
const DISAGREEMENTS = [0, 0.05, 0.1, 0.2];

const round = (x: number) => Math.round(x * 10_000) / 10_000;
const mean = (xs: readonly number[]) => round(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length));

function sweepCoinrun() {
  const results = DIVERSITIES.map((diversity) => {
    const perSeed = SEEDS.map((seed) => {
      const { policy } = coinrun.train({ diversity, seed });
      const testSeed = testSeedFor(seed);
      const offPath = coinrun.evaluate(policy, { levels: TEST_LEVELS, seed: testSeed, coinPlacement: 'off-path' });
      // The same layouts with the coin back in the exit: does the skill itself survive?
      const trainingLike = coinrun.evaluate(policy, { levels: TEST_LEVELS, seed: testSeed, coinPlacement: 'end' });
      return {
        seed,
        coinRate: round(offPath.coinRate),
        endRate: round(offPath.endRate),
        otherRate: round(offPath.otherRate),
        trainingLikeCoinRate: round(trainingLike.coinRate),
        weights: Object.fromEntries(policy.featureNames.map((name, i) => [name, round(policy.weights[i] ?? 0)])),
      };
    });
    return {
      diversity,
      mean: {
        coinRate: mean(perSeed.map((r) => r.coinRate)),
        endRate: mean(perSeed.map((r) => r.endRate)),
        otherRate: mean(perSeed.map((r) => r.otherRate)),
        trainingLikeCoinRate: mean(perSeed.map((r) => r.trainingLikeCoinRate)),
      },
      perSeed,
    };
  });
  return {
    description:
      'CoinRun-style gridworld. Train with the coin in the exit at the right end, except in a `diversity` fraction of levels where it is at a random reachable cell; test on fresh levels with the coin off the go-right path. coin = reached the coin; end = reached the right-end column without the coin; other = neither before the step limit. trainingLikeCoinRate = coin rate on the same test layouts with the coin back in the exit. Greedy policy at test.',
    config: {
      train: coinrun.DEFAULT_TRAIN_CONFIG,
      test: { levels: TEST_LEVELS, coinPlacement: 'off-path', mode: 'greedy', seed: 'trainingSeed + 100000' },
    },
    seeds: SEEDS,
    diversities: DIVERSITIES,
    results,
  };
}

function sweepSimplicity() {
  const results = DISAGREEMENTS.map((disagreement) => {
    const perSeed = SEEDS.map((seed) => {
      const { final, history } = simplicity.train({ seed, disagreement });
      return {
        seed,
        iid: round(final.iid),
        simpleRandomized: round(final.simpleRandomized),
        hardRandomized: round(final.hardRandomized),
        trainAccuracy: round(history.at(-1)?.trainAccuracy ?? 0),
      };
    });
    return {
      disagreement,
      mean: {
        iid: mean(perSeed.map((r) => r.iid)),
        simpleRandomized: mean(perSeed.map((r) => r.simpleRandomized)),
        hardRandomized: mean(perSeed.map((r) => r.hardRandomized)),
      },
      perSeed,
    };
  });
  return {
    description:
      'Two features that both predict the label in training: position (linear, simple) and shape (5 alternating slabs, hard). `disagreement` flips position on that fraction of training points. Test accuracy on iid data (drawn like training), simpleRandomized (position independent of the label, shape intact) and hardRandomized (shape independent of the label, position intact). Chance is 0.5.',
    config: simplicity.DEFAULT_SIMPLICITY_CONFIG,
    seeds: SEEDS,
    disagreements: DISAGREEMENTS,
    results,
  };
}

function main() {
  const report = { generatedBy: 'scripts/toys-sweep.ts', coinrun: sweepCoinrun(), simplicity: sweepSimplicity() };
  const json = `${JSON.stringify(report, null, 2)}\n`;
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, json);
  process.stdout.write(json);
  console.error(`wrote ${path.relative(process.cwd(), OUT)}`);
}

main();
