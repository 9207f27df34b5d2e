import { expect, request, test } from '@playwright/test';
import fs from 'node:fs';
import { analyzeChapter } from '../../lib/content/analyze';
import { BASE_URL, signUp } from './actions';

// A signed-in learner who comes back to a chapter sees what they answered last time, as a guest does. The chapter
// page is static, so the quizzes ask /api/quiz-attempts for it; that route gives each learner only their own rows.

const file = 'content/chapters/00-introduction/index.mdx';
const quiz = analyzeChapter(fs.readFileSync(file, 'utf8'), 'introduction', file).quizzes[0]!;
const wrong = quiz.choices.findIndex((c) => !c.correct);

test('a signed-in learner coming back to a chapter sees their last answer; the route gives each learner only their own', async ({
  browser,
}) => {
  const ada = await signUp('learner', 'Ada Again');
  const bo = await signUp('learner', 'Bo Other');
  const context = await browser.newContext();
  await context.addCookies((await ada.api.storageState()).cookies);
  const page = await context.newPage();

  await page.goto('/chapters/introduction');
  const form = page.locator(`form[data-quiz-id="${quiz.id}"]`);
  await form.scrollIntoViewIfNeeded();
  await form.locator('fieldset').first().locator('input').nth(wrong).check();
  await form.getByRole('radio', { name: 'Sure', exact: true }).check();
  await form.getByRole('button', { name: 'Check' }).click();
  await expect(form.getByRole('status')).toHaveText(/^Not quite — /);

  // Back later (a fresh load of the static page): the quiz shows the earlier try and what was chosen.
  await page.reload();
  await expect(form.getByTestId('quiz-last-time')).toHaveText(new RegExp(`last time you chose ${wrong + 1}: not quite`));
  await expect(form).toContainText('1 try so far');

  // The route: the caller's own rows only, whatever the query says; no answer key or explanation in it.
  const own = await ada.api.get('/api/quiz-attempts?chapter=introduction');
  expect(own.status()).toBe(200);
  expect(own.headers()['cache-control']).toContain('no-store');
  const body = (await own.json()) as { quizzes: Record<string, unknown>[] };
  expect(body.quizzes).toHaveLength(1);
  expect(body.quizzes[0]).toMatchObject({ quizId: quiz.id, tries: 1, selected: [wrong], correct: false });
  expect(Object.keys(body.quizzes[0]!).sort()).toEqual(['at', 'correct', 'quizId', 'selected', 'tries']);
  for (const c of quiz.choices) if (c.explain) expect(JSON.stringify(body)).not.toContain(c.explain.slice(0, 40));

  for (const url of ['/api/quiz-attempts?chapter=introduction', `/api/quiz-attempts?chapter=introduction&userId=${ada.id}`]) {
    const other = await bo.api.get(url);
    expect(other.status(), url).toBe(200);
    expect((await other.json()).quizzes, url).toEqual([]);
  }

  const guest = await request.newContext({ baseURL: BASE_URL });
  const anonymous = await guest.get('/api/quiz-attempts?chapter=introduction');
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error).toMatch(/Sign in/);
  await guest.dispose();

  const bad = await ada.api.get('/api/quiz-attempts?chapter=no-such-chapter');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatch(/no chapter/);
  expect((await ada.api.get('/api/quiz-attempts')).status()).toBe(400);

  await context.close();
  for (const p of [ada, bo]) await p.api.dispose();
});
