import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './scripts/lib/chromium';
const base = 'http://127.0.0.1:3431';
const out = '/tmp/shots-interact';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const stamp = Date.now().toString(36);
let n = 0;
for (const [w, h] of [[390, 844], [1280, 800]] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h }, colorScheme: scheme, extraHTTPHeaders: { 'x-forwarded-for': `10.9.${n}.${w % 250}` } });
    n++;
    const page = await ctx.newPage();
    // Guest answers a quiz, then signs up from its link.
    await page.goto(`${base}/chapters/introduction`);
    await page.waitForLoadState('networkidle');
    const quiz = page.locator('form[data-quiz-id]').first();
    await quiz.locator('fieldset').first().locator('input').first().check();
    await quiz.getByRole('radio', { name: 'Sure', exact: true }).check();
    await quiz.getByRole('button', { name: 'Check' }).click();
    await quiz.getByRole('status').filter({ hasText: /Correct|Not quite/ }).waitFor();
    await quiz.screenshot({ path: `${out}/quiz-answered-${w}-${scheme}.png` });
    await quiz.getByRole('button', { name: 'Try again' }).click();
    await quiz.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Name').fill('Sam Screenshot');
    await page.getByLabel('Email').fill(`shot-${stamp}-${n}@example.com`);
    await page.getByLabel('Password').fill('screenshots are useful');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByTestId('welcome-banner').waitFor();
    await page.screenshot({ path: `${out}/welcome-${w}-${scheme}.png` });
    await page.goto(`${base}/teach`);
    await page.screenshot({ path: `${out}/teach-learner-${w}-${scheme}.png`, fullPage: true });
    await ctx.close();
  }
}
await browser.close();
