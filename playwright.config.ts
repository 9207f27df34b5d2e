import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/lib/chromium';

const port = process.env.E2E_PORT ?? '3100';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // npm test's PostgreSQL pass (E2E_STORE_PASS=1) runs the specs that touch the store again; these check
  // markup, policy headers, the phone and desktop layout and browser-only widgets, which do not depend on the store, and run
  // once, on SQLite.
  testIgnore:
    process.env.E2E_STORE_PASS === '1'
      ? ['**/answer-keys.spec.ts', '**/axe-pages.spec.ts', '**/chapters.spec.ts', '**/csp.spec.ts', '**/widgets.spec.ts', '**/layout.spec.ts']
      : [],
  // Traces and screenshots per server port: npm test runs the SQLite and PostgreSQL lanes at once, and Playwright
  // empties its output folder when it starts, so a shared one lost the other lane's files mid-run.
  outputDir: `test-results/playwright-${port}`,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
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
  webServer: {
    command: 'node_modules/.bin/tsx --conditions=react-server scripts/e2e-server.ts',
    url: `http://127.0.0.1:${port}/`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: { E2E_PORT: port },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
