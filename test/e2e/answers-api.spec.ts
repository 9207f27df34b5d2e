import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import { analyzeChapter } from '../../lib/content/analyze';
import { countRows, e2eDb, submit, unique } from './support';

// POST /api/answers: the quiz form's server action as a JSON endpoint (same validation, same exactly-once store).

const file = 'content/chapters/00-introduction/index.mdx';
const quiz = analyzeChapter(fs.readFileSync(file, 'utf8'), 'introduction', file).quizzes[0]!;
const rightChoices = quiz.choices.flatMap((c, i) => (c.correct ? [i] : []));

const key = () => unique('k').replace(/[^A-Za-z0-9_-]/g, '_');
const answer = (over: Record<string, unknown> = {}) => ({
  quizId: quiz.id,
  selected: rightChoices,
  confident: true,
  durationMs: 4000,
  idempotencyKey: key(),
  ...over,
});

async function signUp(page: Page): Promise<string> {
  const email = `${unique('api')}@example.com`;
  await page.goto('/signup?next=/dashboard');
  await page.getByLabel('Name').fill('API Learner');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('spaced repetition works');
  await submit(page, 'Create account');
  await expect(page.getByTestId('user-menu')).toBeVisible();
  return (e2eDb().prepare('SELECT id FROM User WHERE email = ?').get(email) as { id: string }).id;
}

test.describe('the answers API', () => {
  test('signed out: 401 and nothing stored', async ({ request }) => {
    const before = countRows('Attempt');
    const res = await request.post('/api/answers', { data: answer() });
    expect(res.status()).toBe(401);
    expect(await res.json()).toEqual({ error: 'Sign in to save answers.' });
    expect(countRows('Attempt')).toBe(before);
  });

  test('signed in: stores an answer exactly once, refuses bad input, foreign origins and huge bodies', async ({ page, baseURL }) => {
    const userId = await signUp(page);
    const api = page.request; // shares the page's session cookie
    const attempts = () => countRows('Attempt', 'userId = ?', userId);

    const body = answer();
    const first = await api.post('/api/answers', { data: body, headers: { Origin: baseURL! } });
    expect(first.status()).toBe(200);
    expect(await first.json()).toEqual({ correct: true, firstAttempt: true, duplicate: false });
    expect(attempts()).toBe(1);

    const again = await api.post('/api/answers', { data: body });
    expect(again.status()).toBe(200);
    expect(await again.json()).toEqual({ correct: true, firstAttempt: true, duplicate: true });
    expect(attempts()).toBe(1);

    // Validation failures: 400 with a message (and field errors where a field is at fault), nothing stored.
    const bad: [string, unknown, string?][] = [
      ['wrong types', { ...answer(), selected: 'zero', confident: 'yes' }, 'selected'],
      ['missing fields', { quizId: quiz.id }, 'idempotencyKey'],
      ['an index out of the schema range', answer({ selected: [42] }), 'selected.0'],
      ['an option the question does not have', answer({ selected: [quiz.choices.length] })],
      ['a malformed idempotency key', answer({ idempotencyKey: 'no spaces allowed!' }), 'idempotencyKey'],
      ['a negative duration', answer({ durationMs: -5 }), 'durationMs'],
      ['not an object', [1, 2, 3]],
    ];
    for (const [what, data, field] of bad) {
      const res = await api.post('/api/answers', { data: data as object });
      expect(res.status(), what).toBe(400);
      const json = await res.json();
      expect(typeof json.error, what).toBe('string');
      expect(json.error.length, what).toBeGreaterThan(0);
      if (field) expect(Object.keys(json.fieldErrors ?? {}), what).toContain(field);
    }

    const unknownQuiz = await api.post('/api/answers', { data: answer({ quizId: 'no-such-quiz' }) });
    expect(unknownQuiz.status()).toBe(404);
    expect((await unknownQuiz.json()).error).toMatch(/no longer exists/);

    const invalidJson = await api.post('/api/answers', { data: '{"quizId": ', headers: { 'Content-Type': 'application/json' } });
    expect(invalidJson.status()).toBe(400);
    const invalidText = await invalidJson.text();
    expect(JSON.parse(invalidText).error).toMatch(/JSON/);
    expect(invalidText).not.toMatch(/at .*\.js|SyntaxError/);

    const huge = await api.post('/api/answers', { data: { ...answer(), padding: 'x'.repeat(20_000) } });
    expect(huge.status()).toBe(413);
    expect((await huge.json()).error).toMatch(/too large/);

    const foreignKey = key();
    const foreign = await api.post('/api/answers', {
      data: answer({ idempotencyKey: foreignKey }),
      headers: { Origin: 'https://evil.example' },
    });
    expect(foreign.status()).toBe(403);
    expect((await foreign.json()).error).toMatch(/another website/);
    const nullOrigin = await api.post('/api/answers', { data: answer({ idempotencyKey: foreignKey }), headers: { Origin: 'null' } });
    expect(nullOrigin.status()).toBe(403);
    expect(countRows('Attempt', 'userId = ? AND idempotencyKey = ?', userId, foreignKey)).toBe(0);

    expect(attempts()).toBe(1);

    // A second, different answer is stored and is no longer the first attempt at that question.
    const second = await api.post('/api/answers', {
      data: answer({ selected: [rightChoices[0] === 0 ? 1 : 0], confident: false, durationMs: null }),
    });
    expect(second.status()).toBe(200);
    expect(await second.json()).toMatchObject({ firstAttempt: false, duplicate: false });
    expect(attempts()).toBe(2);
  });
});
