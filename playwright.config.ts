import os from 'node:os';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/lib/chromium';

// One server and one database per worker: worker i talks to the server on E2E_PORT + 10 × i (a spec that starts a
// server of its own uses the next few ports: auth-hardening.spec.ts takes +7 and +8), so workers share no state and
// spec files run side by side. npm test runs the SQLite and PostgreSQL lanes at once, so by default each lane takes
// half the cores (one worker each on two cores); E2E_WORKERS sets it.
const basePort = Number(process.env.E2E_BASE_PORT ?? process.env.E2E_PORT ?? '3100');
const workers = Math.min(5, Math.max(1, Number(process.env.E2E_WORKERS ?? Math.floor(os.availableParallelism() / 2)) || 1));
const portOf = (worker: number) => basePort + 10 * worker;
// Playwright loads this file again in each worker process, with TEST_PARALLEL_INDEX set: that worker's server is
// the one the specs' helpers (test/e2e/support.ts, actions.ts) find through E2E_PORT.
const parallelIndex = process.env.TEST_PARALLEL_INDEX;
if (parallelIndex !== undefined) {
  process.env.E2E_BASE_PORT = String(basePort);
  process.env.E2E_PORT = String(portOf(Number(parallelIndex)));
}
const port = process.env.E2E_PORT ?? String(basePort);

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // npm test's PostgreSQL pass (E2E_STORE_PASS=1) runs the specs that touch the store again; these check
  // markup, policy headers, the phone and desktop layout and browser-only widgets, which do not depend on the store, and run
  // once, on SQLite.
  testIgnore:
    process.env.E2E_STORE_PASS === '1'
      ? [
          '**/answer-keys.spec.ts',
          '**/axe-pages.spec.ts',
          '**/chapters.spec.ts',
          '**/csp.spec.ts',
          '**/widgets.spec.ts',
          '**/layout.spec.ts',
        ]
      : [],
  // Traces and screenshots per lane: npm test runs the SQLite and PostgreSQL lanes at once, and Playwright
  // empties its output folder when it starts, so a shared one lost the other lane's files mid-run.
  outputDir: `test-results/playwright-${basePort}`,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // npm test runs the suite once per store and names the report for each (E2E_REPORT).
  reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-first-failure',
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROME_PATH ?? findChromium() ?? undefined, args: CHROMIUM_ARGS },
  },
  webServer: Array.from({ length: workers }, (_, i) => ({
    command: 'node_modules/.bin/tsx --conditions=react-server scripts/e2e-server.ts',
    url: `http://127.0.0.1:${portOf(i)}/`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: { E2E_PORT: String(portOf(i)) },
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  })),
});
