import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** CHROME_PATH, then Debian's /usr/bin/chromium, then a browser Playwright may already have cached. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const cache = path.join(os.homedir(), '.cache', 'ms-playwright');
  if (fs.existsSync(cache)) {
    for (const d of fs
      .readdirSync(cache)
      .filter((d) => d.startsWith('chromium'))
      .sort()
      .reverse()) {
      candidates.push(path.join(cache, d, 'chrome-linux', 'chrome'), path.join(cache, d, 'chrome-linux64', 'chrome'));
    }
  }
  return candidates.find((c): c is string => Boolean(c && fs.existsSync(c))) ?? null;
}

export const CHROMIUM_HELP = `No Chromium found for the browser tests.
Install Debian's Chromium (no download from Playwright is needed or possible here):
    sudo apt-get update && sudo apt-get install -y chromium
or point CHROME_PATH at an existing Chrome/Chromium binary:
    CHROME_PATH=/path/to/chrome npm test`;

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
