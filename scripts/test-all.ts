// `npm test`: every check, in order of speed. Each step runs even if an earlier one failed, so one run shows
// everything that is wrong; the exit code is non-zero if any step failed.
import fs from 'node:fs';
import os from 'node:os';
import { spawn, spawnSync } from 'node:child_process';
import readline from 'node:readline';
import { buildIsFresh, recordBuild } from './lib/build-state';
import { bin } from './lib/run';

interface Step {
  name: string;
  cmd: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  counts?: () => { passed: number; failed: number } | null;
}

// The store: SQLite always; PostgreSQL too when TEST_DATABASE_URL names a server where its user may CREATE
// DATABASE (.ci/run sets one up). The SQLite steps must not see it: it is what switches the tests' store.
const pgUrl = process.env.TEST_DATABASE_URL;
// Browser-test workers, each with its own server and database (playwright.config.ts): with two lanes side by side
// each takes half the cores; alone, the SQLite lane takes them all. E2E_WORKERS overrides both.
const e2eWorkers = process.env.E2E_WORKERS ?? String(Math.max(1, Math.floor(os.availableParallelism() / (pgUrl ? 2 : 1))));
const sqliteEnv: NodeJS.ProcessEnv = { ...process.env, TEST_DATABASE_URL: undefined, E2E_WORKERS: e2eWorkers };

const T = ['--conditions=react-server'];
const vitestCounts = (file: string) => () => {
  const r = readJson(file) as { numPassedTests: number; numFailedTests: number } | null;
  return r && { passed: r.numPassedTests, failed: r.numFailedTests };
};
const e2eCounts = (file: string) => () => {
  const r = readJson(file) as { stats: { expected: number; unexpected: number; flaky: number } } | null;
  if (r && r.stats.flaky > 0) flakyTotal += r.stats.flaky;
  return r && { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected };
};
/** Browser tests that failed once and passed on their retry (CI=1): counted as passed, and named in the summary. */
let flakyTotal = 0;
// Checks that read the source only; they run one after another, first.
const checks: Step[] = [
  { name: 'type-check', cmd: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint', cmd: bin('eslint'), args: ['--max-warnings=0', '.'] },
  { name: 'format check (prettier; npm run format fixes it)', cmd: bin('prettier'), args: ['--check', '.'] },
  // Unused files, exports and dependencies (knip.ts says what counts as used).
  { name: 'unused code (knip)', cmd: bin('knip'), args: [] },
  ...(fs.existsSync('scripts/content-check.ts')
    ? [{ name: 'content check', cmd: bin('tsx'), args: [...T, 'scripts/content-check.ts'] }]
    : []),
];
// Then one lane per store, the two lanes side by side: each has its own databases and its own server (the
// PostgreSQL lane's browser tests on E2E_PORT 3150), so they share nothing but the production build, which is
// made once before they start. On two cores this takes about as long as the longer lane instead of the sum.
const sqliteLane: Step[] = [
  {
    name: 'unit, component and integration tests (vitest, SQLite)',
    cmd: bin('vitest'),
    args: ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'],
    env: sqliteEnv,
    counts: vitestCounts('test-results/vitest.json'),
  },
  {
    name: 'browser tests (Playwright + Chromium, SQLite)',
    cmd: bin('tsx'),
    args: [...T, 'scripts/e2e.ts'],
    env: { ...sqliteEnv, E2E_REPORT: 'test-results/e2e.json', E2E_PORT: process.env.E2E_PORT ?? '3100' },
    counts: e2eCounts('test-results/e2e.json'),
  },
];
// Every query again on PostgreSQL: the integration tests and the browser tests that touch the store (same build).
const pgLane: Step[] = pgUrl
  ? [
      {
        name: 'integration tests (vitest, PostgreSQL)',
        cmd: bin('vitest'),
        args: ['run', 'test/integration', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest-pg.json'],
        counts: vitestCounts('test-results/vitest-pg.json'),
      },
      {
        name: 'browser tests (Playwright + Chromium, PostgreSQL)',
        cmd: bin('tsx'),
        args: [...T, 'scripts/e2e.ts'],
        env: {
          ...process.env,
          E2E_WORKERS: e2eWorkers,
          E2E_REPORT: 'test-results/e2e-pg.json',
          E2E_STORE_PASS: '1',
          E2E_PORT: String(Number(process.env.E2E_PORT ?? '3100') + 50),
        },
        counts: e2eCounts('test-results/e2e-pg.json'),
      },
    ]
  : [];

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

fs.mkdirSync('test-results', { recursive: true });
for (const f of ['vitest', 'e2e', 'vitest-pg', 'e2e-pg']) fs.rmSync(`test-results/${f}.json`, { force: true });
process.env.NEXT_TELEMETRY_DISABLED = '1';

const results: { name: string; ok: boolean; seconds: number }[] = [];
let passed = 0;
let failed = 0;
const tally = (step: Step, ok: boolean, seconds: number) => {
  results.push({ name: step.name, ok, seconds });
  const c = step.counts?.();
  if (c) {
    passed += c.passed;
    failed += c.failed;
  } else if (step.counts && !ok) {
    failed += 1; // the runner died before reporting
  }
};

for (const step of checks) {
  console.log(`\n━━ ${step.name}`);
  const t0 = Date.now();
  const r = spawnSync(step.cmd, step.args, { stdio: 'inherit', env: step.env ?? process.env });
  tally(step, r.status === 0, (Date.now() - t0) / 1000);
}

// The build the browser tests run against, once for both lanes (two lanes building at once would clash).
if (!buildIsFresh()) {
  console.log('\n━━ production build for the browser tests');
  const t0 = Date.now();
  const r = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  const ok = r.status === 0;
  if (ok) recordBuild();
  results.push({ name: 'production build', ok, seconds: (Date.now() - t0) / 1000 });
}

/** Runs a lane's steps in order, each line of their output prefixed with the lane's name. */
async function runLane(label: string, lane: Step[]): Promise<void> {
  for (const step of lane) {
    console.log(`[${label}] ━━ ${step.name}`);
    const t0 = Date.now();
    const child = spawn(step.cmd, step.args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...(step.env ?? process.env), FORCE_COLOR: '0' },
    });
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on('line', (line) => console.log(`[${label}] ${line}`));
    }
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
    tally(step, code === 0, (Date.now() - t0) / 1000);
    console.log(`[${label}] ━━ ${code === 0 ? 'ok' : 'FAILED'}: ${step.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
}
const lanesStarted = Date.now();
await Promise.all([runLane('sqlite', sqliteLane), ...(pgLane.length ? [runLane('postgres', pgLane)] : [])]);
const laneSeconds = (Date.now() - lanesStarted) / 1000;

console.log('\n━━ Summary');
for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'}  ${r.name} (${r.seconds.toFixed(1)} s)`);
console.log(`  (the store lanes ran side by side: ${laneSeconds.toFixed(1)} s in all)`);
const allOk = results.every((r) => r.ok);
console.log(
  `\nStores: ${pgUrl ? 'SQLite and PostgreSQL' : 'SQLite only (set TEST_DATABASE_URL to run the store tests on PostgreSQL too)'}`,
);
console.log(
  `tests: ${passed} passed, ${failed} failed${flakyTotal ? ` (${flakyTotal} browser tests passed only on their retry: flaky, see the lanes' output)` : ''}`,
);
process.exit(allOk ? 0 : 1);
