import { expect, test, type Page } from '@playwright/test';
import { countRows, e2eDb, submit, unique } from './support';

async function answerFirstQuiz(page: Page, choiceIndex: number) {
  const quiz = page.locator('form[data-quiz-id]').first();
  await quiz.scrollIntoViewIfNeeded();
  await quiz.getByRole('radio').nth(choiceIndex).focus();
  await page.keyboard.press(String(choiceIndex + 1));
  await quiz.getByRole('radio', { name: 'Sure', exact: true }).check();
  await quiz.getByRole('button', { name: 'Check' }).click();
  await expect(quiz.getByRole('status')).toHaveText(/Correct|Not quite/);
  return quiz;
}

test.describe('reading a chapter', () => {
  test('the chapter reads well: title, objectives, anchors, citations, glossary, bibliography, prev/next', async ({ page }) => {
    await page.goto('/chapters/introduction');
    await expect(page.getByRole('heading', { level: 1, name: 'Introduction' })).toBeVisible();
    await expect(page.getByText(/min read/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'After this chapter you will be able to' })).toBeVisible();

    // Heading anchors and the on-page table of contents.
    const toc = page.getByRole('navigation', { name: 'On this page' });
    const firstSection = toc.getByRole('link').first();
    const target = (await firstSection.getAttribute('href'))!;
    await firstSection.click();
    await expect(page).toHaveURL(new RegExp(`${target}$`));
    await expect(toc.locator('a[aria-current="location"]')).toHaveCount(1);

    // A citation opens its card on focus and links to the bibliography entry.
    const cite = page.locator('a[href^="#ref-"]').first();
    await cite.focus();
    await expect(page.locator('[role="note"]:visible').first()).toContainText(/\d{4}/);
    const refId = (await cite.getAttribute('href'))!.slice(1);
    await expect(page.locator(`li#${refId}`)).toBeAttached();
    await page.keyboard.press('Escape');
    await expect(page.locator('[role="note"]:visible')).toHaveCount(0);

    // A glossary term shows its definition and links to the glossary.
    const term = page.locator('a[href^="/glossary#"]').first();
    await term.hover();
    await expect(page.locator('[role="note"]:visible')).toContainText('Open in the glossary');

    await page.getByRole('link', { name: /Next → Learning dynamics/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Learning dynamics' })).toBeVisible();
  });

  test('Download as Markdown gives the chapter as a file', async ({ page, request }) => {
    const res = await request.get('/chapters/introduction/markdown');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('text/markdown');
    const text = await res.text();
    expect(text).toMatch(/^# Introduction/m);
    expect(text).not.toMatch(/<Cite|<Quiz/);
    await page.goto('/chapters/introduction');
    await expect(page.getByRole('link', { name: 'Download as Markdown' })).toHaveAttribute('href', '/chapters/introduction/markdown');
  });

  test('a guest answers a quiz by keyboard and the answer survives a reload', async ({ page }) => {
    await page.goto('/chapters/introduction');
    const quiz = await answerFirstQuiz(page, 1);
    await expect(quiz.getByText(/Correct answer/)).toBeVisible();
    await page.reload();
    await expect(page.locator('form[data-quiz-id]').first()).toContainText('1 try so far');
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('goalpost-guest-v1') ?? '{}'));
    expect(stored.attempts).toHaveLength(1);
  });

  test('a signed-in learner answers a quiz, the attempt is stored once, and the chapter can be marked complete', async ({ page }) => {
    const email = `${unique('reader')}@example.com`;
    await page.goto('/signup?next=/chapters/learning-dynamics');
    await page.getByLabel('Name').fill('Reader');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('reading is fun 123');
    await submit(page, 'Create account');
    await expect(page).toHaveURL(/\/chapters\/learning-dynamics$/);
    await expect(page.getByTestId('user-menu')).toBeVisible();

    const quiz = await answerFirstQuiz(page, 0);
    const quizId = await quiz.getAttribute('data-quiz-id');
    const userId = (e2eDb().prepare('SELECT id FROM User WHERE email = ?').get(email) as { id: string }).id;
    await expect.poll(() => countRows('Attempt', 'userId = ? AND itemId = ?', userId, quizId)).toBe(1);
    expect(countRows('Attempt', 'userId = ? AND firstAttempt = 1', userId)).toBe(1);

    await page.getByRole('button', { name: 'Mark chapter complete' }).click();
    await expect(page.getByRole('button', { name: '✓ Completed' })).toBeVisible();
    await page.reload();
    const side = page.getByRole('navigation', { name: 'Chapters' });
    await expect(side).toContainText('1 of 7 done');
    await expect(side.getByRole('link', { name: /Learning dynamics/ })).toContainText('Chapter finished');
  });

  test('the glossary lists every term with its chapter', async ({ page }) => {
    await page.goto('/glossary');
    await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible();
    const entry = page.locator('#proxy-goal');
    await expect(entry).toContainText('Proxy goal');
    await expect(entry.getByRole('link', { name: /Taught in/ })).toBeVisible();
  });

  test('the reading position is remembered and offered back on return', async ({ page }) => {
    await page.goto('/chapters/scheming');
    const toc = page.getByRole('navigation', { name: 'On this page' });
    const third = toc.getByRole('link').nth(2);
    const anchor = (await third.getAttribute('href'))!.slice(1);
    await page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: 'start' }), anchor);
    await expect
      .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('goalpost-guest-v1') ?? '{}').positions?.scheming), {
        timeout: 10_000,
      })
      .toBe(anchor);
    await page.goto('/chapters/scheming');
    const resume = page.getByRole('region', { name: 'Resume reading' });
    await expect(resume).toBeVisible();
    await resume.getByRole('link', { name: 'Jump back' }).click();
    await expect(page).toHaveURL(new RegExp(`#${anchor}$`));
  });
});
