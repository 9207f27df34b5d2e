// `npx tsx scripts/bench-toys.ts`: wall-clock time of the default training runs the widgets start, so a
// change that makes a widget sluggish shows up as a number. Prints JSON: the first (cold, JIT-warming)
// run, then the median of five more.
import { performance } from 'node:perf_hooks';
import * as coinrun from '../lib/toys/coinrun';
import * as simplicity from '../lib/toys/simplicity';

const RUNS = 5;

function time(run: (seed: number) => void) {
  const t0 = performance.now();
  run(0);
  const firstRunMs = performance.now() - t0;
  const runsMs: number[] = [];
  for (let i = 1; i <= RUNS; i += 1) {
    const start = performance.now();
    run(i);
    runsMs.push(performance.now() - start);
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { firstRunMs: r(firstRunMs), medianMs: r(sorted[Math.floor(RUNS / 2)] ?? NaN), runsMs: runsMs.map(r) };
}

const report = {
  node: process.version,
  coinrun: {
    config: coinrun.DEFAULT_TRAIN_CONFIG,
    ...time((seed) => coinrun.train({ diversity: 0, seed })),
  },
  simplicity: {
    config: simplicity.DEFAULT_SIMPLICITY_CONFIG,
    ...time((seed) => simplicity.train({ seed })),
  },
};
console.log(JSON.stringify(report, null, 2));
