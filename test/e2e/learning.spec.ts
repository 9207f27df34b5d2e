import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import { analyzeChapter } from '../../lib/content/analyze';
import { countRows, e2eDb, submit, unique } from './support';

// The course text is the answer key: find a question by its prompt.
function correctChoices(chapterFolder: string, prompt: string): number[] {
  const file = `content/chapters/${chapterFolder}/index.mdx`;
  const quiz = analyzeChapter(fs.readFileSync(file, 'utf8'), chapterFolder.slice(3), file).quizzes.find((q) => q.prompt === prompt.trim());
  if (!quiz) throw new Error(`no quiz with prompt ${prompt}`);
  return quiz.choices.flatMap((c, i) => (c.correct ? [i] : []));
}

async function answerQuizzes(page: Page, n: number, answerKeyFrom?: string, confidence: 'Sure' | 'Unsure' = 'Sure') {
  const quizzes = page.locator('form[data-quiz-id]');
  for (let i = 0; i < n; i++) {
    const quiz = quizzes.nth(i);
    await quiz.scrollIntoViewIfNeeded();
    const options = quiz.locator('fieldset').first().locator('input');
    // With an answer key, answer right (so every card is on the same schedule); otherwise take the first option,
    // whether the question takes one answer (radio) or several (checkbox).
    const picks = answerKeyFrom ? correctChoices(answerKeyFrom, (await quiz.locator('[id$="-prompt"]').textContent())!) : [0];
    for (const p of picks) await options.nth(p).check();
    await quiz.getByRole('radio', { name: confidence, exact: true }).check();
    await quiz.getByRole('button', { name: 'Check' }).click();
    await expect(quiz.getByRole('status')).toHaveText(answerKeyFrom ? /Correct/ : /Correct|Not quite/);
  }
}

async function signUp(page: Page, next: string) {
  const email = `${unique('loop')}@example.com`;
  await page.goto(`/signup?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Name').fill('Loop Learner');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('spaced repetition works');
  await submit(page, 'Create account');
  await expect(page.getByTestId('user-menu')).toBeVisible();
  return email;
}

const userIdOf = (email: string) => (e2eDb().prepare('SELECT id FROM User WHERE email = ?').get(email) as { id: string }).id;

test.describe('the learning loop', () => {
  test('answers become review cards; a day later they are due, a review is recorded and the forecast changes', async ({ page }) => {
    const email = await signUp(page, '/chapters/scheming');
    // Right but unsure (Hard): each card stays in short-term learning, due again within minutes, so a day later
    // all three are due and a confident right review moves one out of today.
    await answerQuizzes(page, 3, '04-scheming', 'Unsure');
    const userId = userIdOf(email);
    await expect.poll(() => countRows('ReviewCard', 'userId = ?', userId)).toBe(3);

    await page.goto('/review');
    // Nothing is due yet: the first answers were just given.
    // The dashboard's wording (lib/learning/due.ts); a card due within minutes is counted down to.
    await expect(page.getByRole('heading', { name: /^Nothing due (now|today)/ })).toBeVisible();
    await expect(page.getByTestId('next-card')).toContainText(/Next card in \d+:\d\d|Your next card is due/);

    // Move the server clock forward a day (test-only clock; no waiting).
    const res = await page.request.post('/api/test/clock', { data: { offsetMs: 24 * 3600 * 1000 } });
    expect(res.ok()).toBe(true);

    await page.goto('/dashboard');
    await expect(page.getByTestId('due-now')).toHaveText('3');
    await expect(page.getByTestId('due-text')).toContainText(/^3 due now/);

    await page.goto('/review');
    // The same count, in the same words, as the dashboard.
    await expect(page.getByTestId('due-text')).toContainText(/^3 due now/);
    const card = page.getByTestId('review-card');
    const prompt = (await card.getByRole('heading', { level: 2 }).textContent())!;
    // Answer it right and sure, by keyboard: it graduates out of today, so the forecast must change.
    for (const i of correctChoices('04-scheming', prompt)) await page.keyboard.press(String(i + 1));
    await card.getByRole('radio', { name: 'Sure', exact: true }).check();
    await card.getByRole('button', { name: /Check/ }).click();
    await expect(card.getByRole('status')).toContainText(/Correct\. Rated (Good|Easy)/);
    await expect.poll(() => countRows('ReviewLog', "userId = ? AND idempotencyKey NOT LIKE 'first-%'", userId)).toBe(1);
    await page.keyboard.press('Space');
    await expect(page.getByTestId('due-text')).toContainText(/^2 due now/);

    await page.goto('/dashboard');
    await expect(page.getByTestId('due-now')).toHaveText('2');
    await expect(page.getByRole('img', { name: /Reviews due each day/ })).toBeVisible();
  });

  test("a guest's progress survives sign-up", async ({ page }) => {
    await page.goto('/chapters/detection');
    await answerQuizzes(page, 2);
    // As a guest, the dashboard already shows the progress kept in this browser.
    await page.goto('/dashboard');
    await expect(page.getByText(/2 of \d+ answered/)).toBeVisible();
    await signUp(page, '/dashboard');
    const region = page.getByRole('region', { name: 'Progress from before you signed in' });
    await expect(region).toContainText('2 answers');
    await region.getByRole('button', { name: 'Bring it along' }).click();
    await expect(region.getByRole('status')).toContainText('2 answers');
    const email = await page.getByTestId('user-menu').textContent();
    expect(email).toContain('Loop Learner');
    const stored = await page.evaluate(() => localStorage.getItem('goalpost-guest-v1'));
    expect(stored).toBeNull();
    await page.reload();
    await expect(page.getByText(/2 of \d+ answered/)).toBeVisible();
  });

  test('settings validate their range, and exports download', async ({ page }) => {
    await signUp(page, '/account');
    await page.getByLabel('Desired retention').fill('0.5');
    await page.getByRole('button', { name: 'Save review settings' }).click();
    await expect(page.getByText('Desired retention must be between 0.7 and 0.97.')).toBeVisible();
    await page.getByLabel('Desired retention').fill('0.85');
    await page.getByRole('button', { name: 'Save review settings' }).click();
    await expect(page.getByText(/Saved/)).toBeVisible();
    const csv = await page.request.get('/api/account/review-log');
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split('\r\n')[0]).toBe('card_id,review_time,review_rating,review_state,review_duration');
    const json = await page.request.get('/api/account/export');
    const data = (await json.json()) as { user: { email: string; passwordHash?: string } };
    expect(data.user.passwordHash).toBeUndefined();
  });

  test('deleting the account asks for confirmation, removes every row and ends the session', async ({ page }) => {
    const email = await signUp(page, '/chapters/introduction');
    await answerQuizzes(page, 1);
    const userId = userIdOf(email);
    await expect.poll(() => countRows('Attempt', 'userId = ?', userId)).toBe(1);
    await page.goto('/account');
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    await page.getByLabel(/Type .* to confirm/).fill('someone-else@example.com');
    await page.getByRole('button', { name: 'Delete everything' }).click();
    await expect(page.getByText('That is not your email address, so nothing was deleted.')).toBeVisible();
    expect(countRows('User', 'id = ?', userId)).toBe(1);
    await page.getByLabel(/Type .* to confirm/).fill(email);
    await page.getByRole('button', { name: 'Delete everything' }).click();
    await expect(page).toHaveURL(/\/\?deleted=1$/);
    expect(countRows('User', 'id = ?', userId)).toBe(0);
    expect(countRows('Attempt', 'userId = ?', userId)).toBe(0);
    expect(countRows('ReviewCard', 'userId = ?', userId)).toBe(0);
    await page.goto('/account');
    await expect(page).toHaveURL(/\/signin/);
  });
});
