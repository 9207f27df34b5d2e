import { expect, test } from '@playwright/test';

test.describe('interactive widgets, end to end in a real browser', () => {
  test('the CoinRun-style gridworld trains in a Web Worker and runs on test levels', async ({ page }) => {
    await page.goto('/chapters/multi-objective-generalization');
    // The static picture teaches before any script runs.
    await expect(page.getByText(/coin never moved in training/).first()).toBeVisible();
    await page.getByRole('button', { name: 'Train the agent yourself' }).click();
    const train = page.getByRole('button', { name: 'Train', exact: true });
    await expect(train).toBeVisible();
    await page.getByLabel('Coin moved in training').focus();
    await train.click();
    // Progress is reported while the worker trains, and the page stays responsive.
    await expect(page.getByRole('progressbar', { name: 'Training progress' })).toBeVisible();
    const status = page.getByRole('status').filter({ hasText: /Trained: it took the coin/ });
    await expect(status).toBeVisible({ timeout: 30_000 });
    await expect(status).toContainText(/test levels with the coin moved: coin \d+%, end \d+%/);
    await page.getByRole('button', { name: 'Run on test levels' }).click();
    await page.getByRole('button', { name: 'Skip to results' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Finished \d+ test levels: coin \d+, end \d+, other \d+/ })).toBeVisible();
  });

  test('the simplicity-bias toy trains and reports accuracy on the shifted test sets', async ({ page }) => {
    await page.goto('/chapters/learning-dynamics');
    await page.getByRole('button', { name: 'Train the network yourself' }).click();
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const done = page.getByRole('status').filter({ hasText: /Training finished: iid \d+%/ });
    await expect(done).toBeVisible({ timeout: 30_000 });
    await expect(done).toContainText(/position randomized [\d.]+%/);
  });

  test('search opens with / and Ctrl-K and takes the reader to the result', async ({ page }) => {
    await page.goto('/');
    await page.waitForLoadState('networkidle'); // the shortcut is live once the page has hydrated
    await page.keyboard.press('/');
    const input = page.getByRole('combobox', { name: 'Search chapters and glossary' });
    await expect(input).toBeFocused();
    await input.fill('proxy goal');
    const results = page.getByRole('listbox', { name: 'Results' });
    await expect(results.getByRole('option').first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(input).toBeHidden();
    await page.keyboard.press('Control+k');
    await expect(input).toBeFocused();
    await input.fill('CoinRun diversity');
    await expect(results.getByRole('option').first()).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/chapters\/[a-z-]+#[a-z0-9-]+$|\/glossary#/);
  });
});
