// Layout on a phone and on a laptop (issue 15, items 7, 8 and 11): every page type, as a guest, a learner and an
// instructor. At 390×844 the header keeps to one row under 64 px with the links behind a Menu button, the page never
// scrolls sideways, and no element's content spills out of a box that does not scroll (a table too wide for its card,
// a caption cut mid-word). At 1280×800 a 60-character display name leaves the header on one row.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { answeredDrill, answeredQuiz, e2eDb, e2eWrite, submit, unique, uniqueIp } from './support';

type Role = 'guest' | 'learner' | 'instructor';
type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };
const MAX_HEADER = 64;

const ACCOUNTS: Record<Exclude<Role, 'guest'>, { email: string; password: string }> = {
  // A seeded learner in the demo class, with answers, reviews and assignments: their pages show every part.
  learner: { email: 'demo-learner-01@goalpost.example', password: 'goalpost-learner' },
  // The demo instructor owns the demo class of 30 learners: the roster is as wide as a real one.
  instructor: { email: 'instructor@goalpost.example', password: 'goalpost-instructor' },
};

const NAV = ['Chapters', 'Practice', 'Review', 'Dashboard', 'Classes', 'Glossary'];

interface Demo {
  classId: string;
  joinCode: string;
}

function demoClass(): Demo {
  const db = e2eDb();
  try {
    return db
      .prepare(
        'SELECT c.id AS classId, c.joinCode AS joinCode FROM Class c JOIN User u ON u.id = c.ownerId WHERE u.email = ? ORDER BY c.createdAt LIMIT 1',
      )
      .get(ACCOUNTS.instructor.email) as Demo;
  } finally {
    db.close();
  }
}

interface PageCase {
  role: Role;
  name: string;
  path: (d: Demo) => string;
  /** Brings the page into a state worth checking too (feedback shown). */
  prepare?: (p: Page) => Promise<void>;
}

const at = (role: Role, name: string, path: string | ((d: Demo) => string), prepare?: PageCase['prepare']): PageCase => ({
  role,
  name,
  path: typeof path === 'string' ? () => path : path,
  prepare,
});

const SHARED = (role: Role): PageCase[] => [
  at(role, 'home', '/'),
  at(role, 'chapter index', '/chapters'),
  at(role, 'a chapter', '/chapters/introduction'),
  at(role, 'glossary', '/glossary'),
  at(role, 'practice', '/practice'),
  at(role, 'a practice drill', '/practice?chapter=introduction'),
  at(role, 'review', '/review'),
  at(role, 'dashboard', '/dashboard'),
];

const CASES: PageCase[] = [
  ...SHARED('guest'),
  at('guest', 'a chapter, a question answered', '/chapters/learning-dynamics', answeredQuiz),
  at('guest', 'a practice drill, a scenario answered', '/practice?chapter=introduction', answeredDrill),
  at('guest', 'sign in', '/signin'),
  at('guest', 'sign up', '/signup'),

  ...SHARED('learner'),
  at('learner', 'account', '/account'),
  at('learner', 'classes', '/classes'),
  at('learner', "a class's invite page", (d) => `/join/${d.joinCode}`),
  at('learner', 'teach (not an instructor)', '/teach'),
  at('learner', 'import a scenario set', '/practice/import'),
  at('learner', "a class's scenario workshop", (d) => `/classes/${d.classId}/workshop`),
  at('learner', 'writing a workshop scenario', (d) => `/classes/${d.classId}/workshop/write`),
  at('learner', 'the workshop practice set', (d) => `/classes/${d.classId}/workshop/classify`),

  ...SHARED('instructor'),
  at('instructor', 'account', '/account'),
  at('instructor', 'classes', '/classes'),
  at('instructor', 'teach', '/teach'),
  at('instructor', "a class's roster", (d) => `/teach/${d.classId}`),
  at('instructor', "a class's items", (d) => `/teach/${d.classId}/items`),
  at('instructor', "a class's confusions", (d) => `/teach/${d.classId}/confusion`),
  at('instructor', "a class's scenario workshop", (d) => `/teach/${d.classId}/workshop`),
];

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

/**
 * Every element whose content is wider than its box while the box neither scrolls nor hides it: the content spills
 * out over its neighbours or past the screen. Visually hidden text (1px clipped boxes) and SVG internals are skipped.
 */
function overflowing(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const hidden = (el: Element): boolean => {
      for (let n: Element | null = el; n && n !== document.body; n = n.parentElement) {
        const cs = getComputedStyle(n);
        if (cs.display === 'none' || cs.visibility === 'hidden') return true;
        const r = n.getBoundingClientRect();
        if (r.width <= 1 && r.height <= 1 && (cs.overflow === 'hidden' || cs.clip !== 'auto' || cs.clipPath !== 'none')) return true;
      }
      return false;
    };
    const out: string[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      if (!(el instanceof HTMLElement)) continue;
      if (el.scrollWidth <= el.clientWidth + 1 || el.clientWidth === 0) continue;
      const cs = getComputedStyle(el);
      if (cs.overflowX !== 'visible' && cs.overflowX !== 'clip') continue;
      if (hidden(el)) continue;
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
      out.push(`${name} (${el.scrollWidth}px of content in ${el.clientWidth}px): “${(el.textContent ?? '').trim().slice(0, 60)}”`);
    }
    return out;
  });
}

/** The header's height, and whether the page can scroll sideways. */
async function measure(p: Page) {
  return p.evaluate(() => ({
    header: document.querySelector('header')!.getBoundingClientRect().height,
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

/** The header has asked who is signed in (the account link or Sign in is in the page, shown or behind the menu). */
async function sessionShown(p: Page, role: Role) {
  const who =
    role === 'guest'
      ? p.locator('header').getByRole('link', { name: 'Sign in', exact: true, includeHidden: true })
      : p.getByTestId('user-menu');
  await expect(who).toBeAttached();
}

test.describe('at 390×844 (a phone)', () => {
  for (const c of CASES) {
    test(`${c.role}: ${c.name}`, async ({ browser }) => {
      const context = await browser.newContext({
        viewport: PHONE,
        storageState: await stateFor(browser, c.role),
        extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() },
      });
      const p = await context.newPage();
      const path = c.path(demoClass());
      expect((await p.goto(path))?.status(), path).toBe(200);
      await expect(p.locator('h1').first()).toBeVisible();
      await sessionShown(p, c.role);
      await c.prepare?.(p);

      const m = await measure(p);
      expect(m.header, 'the header is one row').toBeLessThanOrEqual(MAX_HEADER);
      expect(m.scrollWidth, 'the page does not scroll sideways').toBeLessThanOrEqual(m.innerWidth);
      await expect.poll(() => overflowing(p), { message: 'no content spills out of a box that does not scroll' }).toEqual([]);

      // The links are behind the Menu button, and it opens a menu that holds them all.
      const menu = p.getByRole('button', { name: 'Menu' });
      const nav = p.getByRole('navigation', { name: 'Main' });
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(nav).toBeHidden();
      await menu.click();
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
      await expect(nav).toBeVisible();
      for (const name of NAV) await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
      await expect(nav.getByRole('link', { name: 'Teach', exact: true })).toHaveCount(c.role === 'instructor' ? 1 : 0);
      await expect(
        c.role === 'guest' ? p.locator('#site-menu').getByRole('link', { name: 'Sign in', exact: true }) : p.getByTestId('user-menu'),
      ).toBeVisible();
      expect((await measure(p)).header, 'the open menu does not grow the header').toBeLessThanOrEqual(MAX_HEADER);
      expect(await overflowing(p)).toEqual([]);
      await context.close();
    });
  }
});

test.describe('the phone menu and the chapter contents', () => {
  test('the Menu button is a disclosure: keyboard, Escape back to the button, closed by a navigation', async ({ browser }) => {
    const context = await browser.newContext({ viewport: PHONE });
    const p = await context.newPage();
    await p.goto('/glossary');
    const menu = p.getByRole('button', { name: 'Menu' });
    await expect(menu).toHaveAttribute('aria-controls', 'site-menu');
    await menu.focus();
    await p.keyboard.press('Enter');
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    // Tab goes from the button into the menu's links.
    await p.keyboard.press('Tab');
    await expect(p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Chapters' })).toBeFocused();
    await p.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();
    await expect(p.getByRole('navigation', { name: 'Main' })).toBeHidden();

    await p.keyboard.press('Space');
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Chapters' }).click();
    await expect(p).toHaveURL(/\/chapters$/);
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(p.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await context.close();
  });

  test('on a phone a chapter opens with its chapter list and "On this page" folded above it', async ({ browser }) => {
    const context = await browser.newContext({ viewport: PHONE });
    const p = await context.newPage();
    await p.goto('/chapters/learning-dynamics');
    const title = p.getByRole('heading', { level: 1, name: 'Learning dynamics' });
    await expect(title).toBeVisible();
    const onThisPage = p.locator('summary', { hasText: 'On this page' });
    const chapters = p.locator('summary', { hasText: 'Chapters' });
    // Both within the first screen, before the chapter's title.
    for (const s of [onThisPage, chapters]) {
      await expect(s).toBeInViewport();
      expect((await s.boundingBox())!.y).toBeLessThan((await title.boundingBox())!.y);
    }
    await onThisPage.click();
    const toc = p.getByRole('navigation', { name: 'On this page' });
    const second = toc.getByRole('link').nth(1);
    const href = (await second.getAttribute('href'))!;
    await second.click();
    await expect(p).toHaveURL(new RegExp(`${href}$`));
    // The list folds away once a section is chosen, and the section's heading is not under the sticky header.
    await expect(toc).toBeHidden();
    const heading = p.locator(href);
    await expect(heading).toBeInViewport();
    expect((await heading.boundingBox())!.y).toBeGreaterThanOrEqual((await measure(p)).header);

    await chapters.click();
    await p
      .getByRole('navigation', { name: 'Chapters' })
      .getByRole('link', { name: /Goal-directedness/ })
      .click();
    await expect(p.getByRole('heading', { level: 1, name: 'Goal-directedness' })).toBeVisible();
    await context.close();
  });
});

test.describe('at 1280×800 with a 60-character name', () => {
  const NAME = 'Maximiliana Alexandrina Konstantinopoulou-Vandenbergh Smithe';

  test('the header stays one row, the name is cut with an ellipsis but kept whole for assistive tech, nothing spills', async ({
    browser,
  }) => {
    expect(NAME).toHaveLength(60);
    const context = await browser.newContext({ viewport: LAPTOP, extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
    const p = await context.newPage();
    const email = `${unique('longname')}@example.com`;
    await p.goto('/signup');
    await p.getByLabel('Name').fill(NAME);
    await p.getByLabel('Email').fill(email);
    await p.getByLabel('Password').fill('a long name and a long passphrase');
    await submit(p, 'Create account');
    await expect(p.getByTestId('user-menu')).toBeVisible();
    // An instructor has the most links in the header (Teach too). The role is read on every request.
    e2eWrite(`UPDATE User SET role = 'instructor' WHERE email = ?`, email);

    for (const path of ['/', '/chapters/introduction', '/dashboard', '/practice?chapter=introduction', '/teach', '/account']) {
      await p.goto(path);
      await expect(p.locator('h1').first()).toBeVisible();
      const nav = p.getByRole('navigation', { name: 'Main' });
      await expect(nav.getByRole('link', { name: 'Teach', exact: true })).toBeVisible();
      await expect(p.getByRole('button', { name: 'Menu' })).toBeHidden();
      for (const name of NAV) await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
      const m = await measure(p);
      expect(m.header, `${path}: the header is one row`).toBeLessThanOrEqual(MAX_HEADER);
      expect(m.scrollWidth, `${path}: no sideways scroll`).toBeLessThanOrEqual(m.innerWidth);
      await expect.poll(() => overflowing(p), { message: `${path}: nothing spills` }).toEqual([]);

      const account = p.getByTestId('user-menu');
      await expect(account).toHaveAccessibleName(`Account: ${NAME}`);
      await expect(account).toHaveAttribute('title', `Account: ${NAME}`);
      // Cut, with an ellipsis: the visible box is narrower than the name.
      const cut = await account
        .locator('.user-menu__name')
        .evaluate((el) => ({ cut: el.scrollWidth > el.clientWidth, ellipsis: getComputedStyle(el).textOverflow }));
      expect(cut).toEqual({ cut: true, ellipsis: 'ellipsis' });
    }
    await context.close();
  });

  test('a learner sees no Teach link; an instructor does', async ({ browser }) => {
    for (const role of ['guest', 'learner', 'instructor'] as const) {
      const context = await browser.newContext({ viewport: LAPTOP, storageState: await stateFor(browser, role) });
      const p = await context.newPage();
      await p.goto('/chapters');
      await sessionShown(p, role);
      const nav = p.getByRole('navigation', { name: 'Main' });
      await expect(nav.getByRole('link', { name: 'Chapters', exact: true })).toBeVisible();
      await expect(nav.getByRole('link', { name: 'Teach', exact: true }), role).toHaveCount(role === 'instructor' ? 1 : 0);
      await context.close();
    }
  });
});
