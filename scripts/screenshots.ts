// npm run screenshots [-- --base http://localhost:3000] [--out screenshots] [--port 3900]
//
// Screenshots to look at before a release: the dashboard, a chapter with a question answered, the drill's feedback,
// a teacher's roster and the phone menu, each at 1280×800 and 390×844, light and dark. Without --base it starts the
// production build the way the browser tests do (scripts/e2e-server.ts: a fresh temporary database, seeded) and stops
// it at the end; it builds nothing (run `npm run build` first). Through the app itself, as people would, it makes an
// instructor with a class and two assignments, and a learner who joins it and answers a question and three scenarios.
// Prints the files written, as JSON.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { z } from 'zod';
import { answeredQuiz } from '../test/e2e/support';
import { buildIsFresh } from './lib/build-state';
import { CHROMIUM_ARGS, CHROMIUM_HELP, findChromium } from './lib/chromium';

const Args = z.object({
  base: z.url({ error: '--base must be a URL such as http://localhost:3000' }).optional(),
  out: z.string().min(1).default('screenshots'),
  port: z.coerce.number({ error: '--port must be a number' }).int().min(1024).max(65535).default(3900),
});

function parseArgs(argv: string[]): z.infer<typeof Args> {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(base|out|port)(?:=(.*))?$/.exec(argv[i]!);
    if (!m) {
      console.error(`Unknown argument ${argv[i]}. Usage: npm run screenshots [-- --base URL] [--out DIR] [--port N]`);
      process.exit(2);
    }
    raw[m[1]!] = m[2] ?? argv[++i] ?? '';
  }
  const parsed = Args.safeParse(raw);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => i.message).join('\n'));
    process.exit(2);
  }
  return parsed.data;
}

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const THEMES = ['light', 'dark'] as const;
const PASSWORD = 'screenshots are worth a look';

async function waitForServer(base: string, server: ChildProcess | null): Promise<void> {
  const until = Date.now() + 180_000;
  while (Date.now() < until) {
    if (server && server.exitCode !== null) throw new Error(`The app server stopped (exit code ${server.exitCode}) before it answered.`);
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`No answer from ${base} within 3 minutes.`);
}

/** Starts the production build on a fresh seeded database, as the browser tests do; stopped by stopServer. */
function startServer(port: number): ChildProcess {
  if (!fs.existsSync(path.join('.next', 'BUILD_ID'))) {
    console.error('No production build. Run `npm run build` first (or pass --base with the URL of a running app).');
    process.exit(1);
  }
  if (!buildIsFresh()) console.error('Note: the build is older than the sources; run `npm run build` to see your latest changes.');
  // Its own process group, so stopping it stops the server under it too.
  return spawn(path.join('node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'scripts/e2e-server.ts'], {
    env: { ...process.env, E2E_PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
}

function stopServer(server: ChildProcess | null): void {
  if (server?.pid && server.exitCode === null) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

async function submit(page: Page, button: string | RegExp): Promise<void> {
  const before = page.url();
  const b = page.getByRole('button', { name: button });
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), b.click()]);
  await expect.poll(async () => page.url() !== before || ((await b.count()) > 0 && (await b.isEnabled())), { timeout: 15_000 }).toBe(true);
}

async function signUp(page: Page, next: string, name: string, email: string, instructor: boolean): Promise<void> {
  await page.goto(`/signup?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  if (instructor) await page.getByLabel(/an instructor/).check();
  await submit(page, 'Create account');
  await expect(page.getByTestId('user-menu')).toBeAttached();
}

async function answerQuiz(page: Page): Promise<void> {
  await answeredQuiz(page);
  await page
    .locator('form[data-quiz-id]')
    .first()
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
}

/** Answers the drill's open scenario by its keys (training, shift, competence, label, confidence) and waits for the feedback. */
async function answerDrill(page: Page, keys: string): Promise<void> {
  const drill = page.locator('section[data-phase]');
  await drill.getByRole('heading', { level: 2 }).first().focus();
  for (const k of keys) await page.keyboard.press(k);
  await page.keyboard.press('Enter');
  const feedback = drill.getByRole('heading', { level: 3, name: /^(✓ )?Right|(≈ )?Defensible|(✗ )?Not quite/ });
  await expect(feedback).toBeVisible();
  await feedback.evaluate((el) => el.scrollIntoView({ block: 'start' }));
}

interface Seeded {
  learner: string;
  instructor: string;
  classId: string;
}

async function seed(browser: Browser, base: string): Promise<Seeded> {
  const stamp = Date.now().toString(36);
  const instructor = `screens-teacher-${stamp}@example.com`;
  const learner = `screens-learner-${stamp}@example.com`;
  const context = await browser.newContext({ baseURL: base });
  const t = await context.newPage();
  await signUp(t, '/teach', 'Tess Okonkwo-Lindqvist', instructor, true);
  await t.goto('/teach');
  await t.getByLabel('Class name').fill('Screenshot seminar: goal misgeneralization, autumn term');
  await submit(t, 'Create class');
  await expect(t).toHaveURL(/\/teach\/[a-z0-9]+$/);
  const classId = t.url().split('/').pop()!;
  const code = (await t.getByTestId('join-code').getAttribute('data-code'))!;
  await submit(t, 'Create assignment'); // the first chapter, with the default title and dates
  await t.getByLabel('A classifier drill set').check();
  await submit(t, 'Create assignment');
  await context.close();

  const lc = await browser.newContext({ baseURL: base });
  const l = await lc.newPage();
  await l.goto(`/join/${code}`);
  await signUp(l, `/join/${code}`, 'Ana Learner', learner, false);
  await submit(l, /^Join /);
  await l.goto('/chapters/introduction');
  await answerQuiz(l);
  await l.goto('/practice?chapter=introduction');
  for (const keys of ['21121', '11121', '21131']) {
    await answerDrill(l, keys);
    await l.keyboard.press('n');
  }
  await lc.close();
  return { learner, instructor, classId };
}

async function signedIn(
  browser: Browser,
  base: string,
  email: string,
  viewport: { width: number; height: number },
  theme: 'light' | 'dark',
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: base, viewport, colorScheme: theme });
  // The theme toggle's stored choice (public/theme-init.js applies it before the first paint).
  await context.addInitScript((t) => localStorage.setItem('goalpost-theme', t), theme);
  const p = await context.newPage();
  await p.goto('/signin');
  await p.getByLabel('Email').fill(email);
  await p.getByLabel('Password').fill(PASSWORD);
  await submit(p, 'Sign in');
  await p.close();
  return context;
}

async function settle(page: Page): Promise<void> {
  await expect(page.locator('h1').first()).toBeVisible();
  await expect(page.getByTestId('user-menu')).toBeAttached();
  await page.evaluate(() => document.fonts.ready);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(CHROMIUM_HELP);
    process.exit(1);
  }
  const server = args.base ? null : startServer(args.port);
  const base = args.base ?? `http://127.0.0.1:${args.port}`;
  const stop = () => stopServer(server);
  process.on('SIGINT', () => {
    stop();
    process.exit(130);
  });
  const files: string[] = [];
  let browser: Browser | null = null;
  try {
    await waitForServer(base, server);
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    const seeded = await seed(browser, base);
    fs.mkdirSync(args.out, { recursive: true });
    const shot = async (page: Page, name: string, vp: string, theme: string, fullPage: boolean) => {
      const file = path.join(args.out, `${name}-${vp}-${theme}.png`);
      await page.screenshot({ path: file, fullPage });
      files.push(file);
    };

    for (const vp of VIEWPORTS) {
      for (const theme of THEMES) {
        const learner = await signedIn(browser, base, seeded.learner, vp, theme);
        const p = await learner.newPage();
        await p.goto('/dashboard');
        await settle(p);
        await shot(p, 'dashboard', vp.name, theme, true);

        await p.goto('/chapters/introduction');
        await settle(p);
        await answerQuiz(p);
        await shot(p, 'chapter-quiz', vp.name, theme, false);

        await p.goto('/practice?chapter=introduction');
        await settle(p);
        await answerDrill(p, '21121');
        await shot(p, 'drill-feedback', vp.name, theme, false);

        // The menu: open behind its button on a phone; on a laptop the header shows the links themselves.
        await p.goto('/chapters');
        await settle(p);
        const menu = p.getByRole('button', { name: 'Menu' });
        if (await menu.isVisible()) {
          await menu.click();
          await expect(p.getByRole('navigation', { name: 'Main' })).toBeVisible();
        }
        await shot(p, 'menu', vp.name, theme, false);

        // The class's scenario workshop: the overview and the editor with its checks and preview.
        await p.goto(`/classes/${seeded.classId}/workshop`);
        await settle(p);
        await shot(p, 'workshop', vp.name, theme, true);
        await p.goto(`/classes/${seeded.classId}/workshop/write`);
        await settle(p);
        await shot(p, 'workshop-write', vp.name, theme, true);
        await learner.close();

        const teacher = await signedIn(browser, base, seeded.instructor, vp, theme);
        const t = await teacher.newPage();
        await t.goto(`/teach/${seeded.classId}`);
        await settle(t);
        await expect(t.getByTestId('roster')).toBeVisible();
        await shot(t, 'roster', vp.name, theme, true);
        await t.goto(`/teach/${seeded.classId}/workshop`);
        await settle(t);
        await shot(t, 'teach-workshop', vp.name, theme, true);
        await teacher.close();
      }
    }
  } finally {
    await browser?.close();
    stop();
  }
  console.log(JSON.stringify({ base, files }, null, 2));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
