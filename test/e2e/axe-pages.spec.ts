import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { answeredDrill, answeredQuiz, e2eDb, seriousAxeViolations, submit, unique, uniqueIp } from './support';

// Every page type, as a guest, as a learner and as an instructor where it applies, in the light and the dark colour
// scheme: no serious or critical WCAG 2.2 AA violation (axe). The scheme is set the way a first visit gets it, from
// the system preference; the last test shows the theme toggle's stored choice gives exactly the same colours.

type Role = 'guest' | 'learner' | 'new learner' | 'instructor';
type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

const ACCOUNTS: Record<Exclude<Role, 'guest'>, { email: string; password: string }> = {
  // A seeded learner in the demo class, with answers, reviews and assignments, so every part of their pages shows.
  learner: { email: 'demo-learner-01@goalpost.example', password: 'goalpost-learner' },
  // The demo learner is in no class: the join page offers to join, and the classes page is empty.
  'new learner': { email: 'learner@goalpost.example', password: 'goalpost-learner' },
  instructor: { email: 'instructor@goalpost.example', password: 'goalpost-instructor' },
};

interface Demo {
  classId: string;
  joinCode: string;
  scenarioPath: string;
  /** A co-instructor invite link of the demo class, unused. */
  coInvitePath: string;
}

interface PageCase {
  role: Role;
  name: string;
  path: (d: Demo) => string;
  status: number;
  /** Brings the page into a state worth scanning too (feedback shown, errors on a form). */
  prepare?: (p: Page) => Promise<void>;
}

const page = (role: Role, name: string, path: string | ((d: Demo) => string), status = 200, prepare?: PageCase['prepare']): PageCase => ({
  role,
  name,
  path: typeof path === 'string' ? () => path : path,
  status,
  prepare,
});

// The states where the feedback colours show: a refused sign-in, answered questions, a form with errors.
async function refusedSignIn(p: Page) {
  await p.getByLabel('Email').fill(`${unique('axe')}@example.com`);
  await p.getByLabel('Password').fill('not a real password');
  await submit(p, 'Sign in');
  await expect(p.locator('.alert--error')).toBeVisible();
}

async function passwordFormErrors(p: Page) {
  await p.getByLabel('New password', { exact: true }).fill('short');
  await submit(p, 'Change password');
  await expect(p.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true');
}

// The editor with a draft that fails its checks, so the error and hint colours are scanned too.
async function workshopDraftErrors(p: Page) {
  await p.getByLabel('Title', { exact: true }).fill('A robot');
  await p
    .getByLabel('The scenario', { exact: true })
    .fill('A cleaning robot was rewarded whenever its camera saw no dirt. It faced a wall.');
  // The editor checks in the browser first: nothing is posted while a check fails.
  await p.getByRole('button', { name: 'Submit to the class' }).click();
  await expect(p.getByText('Some parts need another look')).toBeVisible();
}

const CASES: PageCase[] = [
  page('guest', 'home', '/'),
  page('guest', 'sign-in', '/signin'),
  page('guest', 'sign-in, refused', '/signin', 200, refusedSignIn),
  page('guest', 'sign-up', '/signup'),
  page('guest', 'chapter index', '/chapters'),
  page('guest', 'a chapter', '/chapters/introduction'),
  page('guest', 'a chapter, a question answered', '/chapters/introduction', 200, answeredQuiz),
  page('guest', 'glossary', '/glossary'),
  page('guest', 'practice', '/practice'),
  page('guest', 'a practice drill', '/practice?chapter=introduction'),
  page('guest', 'a practice drill, a scenario answered', '/practice?chapter=introduction', 200, answeredDrill),
  page('guest', 'review', '/review'),
  page('guest', 'dashboard', '/dashboard'),
  page('guest', 'a missing page (404)', '/no-such-page', 404),

  page('learner', 'home', '/'),
  page('learner', 'chapter index', '/chapters'),
  page('learner', 'a chapter', '/chapters/introduction'),
  page('learner', 'glossary', '/glossary'),
  page('learner', 'practice', '/practice'),
  page('learner', 'a practice drill', '/practice?chapter=introduction'),
  page('learner', 'import a scenario set', '/practice/import'),
  page('learner', 'review', '/review'),
  page('learner', 'dashboard', '/dashboard'),
  page('learner', 'account', '/account'),
  page('learner', 'account, password form with errors', '/account', 200, passwordFormErrors),
  page('learner', 'classes', '/classes'),
  page('learner', 'an invite link to a class they are in', (d) => `/join/${d.joinCode}`),
  page('learner', 'teach (not an instructor)', '/teach'),
  page('learner', "a class's scenario workshop", (d) => `/classes/${d.classId}/workshop`),
  page(
    'learner',
    'writing a workshop scenario, with the checks shown',
    (d) => `/classes/${d.classId}/workshop/write`,
    200,
    workshopDraftErrors,
  ),
  page('learner', 'the workshop practice set', (d) => `/classes/${d.classId}/workshop/classify`),
  page('learner', 'the workshop practice set, a scenario answered', (d) => `/classes/${d.classId}/workshop/classify`, 200, answeredDrill),
  page('learner', 'a missing page (404)', '/no-such-page', 404),

  page('new learner', 'an invite link', (d) => `/join/${d.joinCode}`),
  page('new learner', 'a co-instructor invite (needs an instructor account)', (d) => d.coInvitePath),
  page('new learner', 'classes (none yet)', '/classes'),

  page('instructor', 'teach index', '/teach'),
  page('instructor', 'a class', (d) => `/teach/${d.classId}`),
  page('instructor', "a class's items", (d) => `/teach/${d.classId}/items`),
  page('instructor', "a class's confusions", (d) => `/teach/${d.classId}/confusion`),
  page('instructor', "a class's scenario", (d) => d.scenarioPath),
  page('instructor', "a class's scenario workshop", (d) => `/teach/${d.classId}/workshop`),
  page('instructor', 'their own invite link', (d) => `/join/${d.joinCode}`),
  page('instructor', 'a co-instructor invite to their own class', (d) => d.coInvitePath),
  page('instructor', 'a co-instructor invite that does not work', `/teach/invite/${'A'.repeat(43)}`),
  page('instructor', 'dashboard', '/dashboard'),
  page('instructor', 'account', '/account'),
];

const SCHEMES = ['light', 'dark'] as const;

const states = new Map<Role, StorageState>();
async function stateFor(browser: Browser, role: Role): Promise<StorageState | undefined> {
  if (role === 'guest') return undefined;
  const cached = states.get(role);
  if (cached) return cached;
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
  const p = await context.newPage();
  await p.goto('/signin');
  await p.getByLabel('Email').fill(ACCOUNTS[role].email);
  await p.getByLabel('Password').fill(ACCOUNTS[role].password);
  await submit(p, 'Sign in');
  await expect(p).toHaveURL(/\/account$/);
  const state = await context.storageState();
  await context.close();
  states.set(role, state);
  return state;
}

let demo: Demo | undefined;
async function demoClass(browser: Browser): Promise<Demo> {
  if (demo) return demo;
  const db = e2eDb();
  const row = db
    .prepare(
      'SELECT c.id AS classId, c.joinCode AS joinCode FROM Class c JOIN User u ON u.id = c.ownerId WHERE u.email = ? ORDER BY c.createdAt LIMIT 1',
    )
    .get(ACCOUNTS.instructor.email) as { classId: string; joinCode: string };
  db.close();
  // A scenario the class got wrong, as the confusion table links it.
  const context = await browser.newContext({ storageState: await stateFor(browser, 'instructor') });
  const p = await context.newPage();
  await p.goto(`/teach/${row.classId}/confusion`);
  const href = await p.locator(`a[href^="/teach/${row.classId}/scenarios/"]`).first().getAttribute('href');
  // A co-instructor link, so the class page lists a pending one and the invite page can be scanned.
  await p.goto(`/teach/${row.classId}`);
  await p.getByRole('button', { name: 'Create an invite link' }).click();
  const invite = new URL((await p.getByTestId('co-invite-link').getAttribute('href'))!);
  await expect(p.getByTestId('pending-invite').first()).toBeVisible();
  await context.close();
  demo = { ...row, scenarioPath: href!, coInvitePath: invite.pathname };
  return demo;
}

test.describe('accessibility of every page type (axe, WCAG 2.2 AA, light and dark)', () => {
  for (const c of CASES) {
    test(`${c.role}: ${c.name}`, async ({ browser }) => {
      const path = c.path(await demoClass(browser));
      const storageState = await stateFor(browser, c.role);
      const problems: string[] = [];
      for (const scheme of SCHEMES) {
        const context = await browser.newContext({
          storageState,
          colorScheme: scheme,
          extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() },
        });
        const p = await context.newPage();
        const res = await p.goto(path);
        expect(res?.status(), `${path} answers ${c.status}`).toBe(c.status);
        await expect(p.locator('h1').first()).toBeVisible();
        // The header asks who is signed in after load; scan once it shows the answer.
        const who = c.role === 'guest' ? p.getByRole('link', { name: 'Sign in', exact: true }).first() : p.getByTestId('user-menu');
        await expect(who).toBeVisible();
        expect(await p.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
        await c.prepare?.(p);
        for (const v of await seriousAxeViolations(p)) problems.push(`${scheme}: ${v}`);
        await context.close();
      }
      expect(problems).toEqual([]);
    });
  }

  test("the theme toggle's stored choice gives the same colours as the system preference it overrides", async ({ browser }) => {
    const palette = async (scheme: 'light' | 'dark', stored: 'light' | 'dark' | null) => {
      const context = await browser.newContext({ colorScheme: scheme });
      if (stored) await context.addInitScript((t) => localStorage.setItem('goalpost-theme', t), stored);
      const p = await context.newPage();
      await p.goto('/glossary');
      const values = await p.evaluate(() => {
        const style = getComputedStyle(document.documentElement);
        const names = [
          '--bg',
          '--surface',
          '--surface-2',
          '--fg',
          '--muted',
          '--border',
          '--accent',
          '--accent-fg',
          '--accent-2',
          '--ok',
          '--ok-bg',
          '--bad',
          '--bad-bg',
          '--warn',
          '--warn-bg',
          '--focus',
        ];
        return {
          ...Object.fromEntries(names.map((n) => [n, style.getPropertyValue(n).trim()])),
          body: getComputedStyle(document.body).backgroundColor,
        };
      });
      await context.close();
      return values;
    };
    const systemLight = await palette('light', null);
    const systemDark = await palette('dark', null);
    expect(systemDark).not.toEqual(systemLight);
    // A stored dark choice on a light system looks exactly like a dark system, and the reverse.
    expect(await palette('light', 'dark')).toEqual(systemDark);
    expect(await palette('dark', 'light')).toEqual(systemLight);
  });
});
