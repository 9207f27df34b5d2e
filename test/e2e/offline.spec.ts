import { expect, test, type Page } from '@playwright/test';
import { countRows, e2eDb, submit, unique } from './support';

// An answer made while the connection is down is kept on the device (IndexedDB, with its idempotency key), survives a
// reload, and is stored exactly once when the connection returns. "Down" is emulated by failing every server-action
// request at the network level, so the page itself can still be reloaded.

async function signUp(page: Page, next: string): Promise<string> {
  const email = `${unique('offline')}@example.com`;
  await page.goto(`/signup?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Name').fill('Offline Learner');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('answers survive the train tunnel');
  await submit(page, 'Create account');
  await expect(page.getByTestId('user-menu')).toBeVisible();
  return (e2eDb().prepare('SELECT id FROM User WHERE email = ?').get(email) as { id: string }).id;
}

const cutActions = (page: Page) =>
  page.route('**/*', (route) =>
    route.request().method() === 'POST' && route.request().headers()['next-action']
      ? route.abort('internetdisconnected')
      : route.continue(),
  );

test('answers made offline are kept on the device, survive a reload, and are stored once when back online', async ({ page }) => {
  const userId = await signUp(page, '/chapters/introduction');
  await expect(page).toHaveURL(/\/chapters\/introduction$/);
  await cutActions(page);

  // A quiz answer: saved on this device.
  const quiz = page.locator('form[data-quiz-id]').first();
  const quizId = (await quiz.getAttribute('data-quiz-id'))!;
  await quiz.scrollIntoViewIfNeeded();
  await quiz.locator('fieldset').first().locator('input').first().check();
  await quiz.getByRole('radio', { name: 'Sure', exact: true }).check();
  await quiz.getByRole('button', { name: 'Check' }).click();
  await expect(quiz.getByRole('status')).toHaveText(/Saved on this device/);
  await expect(quiz).toHaveAttribute('data-state', 'queued');

  // A drill answer: saved on this device too, and the learner can go on.
  await page.goto('/practice?family=coinrun-coin');
  const drill = page.locator('section[data-phase]');
  const scenarioId = (await drill.getAttribute('data-scenario-id'))!;
  await drill.getByRole('heading', { level: 2 }).first().focus();
  for (const k of '21121') await page.keyboard.press(k);
  await page.keyboard.press('Enter');
  await expect(drill.getByTestId('drill-queued')).toContainText('Saved on this device');
  await expect(page.getByTestId('outbox-status')).toHaveText(/2 answers are saved on this device/);

  // A reload while still offline: the two answers are still waiting, and nothing reached the server.
  await page.reload();
  await expect(page.getByTestId('outbox-status')).toHaveText(/2 answers are saved on this device/);
  expect(countRows('Attempt', 'userId = ?', userId)).toBe(0);

  // Back online: both are sent, once.
  await page.unroute('**/*');
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.getByTestId('outbox-status')).toHaveCount(0);
  await expect.poll(() => countRows('Attempt', 'userId = ?', userId)).toBe(2);
  expect(countRows('Attempt', 'userId = ? AND itemId = ?', userId, quizId)).toBe(1);
  expect(countRows('Attempt', 'userId = ? AND itemId = ?', userId, scenarioId)).toBe(1);

  // Another page load sends nothing again.
  await page.reload();
  await expect(page.getByTestId('outbox-status')).toHaveCount(0);
  await page.waitForTimeout(500);
  expect(countRows('Attempt', 'userId = ?', userId)).toBe(2);
});
