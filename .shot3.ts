import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './scripts/lib/chromium';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
for (const [w, scheme] of [[1280, 'light'], [390, 'dark']] as const) {
  const page = await browser.newPage({ viewport: { width: w, height: 800 }, colorScheme: scheme });
  await page.goto('http://127.0.0.1:3431/chapters/learning-dynamics');
  await page.waitForLoadState('networkidle');
  await page.locator('svg[data-chart="accuracy"]').first().screenshot({ path: `/tmp/shots-interact/plot-${w}-${scheme}.png` });
  await page.locator('svg[data-chart="plane"]').first().screenshot({ path: `/tmp/shots-interact/plane-${w}-${scheme}.png` });
}
const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
await page.goto('http://127.0.0.1:3431/chapters/multi-objective-generalization');
await page.getByRole('button', { name: 'Train the agent yourself' }).click();
await page.getByRole('button', { name: 'Train', exact: true }).click();
await page.getByRole('status').filter({ hasText: /Trained:/ }).waitFor({ timeout: 60000 });
await page.locator('svg[data-chart="outcomes"]').screenshot({ path: '/tmp/shots-interact/outcomes-390.png' });
await browser.close();
