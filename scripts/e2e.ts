// Browser tests: find Chromium (or fail saying how to install it), make sure the production build is current,
// then run Playwright against it (on SQLite, or on PostgreSQL when TEST_DATABASE_URL is set).
import { findChromium, CHROMIUM_HELP } from './lib/chromium';
import { buildIsFresh, recordBuild } from './lib/build-state';
import { bin, run } from './lib/run';
import { dropDatabases, e2eDatabaseName } from './lib/test-databases';

const chromium = findChromium();
if (!chromium) {
  console.error(CHROMIUM_HELP);
  process.exit(1);
}
process.env.CHROME_PATH = chromium;
process.env.NEXT_TELEMETRY_DISABLED = '1';
if (!buildIsFresh()) {
  console.log('▸ Building the production app for the browser tests');
  run('npm', ['run', '--silent', 'build'], { env: { ...process.env, NODE_ENV: 'production' } });
  recordBuild();
}
try {
  run(bin('playwright'), ['test', ...process.argv.slice(2)]);
} finally {
  // Playwright stops the server without letting it clean up; its PostgreSQL database goes here (see e2e-server.ts).
  // One per worker (playwright.config.ts: E2E_PORT + 10 × worker); dropping a name that was never made is a no-op.
  const base = Number(process.env.E2E_PORT ?? '3100');
  if (process.env.TEST_DATABASE_URL) {
    await dropDatabases(process.env.TEST_DATABASE_URL, {
      names: Array.from({ length: 5 }, (_, i) => e2eDatabaseName(String(base + 10 * i))),
    });
  }
}
