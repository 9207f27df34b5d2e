// `npm test`: every check, in order of speed. Each step runs even if an earlier one failed, so one run shows
// everything that is wrong; the exit code is non-zero if any step failed.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { bin } from './lib/run';

interface Step {
  name: string;
  cmd: string;
  args: string[];
  counts?: () => { passed: number; failed: number } | null;
}

const T = ['--conditions=react-server'];
const steps: Step[] = [
  { name: 'type-check', cmd: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint', cmd: bin('eslint'), args: ['--max-warnings=0', '.'] },
  ...(fs.existsSync('scripts/content-check.ts') ? [{ name: 'content check', cmd: bin('tsx'), args: [...T, 'scripts/content-check.ts'] }] : []),
  {
    name: 'unit, component and integration tests (vitest)',
    cmd: bin('vitest'),
    args: ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'],
    counts: () => {
      const r = readJson('test-results/vitest.json') as { numPassedTests: number; numFailedTests: number } | null;
      return r && { passed: r.numPassedTests, failed: r.numFailedTests };
    },
  },
  {
    name: 'browser tests (Playwright + Chromium)',
    cmd: bin('tsx'),
    args: [...T, 'scripts/e2e.ts'],
    counts: () => {
      const r = readJson('test-results/e2e.json') as { stats: { expected: number; unexpected: number; flaky: number } } | null;
      return r && { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected };
    },
  },
];

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

fs.mkdirSync('test-results', { recursive: true });
for (const f of ['test-results/vitest.json', 'test-results/e2e.json']) fs.rmSync(f, { force: true });
process.env.NEXT_TELEMETRY_DISABLED = '1';

const results: { name: string; ok: boolean; seconds: number }[] = [];
let passed = 0;
let failed = 0;
for (const step of steps) {
  console.log(`\n━━ ${step.name}`);
  const t0 = Date.now();
  const r = spawnSync(step.cmd, step.args, { stdio: 'inherit' });
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
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(allOk ? 0 : 1);
