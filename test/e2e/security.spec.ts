import { expect, test } from '@playwright/test';
import { submit, unique } from './support';

test.describe('security basics', () => {
  test('a request carrying x-middleware-subrequest gains nothing', async ({ request }) => {
    const headers = { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' };
    const progress = await request.get('/api/progress', { headers });
    expect(progress.status()).toBe(401);
    const exported = await request.get('/api/account/export', { headers });
    expect(exported.status()).toBe(401);
    const account = await request.get('/account', { headers, maxRedirects: 0 });
    expect([303, 307, 308]).toContain(account.status());
    expect(account.headers()['location']).toContain('/signin');
  });

  test('names containing markup are shown as text, never run', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const name = `<script>alert(1)</script><img src=x onerror=alert(2)> ${unique('x')}`;
    await page.goto('/signup');
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Email').fill(`${unique('xss')}@example.com`);
    await page.getByLabel('Password').fill('markup is text here');
    await submit(page, 'Create account');
    await expect(page.getByTestId('account-name')).toHaveText(name);
    await expect(page.getByTestId('user-menu')).toContainText('<script>alert(1)</script>');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  test('security headers are sent', async ({ request }) => {
    const res = await request.get('/chapters/introduction');
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
    expect(res.headers()['x-frame-options']).toBe('DENY');
    expect(res.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers()['x-powered-by']).toBeUndefined();
  });

  test('bad input to route handlers gets a 4xx with a message, never a 5xx', async ({ request }) => {
    for (const data of [
      'not json',
      '{"cards": "nope"}',
      JSON.stringify({ cards: Array.from({ length: 201 }, (_, i) => ({ id: `${i}`, itemKind: 'quiz', itemId: 'x', reps: 0 })) }),
    ]) {
      const res = await request.post('/api/review-items', { data, headers: { 'content-type': 'application/json' } });
      expect(res.status()).toBe(400);
      expect(((await res.json()) as { error: string }).error.length).toBeGreaterThan(5);
    }
    const markdown = await request.get('/chapters/no-such-chapter/markdown');
    expect(markdown.status()).toBe(404);
  });
});
