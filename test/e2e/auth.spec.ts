import { expect, test } from '@playwright/test';
import { countRows, submit, unique } from './support';

test.describe('accounts', () => {
  test('sign up, sign out, sign in again', async ({ page }) => {
    const email = `${unique('ada')}@example.com`;
    await page.goto('/signup');
    await page.getByLabel('Name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('a long passphrase ✓');
    await submit(page, 'Create account');
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByTestId('account-email')).toHaveText(email);
    expect(countRows('User', 'email = ?', email)).toBe(1);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.goto('/account');
    await expect(page).toHaveURL(/\/signin\?next=%2Faccount/);

    await page.getByLabel('Email').fill(email.toUpperCase());
    await page.getByLabel('Password').fill('a long passphrase ✓');
    await submit(page, 'Sign in');
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByTestId('account-name')).toHaveText('Ada Lovelace');
  });

  test('the demo learner can sign in; a wrong password is refused with the same message as an unknown email', async ({ page }) => {
    await page.goto('/signin');
    await page.getByLabel('Email').fill('learner@goalpost.example');
    await page.getByLabel('Password').fill('not-the-password');
    await submit(page, 'Sign in');
    const alert = page.locator('.alert--error');
    await expect(alert).toContainText('do not match an account');
    const wrongPasswordMessage = await alert.textContent();

    await page.getByLabel('Email').fill(`${unique('nobody')}@example.com`);
    await page.getByLabel('Password').fill('not-the-password');
    await submit(page, 'Sign in');
    await expect(page.locator('.alert--error')).toHaveText(wrongPasswordMessage!);

    await page.getByLabel('Email').fill('learner@goalpost.example');
    await page.getByLabel('Password').fill('goalpost-learner');
    await submit(page, 'Sign in');
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByTestId('user-menu')).toContainText('Demo Learner');
  });

  test('a protected page sends a signed-out visitor to sign in and back', async ({ page }) => {
    await page.goto('/account');
    await expect(page).toHaveURL(/\/signin\?next=%2Faccount/);
    await page.getByLabel('Email').fill('instructor@goalpost.example');
    await page.getByLabel('Password').fill('goalpost-instructor');
    await submit(page, 'Sign in');
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByText('Instructor', { exact: true })).toBeVisible();
  });

  test('bad sign-ups show a clear message on the form and write nothing', async ({ page }) => {
    const before = countRows('User');
    await page.goto('/signup');
    await page.getByLabel('Name').fill('Short');
    await page.getByLabel('Email').fill(`${unique('short')}@example.com`);
    await page.getByLabel('Password').fill('1234567');
    await submit(page, 'Create account');
    await expect(page.getByText('Use at least 8 characters.')).toBeVisible();
    await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');

    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password').fill('long enough password');
    await submit(page, 'Create account');
    await expect(page.getByText('Enter an email address like name@example.com.')).toBeVisible();

    await page.getByLabel('Email').fill('learner@goalpost.example');
    await page.getByLabel('Password').fill('long enough password');
    await submit(page, 'Create account');
    // A registered email with another password: a neutral message that does not confirm the email is registered.
    await expect(page.locator('.alert--error')).toHaveText(
      'We could not create an account with these details. If you already have an account, sign in instead.',
    );
    expect(countRows('User')).toBe(before);
  });

  test('unknown pages get a helpful 404', async ({ page }) => {
    const res = await page.goto('/chapters/no-such-chapter-here');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'We could not find that page' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'The chapter list' })).toBeVisible();
  });

  test('the theme toggle persists across reloads', async ({ page }) => {
    await page.goto('/');
    const toggle = page.getByRole('button', { name: /theme/i });
    await toggle.click(); // system -> light
    await toggle.click(); // light -> dark
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('button', { name: /^Dark theme/ })).toBeVisible();
  });
});
