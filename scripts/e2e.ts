// Browser tests: find Chromium (or fail saying how to install it), make sure the production build is current,
// then run Playwright against it.
import { findChromium, CHROMIUM_HELP } from './lib/chromium';
import { buildIsFresh, recordBuild } from './lib/build-state';
import { bin, run } from './lib/run';

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
run(bin('playwright'), ['test', ...process.argv.slice(2)]);
