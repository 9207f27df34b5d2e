// `npm test`: every check, in order of speed. Each step runs even if an earlier one failed, so one run shows
// everything that is wrong; the exit code is non-zero if any step failed.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
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
const sqliteEnv: NodeJS.ProcessEnv = { ...process.env, TEST_DATABASE_URL: undefined };

const T = ['--conditions=react-server'];
const vitestCounts = (file: string) => () => {
  const r = readJson(file) as { numPassedTests: number; numFailedTests: number } | null;
  return r && { passed: r.numPassedTests, failed: r.numFailedTests };
};
const e2eCounts = (file: string) => () => {
  const r = readJson(file) as { stats: { expected: number; unexpected: number; flaky: number } } | null;
  return r && { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected };
};
const steps: Step[] = [
  { name: 'type-check', cmd: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint', cmd: bin('eslint'), args: ['--max-warnings=0', '.'] },
  ...(fs.existsSync('scripts/content-check.ts') ? [{ name: 'content check', cmd: bin('tsx'), args: [...T, 'scripts/content-check.ts'] }] : []),
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
    env: { ...sqliteEnv, E2E_REPORT: 'test-results/e2e.json' },
    counts: e2eCounts('test-results/e2e.json'),
  },
  // Every query again on PostgreSQL: the integration tests and the browser tests that touch the store (same build).
  ...(pgUrl
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
          env: { ...process.env, E2E_REPORT: 'test-results/e2e-pg.json', E2E_STORE_PASS: '1' },
          counts: e2eCounts('test-results/e2e-pg.json'),
        },
      ]
    : []),
];

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
for (const step of steps) {
  console.log(`\n━━ ${step.name}`);
  const t0 = Date.now();
  const r = spawnSync(step.cmd, step.args, { stdio: 'inherit', env: step.env ?? process.env });
  const ok = r.status === 0;
  results.push({ name: step.name, ok, seconds: (Date.now() - t0) / 1000 });
  const c = step.counts?.();
  if (c) {
    passed += c.passed;
    failed += c.failed;
  } else if (step.counts && !ok) {
    failed += 1; // the runner died before reporting
  }
}

console.log('\n━━ Summary');
for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'}  ${r.name} (${r.seconds.toFixed(1)} s)`);
const allOk = results.every((r) => r.ok);
console.log(`\nStores: ${pgUrl ? 'SQLite and PostgreSQL' : 'SQLite only (set TEST_DATABASE_URL to run the store tests on PostgreSQL too)'}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(allOk ? 0 : 1);
