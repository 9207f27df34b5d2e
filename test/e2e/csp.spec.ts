import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { brotliDecompressSync } from 'node:zlib';
import { htmlFileOf } from '../../lib/http/static-pages';
import { expect, test, type Page } from '@playwright/test';

// The Content-Security-Policy: the reading pages are prerendered and their policy lists the hash of each inline
// script; every other page names a fresh nonce that its inline scripts carry. Injected scripts are blocked on both
// kinds, and the pages still work under their policy (hydration, a quiz, a widget's Web Worker) without a single
// violation.

async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Content-Security-Policy/i.test(msg.text())) violations.push(msg.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`,
      );
    });
  });
  return violations;
}

function nonceOf(policy: string): string {
  const m = /script-src[^;]*'nonce-([^']+)'/.exec(policy);
  expect(m, `script-src names a nonce in: ${policy}`).not.toBeNull();
  return m![1]!;
}

/** A GET whose body comes back as sent (fetch would unpack it). */
function rawGet(url: URL, headers: Record<string, string>): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

/** The inline scripts (their tag and text) and the script files of an HTML document. */
function scriptsOf(html: string): { inline: { tag: string; text: string }[]; files: string[] } {
  const inline: { tag: string; text: string }[] = [];
  const files: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\bsrc="([^"]*)"/.exec(m[1] ?? '')?.[1];
    if (src !== undefined) files.push(src);
    else inline.push({ tag: `<script${m[1]}>`, text: m[2] ?? '' });
  }
  return { inline, files };
}

function expectStrictBasics(policy: string) {
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("base-uri 'self'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-eval'/);
  // Script files from this origin only: no host, scheme or wildcard source.
  const scriptSrc = /script-src ([^;]*)/.exec(policy)![1]!.split(' ');
  for (const source of scriptSrc) expect(source, policy).toMatch(/^'(self|nonce-[^']+|sha256-[^']+)'$/);
}

test.describe('content security policy', () => {
  test('the reading pages are prerendered and served as built, with a policy naming the hash of each of their inline scripts', async ({
    request,
    baseURL,
  }) => {
    // What `next build` lists as prerendered (static): the routes of its prerender manifest.
    const prerendered = Object.keys(
      (JSON.parse(fs.readFileSync('.next/prerender-manifest.json', 'utf8')) as { routes: Record<string, unknown> }).routes,
    );
    for (const path of ['/', '/chapters', '/chapters/introduction', '/chapters/scheming', '/glossary']) {
      const first = await request.get(path);
      const second = await request.get(path);
      expect(first.status(), path).toBe(200);
      // Static: `next build` prerendered it, and the stored page is what comes back, the same bytes both times.
      expect(prerendered, path).toContain(path);
      expect(first.headers()['x-goalpost-static'], path).toBe('prerendered');
      const html = await first.text();
      expect(html).toBe(fs.readFileSync(htmlFileOf(path), 'utf8'));
      expect(await second.text(), path).toBe(html);
      // A browser that has it asks again with its ETag and gets 304 without the page.
      const again = await request.get(path, { headers: { 'if-none-match': first.headers()['etag']! } });
      expect(again.status(), path).toBe(304);
      // Compressed for a browser that accepts it, and it unpacks to the same page.
      const gz = await fetch(new URL(path, baseURL), { headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers.get('content-encoding'), path).toBe('gzip');
      expect(await gz.text(), path).toBe(html);
      // A browser's Accept-Encoding gets brotli: the copy made at build time, byte for byte (not compressed per
      // request), with its own ETag so a cache never hands these bytes to a client that asked for gzip.
      const br = await rawGet(new URL(path, baseURL!), { 'accept-encoding': 'gzip, deflate, br, zstd' });
      expect(br.headers['content-encoding'], path).toBe('br');
      expect(br.body.equals(fs.readFileSync(`${htmlFileOf(path)}.br`)), path).toBe(true);
      expect(brotliDecompressSync(br.body).toString('utf8'), path).toBe(html);
      const plain = await rawGet(new URL(path, baseURL!), { 'accept-encoding': 'identity' });
      expect(plain.headers['content-encoding'], path).toBeUndefined();
      expect(plain.body.toString('utf8'), path).toBe(html);
      expect(new Set([plain.headers['etag'], gz.headers.get('etag'), br.headers['etag']]).size, path).toBe(3);
      expect(br.headers['content-security-policy'], path).toBe(first.headers()['content-security-policy']);
      const policy = first.headers()['content-security-policy'] ?? '';
      expect(second.headers()['content-security-policy']).toBe(policy);
      expectStrictBasics(policy);
      expect(policy, path).not.toContain("'nonce-");
      const { inline, files } = scriptsOf(html);
      expect(inline.length, path).toBeGreaterThan(1);
      for (const s of inline) expect(policy, `${path}: ${s.tag}${s.text.slice(0, 80)}`).toContain(`'${sha256(s.text)}'`);
      for (const src of files) expect(src, path).toMatch(/^\/(?!\/)/);
    }
  });

  test('every other page sends a nonce-based policy with a new nonce each time, and its inline scripts carry it', async ({ request }) => {
    for (const path of ['/practice', '/signin', '/review', '/no-such-page']) {
      const first = await request.get(path);
      const second = await request.get(path);
      const policy = first.headers()['content-security-policy'] ?? '';
      const nonce = nonceOf(policy);
      expect(nonceOf(second.headers()['content-security-policy'] ?? '')).not.toBe(nonce);
      expectStrictBasics(policy);
      const { inline, files } = scriptsOf(await first.text());
      expect(inline.length + files.length, path).toBeGreaterThan(2);
      // The 404 page for a path no route matches is the prerendered one: its scripts are allowed by their hashes.
      for (const s of inline) {
        if (!s.tag.includes(`nonce="${nonce}"`)) expect(policy, `${path}: ${s.tag}`).toContain(`'${sha256(s.text)}'`);
      }
      for (const src of files) expect(src, path).toMatch(/^\/(?!\/)/);
    }
  });

  for (const path of ['/chapters/introduction', '/practice']) {
    test(`markup that slipped into ${path} cannot run a script, inline or from another site`, async ({ page }) => {
      const violations = await watchViolations(page);
      // Play the attacker who got HTML into a page: the server's response (its real policy header kept) gains an
      // inline script (one with a guessed nonce) and a script file from another origin, as a stored-XSS bug would.
      await page.route(`**${path}`, async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace(
          '</main>',
          '<script>window.__injected = 1</script><script nonce="AAAAAAAAAAAAAAAAAAAAAA==">window.__injected = 2</script>' +
            '<script src="http://localhost:9/evil.js"></script></main>',
        );
        await route.fulfill({ response, body: html });
      });
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
      await expect.poll(() => violations.length).toBeGreaterThanOrEqual(3);
    });
  }

  test('pages still work under the policy: theme, quiz, widget worker, no violation', async ({ page }) => {
    const violations = await watchViolations(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/chapters/multi-objective-generalization');
    // The theme script (a file from this origin) re-applies a saved choice before paint.
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
