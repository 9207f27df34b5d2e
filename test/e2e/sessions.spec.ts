import { execFileSync } from 'node:child_process';
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { e2eDatabaseUrl, submit, unique, uniqueIp } from './support';

// A session must end when it should, even for someone holding a copy of its cookie: the copy is replayed against a
// protected page and protected routes after sign-out, a role change and a password change.

const PASSWORD = 'sessions end when they should';
const NEW_PASSWORD = 'a brand new passphrase ✓';

async function contextAt(browser: Browser, extra: Record<string, string> = {}): Promise<BrowserContext> {
  return browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': uniqueIp(), ...extra } });
}

async function signUp(page: Page): Promise<string> {
  const email = `${unique('session')}@example.com`;
  await page.goto('/signup');
  await page.getByLabel('Name').fill('Session Tester');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await submit(page, 'Create account');
  await expect(page).toHaveURL(/\/account$/);
  return email;
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await submit(page, 'Sign in');
}

/** The session cookie as a Cookie header value, copied out of a browser. */
async function sessionCookie(context: BrowserContext): Promise<string> {
  const c = (await context.cookies()).find((x) => x.name.endsWith('authjs.session-token'));
  expect(c, 'the browser holds a session cookie').toBeDefined();
  return `${c!.name}=${c!.value}`;
}

/** What a request carrying only this cookie gets from a protected page and two protected routes. */
async function replay(request: APIRequestContext, cookie: string) {
  const headers = { cookie };
  const exported = await request.get('/api/account/export', { headers });
  const progress = await request.get('/api/progress', { headers });
  const account = await request.get('/account', { headers, maxRedirects: 0 });
  const session = (await (await request.get('/api/auth/session', { headers })).json()) as { user?: { email?: string } } | null;
  return {
    export: exported.status(),
    progress: progress.status(),
    account:
      account.status() === 200
        ? 'shown'
        : /\/signin\?next=%2Faccount$/.test(account.headers()['location'] ?? '')
          ? 'to sign-in'
          : account.status(),
    sessionEmail: session?.user?.email ?? null,
  };
}

const signedIn = (email: string) => ({ export: 200, progress: 200, account: 'shown', sessionEmail: email });
const signedOut = { export: 401, progress: 401, account: 'to sign-in', sessionEmail: null };

/** The Set-Cookie headers of the POST that the button sends. */
async function setCookiesOf(page: Page, button: string): Promise<string[]> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return (await response.headersArray()).filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value);
}

const attributes = (setCookie: string) =>
  setCookie
    .split(';')
    .slice(1)
    .map((a) => a.trim().toLowerCase());

test.describe('sessions end', () => {
  test('on sign-out: a copy of the cookie no longer opens the account, the data routes or the session', async ({ browser, request }) => {
    const context = await contextAt(browser);
    const page = await context.newPage();
    const email = await signUp(page);
    const cookie = await sessionCookie(context);
    expect(await replay(request, cookie)).toEqual(signedIn(email));

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/$/);
    expect((await context.cookies()).some((c) => c.name.endsWith('authjs.session-token'))).toBe(false);
    expect(await replay(request, cookie)).toEqual(signedOut);
    // The session endpoint also clears a stale cookie rather than refreshing it.
    const res = await request.get('/api/auth/session', { headers: { cookie } });
    const cleared = (await res.headersArray()).find(
      (h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('authjs.session-token='),
    );
    expect(cleared?.value).toMatch(/^authjs\.session-token=;|Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    await context.close();
  });

  test('on a role change made with npm run user:role', async ({ browser, request }) => {
    test.setTimeout(90_000);
    const context = await contextAt(browser);
    const page = await context.newPage();
    const email = await signUp(page);
    const cookie = await sessionCookie(context);
    expect(await replay(request, cookie)).toEqual(signedIn(email));

    const out = execFileSync('npm', ['run', '--silent', 'user:role', '--', email, 'instructor'], {
      env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() },
      encoding: 'utf8',
    });
    expect(out).toContain(`${email} is now an instructor`);
    expect(await replay(request, cookie)).toEqual(signedOut);

    // The person signs in again and now has the new role.
    await page.goto('/account');
    await expect(page).toHaveURL(/\/signin\?next=%2Faccount$/);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await submit(page, 'Sign in');
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByText('Instructor', { exact: true })).toBeVisible();
    await context.close();
  });

  test('on a password change: other sessions end, this browser stays signed in, and only the new password works', async ({
    browser,
    request,
  }) => {
    test.setTimeout(120_000);
    const here = await contextAt(browser);
    const page = await here.newPage();
    const email = await signUp(page);
    const elsewhere = await contextAt(browser);
    const other = await elsewhere.newPage();
    await signIn(other, email, PASSWORD);
    await expect(other).toHaveURL(/\/account$/);
    const otherCookie = await sessionCookie(elsewhere);
    const hereBefore = await sessionCookie(here);

    await page.goto('/account');
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Change password' }) });
    const status = form.getByRole('status');

    // A wrong current password: said next to the field, and nothing changes.
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password again').fill(NEW_PASSWORD);
    await submit(page, 'Change password');
    await expect(status).toHaveText('Your current password is not right, so nothing was changed.');
    await expect(page.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Current password')).toHaveAccessibleDescription('That is not your current password.');
    expect(await replay(request, otherCookie)).toEqual(signedIn(email));

    // The two new passwords differ: said next to the confirmation.
    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password again').fill(`${NEW_PASSWORD}!`);
    await submit(page, 'Change password');
    await expect(page.getByLabel('New password again')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('New password again')).toHaveAccessibleDescription('The two new passwords do not match.');
    expect(await replay(request, otherCookie)).toEqual(signedIn(email));

    // Done with the keyboard alone: type, Tab to the next field, Enter to submit.
    await page.getByLabel('Current password').focus();
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('New password', { exact: true })).toBeFocused();
    await page.keyboard.type(NEW_PASSWORD);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('New password again')).toBeFocused();
    await page.keyboard.type(NEW_PASSWORD);
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.keyboard.press('Enter')]);
    await expect(status).toHaveText('Your password has been changed. Every other session of this account has been signed out.');

    // Every other session has ended, including this browser's own previous cookie ...
    expect(await replay(request, otherCookie)).toEqual(signedOut);
    expect(await replay(request, hereBefore)).toEqual(signedOut);
    await other.goto('/account');
    await expect(other).toHaveURL(/\/signin\?next=%2Faccount$/);
    // ... while this browser was given a new session and stays signed in.
    const hereAfter = await sessionCookie(here);
    expect(hereAfter).not.toBe(hereBefore);
    expect(await replay(request, hereAfter)).toEqual(signedIn(email));
    await page.reload();
    await expect(page.getByTestId('account-email')).toHaveText(email);

    // The old password no longer signs in; the new one does.
    await signIn(other, email, PASSWORD);
    await expect(other.locator('.alert--error')).toHaveText('That email and password do not match an account. Check them and try again.');
    await signIn(other, email, NEW_PASSWORD);
    await expect(other).toHaveURL(/\/account$/);
    await elsewhere.close();
    await here.close();
  });
});

test.describe('session cookies', () => {
  test('behind HTTPS the session cookie is __Secure-, HttpOnly, Secure and SameSite=Lax', async ({ browser, request }) => {
    // What a TLS-terminating load balancer sends; Auth.js (trustHost) takes the scheme from X-Forwarded-Proto.
    const context = await contextAt(browser, { 'x-forwarded-proto': 'https' });
    const page = await context.newPage();
    const email = `${unique('https')}@example.com`;
    await page.goto('/signup');
    await page.getByLabel('Name').fill('Secure Cookie');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    const cookies = await setCookiesOf(page, 'Create account');

    const session = cookies.find((c) => c.startsWith('__Secure-authjs.session-token='));
    expect(session, `a __Secure- session cookie among: ${cookies.join(' | ')}`).toBeDefined();
    expect(attributes(session!)).toEqual(expect.arrayContaining(['httponly', 'secure', 'samesite=lax', 'path=/']));
    // No auth cookie goes out without those attributes, and none without the prefix.
    for (const c of cookies.filter((x) => x.includes('authjs.'))) {
      expect(attributes(c)).toEqual(expect.arrayContaining(['httponly', 'secure', 'samesite=lax']));
      expect(c).toMatch(/^__(Secure|Host)-authjs\./);
    }

    // The cookie is a working session over HTTPS, and refreshing it keeps the same attributes.
    const cookie = session!.split(';')[0]!;
    const headers = { cookie, 'x-forwarded-proto': 'https' };
    expect((await request.get('/api/account/export', { headers })).status()).toBe(200);
    const refreshed = await request.get('/api/auth/session', { headers });
    expect(((await refreshed.json()) as { user: { email: string } }).user.email).toBe(email);
    const again = (await refreshed.headersArray()).find(
      (h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('__Secure-authjs.session-token='),
    );
    expect(attributes(again!.value)).toEqual(expect.arrayContaining(['httponly', 'secure', 'samesite=lax', 'path=/']));
    await context.close();
  });

  test('over plain http (the local quick start) the session cookie is HttpOnly and SameSite=Lax, and signing in works', async ({
    browser,
  }) => {
    const context = await contextAt(browser);
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByLabel('Email').fill('learner@goalpost.example');
    await page.getByLabel('Password').fill('goalpost-learner');
    const cookies = await setCookiesOf(page, 'Sign in');
    const session = cookies.find((c) => c.startsWith('authjs.session-token='));
    expect(session, `a session cookie among: ${cookies.join(' | ')}`).toBeDefined();
    expect(attributes(session!)).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
    // Not Secure over http: a browser would drop a Secure cookie on http://<LAN address> and nobody could sign in.
    expect(attributes(session!)).not.toContain('secure');
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByTestId('account-email')).toHaveText('learner@goalpost.example');
    await context.close();
  });
});

test.describe('who is signed in, on static and per-request pages', () => {
  test('a prerendered chapter asks the browser once; a per-request page hands over the user it read and the browser does not ask', async ({
    browser,
  }) => {
    const context = await contextAt(browser);
    const page = await context.newPage();
    await signUp(page);
    const asked: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/auth/session') asked.push(new URL(page.url()).pathname);
    });
    // The chapter is the same HTML for everyone, so the header learns the name from /api/auth/session.
    await page.goto('/chapters/introduction');
    await expect(page.getByTestId('user-menu')).toContainText('Session Tester');
    expect(asked).toEqual(['/chapters/introduction']);
    // The dashboard was rendered for this learner: the header shows the name without asking again, on a fresh load
    // and after a client-side navigation to another per-request page.
    asked.length = 0;
    await page.goto('/dashboard');
    await expect(page.getByTestId('user-menu')).toContainText('Session Tester');
    await page.getByRole('link', { name: 'Review', exact: true }).first().click();
    await expect(page).toHaveURL(/\/review$/);
    await expect(page.getByTestId('user-menu')).toContainText('Session Tester');
    expect(asked).toEqual([]);
    await context.close();
  });
});
