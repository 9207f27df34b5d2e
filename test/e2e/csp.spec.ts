import { expect, test, type Page } from '@playwright/test';

// The Content-Security-Policy: every HTML page names a fresh script nonce, every script carries it, and the pages
// still work under it (hydration, a quiz, a widget's Web Worker) without a single policy violation.

async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Content-Security-Policy/i.test(msg.text())) violations.push(msg.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return violations;
}

function nonceOf(policy: string): string {
  const m = /script-src[^;]*'nonce-([^']+)'/.exec(policy);
  expect(m, `script-src names a nonce in: ${policy}`).not.toBeNull();
  return m![1]!;
}

test.describe('content security policy', () => {
  test('every page sends a nonce-based policy and a new nonce each time', async ({ request }) => {
    for (const path of ['/', '/chapters/introduction', '/practice', '/signin', '/no-such-page']) {
      const first = await request.get(path);
      const second = await request.get(path);
      const policy = first.headers()['content-security-policy'] ?? '';
      const nonce = nonceOf(policy);
      expect(nonceOf(second.headers()['content-security-policy'] ?? '')).not.toBe(nonce);
      expect(policy).toContain("'strict-dynamic'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-eval'/);
      // Every script in the HTML carries this response's nonce (Next's own and the theme script).
      const html = await first.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(2);
      for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);
    }
  });

  test('markup that slipped into a page cannot run a script without the nonce', async ({ page }) => {
    const violations = await watchViolations(page);
    // Play the attacker who got HTML into a page: the server's response (its real policy header kept) gains an
    // inline script and an external one, as a stored-XSS bug would add them.
    await page.route('**/chapters/introduction', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        '</main>',
        '<script>window.__injected = true</script><script src="/theme-init.js?evil"></script></main>',
      );
      await route.fulfill({ response, body: html });
    });
    await page.goto('/chapters/introduction');
    await expect(page.getByRole('heading', { level: 1, name: 'Introduction' })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
  });

  test('pages still work under the policy: theme, quiz, widget worker, no violation', async ({ page }) => {
    const violations = await watchViolations(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/chapters/multi-objective-generalization');
    // The theme script (external, carrying the nonce) re-applies a saved choice before paint.
    await page.getByRole('button', { name: /^System theme/ }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    // Hydrated: a quiz answers.
    const quiz = page.locator('form[data-quiz-id]').first();
    await quiz.scrollIntoViewIfNeeded();
    await quiz.getByRole('radio').first().check();
    await quiz.getByRole('radio', { name: 'Sure', exact: true }).check();
    await quiz.getByRole('button', { name: 'Check' }).click();
    await expect(quiz.getByRole('status')).toHaveText(/Correct|Not quite/);
    // A widget's chunk loads lazily and trains in its Web Worker.
    await page.getByRole('button', { name: 'Train the agent yourself' }).click();
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: /Trained: it took the coin/ })).toBeVisible({ timeout: 30_000 });
    expect(violations).toEqual([]);
  });
});
