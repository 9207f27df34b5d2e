import { expect, test, type Page } from '@playwright/test';
import { loadScenarioBank } from '../../lib/content/scenarios';
import { misreadTrainingKeys, submit, unique } from './support';

/** Presses Tab until the focused element matches `selector` (as a real keyboard user would), failing after `max`. */
async function tabTo(page: Page, selector: string, max = 400): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('keyboard alone: sign in, answer a quiz, classify a scenario, do a review', async ({ page }) => {
  test.setTimeout(120_000);
  // Sign in.
  await page.goto('/signin');
  await page.waitForLoadState('networkidle');
  await tabTo(page, 'input[name="email"]');
  await page.keyboard.type('learner@goalpost.example');
  await page.keyboard.press('Tab');
  await page.keyboard.type('goalpost-learner');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/account$/);

  // A quiz in a chapter: reach it with Tab, pick with a number key, choose a confidence, Enter to check.
  await page.goto('/chapters/goal-directedness');
  await page.waitForLoadState('networkidle');
  await tabTo(page, 'form[data-quiz-id] input[type="radio"], form[data-quiz-id] input[type="checkbox"]');
  await page.keyboard.press('2');
  await tabTo(page, 'form[data-quiz-id] input[value="sure"]', 10);
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  const quiz = page.locator('form[data-quiz-id]').first();
  await expect(quiz.getByRole('status')).toHaveText(/Correct|Not quite/);

  // The drill: Tab into it, five keys answer the three questions, the label and the confidence; Enter checks.
  await page.goto('/practice?chapter=goal-directedness');
  await page.waitForLoadState('networkidle');
  const drill = page.locator('section[data-phase]');
  await tabTo(page, 'section[data-phase] input[type="radio"]');
  // Misread the training question on purpose: the answer counts as wrong, so its card is due again within the week.
  const shownId = await drill.getAttribute('data-scenario-id');
  const shown = loadScenarioBank().scenarios.find((s) => s.id === shownId)!;
  for (const k of misreadTrainingKeys(shown)) await page.keyboard.press(k);
  await page.keyboard.press('Enter');
  await expect(drill.getByRole('heading', { level: 3, name: /Right|Defensible|Not quite/ })).toBeFocused();

  // A review: move the clock a week so the answers are due; the card takes focus, keys answer, Space continues.
  await page.request.post('/api/test/clock', { data: { offsetMs: 7 * 24 * 3600 * 1000 } });
  await page.goto('/review');
  await page.waitForLoadState('networkidle');
  const card = page.getByTestId('review-card');
  await expect(card.getByRole('heading', { level: 2 })).toBeFocused();
  await page.keyboard.press('1');
  await tabTo(page, '[data-testid="review-card"] input[name="review-confidence"]', 20);
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(card.getByRole('status')).toContainText(/comes back/);
  await page.keyboard.press('Space');
  await expect(page.getByText(/cards? left|Done for now/).first()).toBeVisible();
});

test('a review card, keyboard only, with the keys the card itself names: a number, S or U, Enter, Space', async ({ page }) => {
  test.setTimeout(90_000);
  // A fresh learner with one answered question, due a week later.
  await page.goto('/signup?next=/chapters/goal-directedness');
  await page.getByLabel('Name').fill('Keys Only');
  await page.getByLabel('Email').fill(`${unique('keys')}@example.com`);
  await page.getByLabel('Password').fill('keyboard review works');
  await submit(page, 'Create account');
  await expect(page).toHaveURL(/\/chapters\/goal-directedness/);
  const quiz = page.locator('form[data-quiz-id]').first();
  await quiz.locator('input[type="radio"], input[type="checkbox"]').first().check();
  await quiz.getByRole('radio', { name: 'Unsure', exact: true }).check();
  await quiz.getByRole('button', { name: 'Check' }).click();
  await expect(quiz.getByRole('status')).toHaveText(/Correct|Not quite/);
  await page.request.post('/api/test/clock', { data: { offsetMs: 7 * 24 * 3600 * 1000 } });

  await page.goto('/review');
  await page.waitForLoadState('networkidle');
  const card = page.getByTestId('review-card');
  await expect(card.getByRole('heading', { level: 2 })).toBeFocused();
  // The hint on screen says how to do all of it, confidence included.
  const hint = card.getByTestId('review-keys');
  await expect(hint).toContainText(/1\s*–\s*\d+\s*choose/);
  await expect(hint).toContainText(/S\s*sure or\s*U\s*unsure/);
  await expect(hint).toContainText(/Enter\s*check/);
  await expect(hint).toContainText(/Space\s*or\s*Enter\s*for the next card/);

  // No Tab, no mouse: the keys the hint names, pressed where focus already is.
  await page.keyboard.press('1');
  await expect(card.locator('input[name="review-answer"]').first()).toBeChecked();
  await page.keyboard.press('u');
  await expect(card.getByRole('radio', { name: 'Unsure', exact: true })).toBeChecked();
  await page.keyboard.press('s');
  await expect(card.getByRole('radio', { name: 'Sure', exact: true })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(card.getByRole('status')).toContainText(/Rated (Again|Hard|Good|Easy): this card comes back/);
  await expect(card.getByRole('button', { name: /Continue/ })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByText(/Done for now: 1 reviewed/)).toBeVisible();
});
