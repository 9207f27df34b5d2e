import { expect, test } from '@playwright/test';
import { e2eDb, submit, unique, uniqueIp } from './support';

// A learner finds their own way to teaching in the app (no command to run), and a new account returns to the page
// it came from, with a short welcome and the next step.

const roleOf = (email: string) => (e2eDb().prepare('SELECT role FROM User WHERE email = ?').get(email) as { role: string }).role;

test('sign-up from a chapter returns to that question, greets the learner once, and says what to do next', async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
  const page = await context.newPage();
  await page.goto('/chapters/introduction');
  await page.waitForLoadState('networkidle');
  const quiz = page.locator('form[data-quiz-id]').first();
  const quizId = await quiz.getAttribute('data-quiz-id');
  await quiz.getByRole('link', { name: 'Create an account' }).click();
  await expect(page).toHaveURL(/\/signup\?next=/);

  await page.getByLabel('Name').fill('Wren Welcome');
  await page.getByLabel('Email').fill(`${unique('welcome')}@example.com`);
  await page.getByLabel('Password').fill('welcome back to the chapter');
  await submit(page, 'Create account');

  await expect(page).toHaveURL(new RegExp(`/chapters/introduction#quiz-${quizId}$`));
  const banner = page.getByTestId('welcome-banner');
  await expect(banner).toContainText(
    'Welcome, Wren Welcome. Your answers are now saved to your account. Next: carry on with this chapter.',
  );
  await banner.getByRole('button', { name: /Dismiss/ }).click();
  await expect(banner).toBeHidden();
  // Once only.
  await page.reload();
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await expect(page.getByTestId('welcome-banner')).toBeHidden();
  await context.close();
});

test('sign-up reached from another page without a `next` goes back to it; another site as Referer is ignored', async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
  const page = await context.newPage();
  // A plain link with no `next`: the page that linked is where sign-up returns.
  await page.goto('/practice');
  await page.goto('/signup', { referer: new URL('/practice', page.url()).toString() });
  await expect(page.locator('input[name="next"]')).toHaveValue('/practice');
  await page.goto('/signup', { referer: 'https://evil.example/practice' });
  await expect(page.locator('input[name="next"]')).toHaveValue('');
  await context.close();
});

test('a learner becomes an instructor from /teach after confirming, stays signed in, and can create a class', async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
  const page = await context.newPage();
  const email = `${unique('teach')}@example.com`;
  await page.goto('/signup?next=/account');
  await page.getByLabel('Name').fill('Tess Teacher');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('i would like to teach');
  await submit(page, 'Create account');
  await expect(page).toHaveURL(/\/account$/);

  // On the account page the way in is there, folded behind a button.
  await expect(page.getByRole('heading', { name: 'Teach this course' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Become an instructor…' })).toBeVisible();

  await page.goto('/teach');
  await expect(page.getByText(/npm run/)).toHaveCount(0);
  const form = page.getByRole('form', { name: 'Become an instructor' });
  await form.getByRole('button', { name: 'Become an instructor' }).click();
  await expect(form.getByRole('alert')).toHaveText('Tick the box to confirm that you want to run classes.');
  expect(roleOf(email.toLowerCase())).toBe('learner');

  await form.getByLabel('I want to run classes with this account.').check();
  await submit(page, 'Become an instructor');
  await expect(page).toHaveURL(/\/teach\?welcome=instructor$/);
  await expect(page.getByRole('status').filter({ hasText: 'You are now an instructor.' })).toBeVisible();
  expect(roleOf(email.toLowerCase())).toBe('instructor');
  // Still signed in, and the instructor's tools work at once.
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await page.getByLabel('Class name').fill('Reading group');
  await submit(page, 'Create class');
  await expect(page.getByText('Reading group').first()).toBeVisible();

  await page.goto('/account');
  await expect(page.getByText('You are an instructor')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Become an instructor…' })).toHaveCount(0);
  await context.close();
});
