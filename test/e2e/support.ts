import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Scenario } from '../../lib/learning/scenario-schema';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The little of better-sqlite3's API the specs use to check what a flow really stored. */
export interface E2eDb {
  prepare(sql: string): { get(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] };
  close(): void;
}

/**
 * Opens the database of the server under test (read-only), to check what a flow really stored. Specs write
 * SQLite-flavoured SQL (bare identifiers, `?` parameters, booleans as 0/1); on PostgreSQL it is translated.
 */
export function e2eDb(): E2eDb {
  const databaseUrl = e2eDatabaseUrl();
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return postgresDb(databaseUrl);
  return new Database(databaseUrl.replace(/^file:/, ''), { readonly: true, fileMustExist: true });
}

/** The DATABASE_URL of the server under test (for running a maintenance script such as user:role against it). */
export function e2eDatabaseUrl(): string {
  const port = process.env.E2E_PORT ?? '3100';
  return (JSON.parse(fs.readFileSync(path.join(os.tmpdir(), `goalpost-e2e-${port}.json`), 'utf8')) as { databaseUrl: string }).databaseUrl;
}

/**
 * Runs one write against the database of the server under test, for a spec that must change a row the app offers no
 * way to change (an administrator's SQL, say). SQLite-flavoured SQL, translated for PostgreSQL like e2eDb's.
 */
export function e2eWrite(sql: string, ...params: unknown[]): void {
  const databaseUrl = e2eDatabaseUrl();
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    postgresDb(databaseUrl)
      .prepare(sql)
      .all(...params);
    return;
  }
  const db = new Database(databaseUrl.replace(/^file:/, ''), { fileMustExist: true });
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

export function countRows(table: string, where = '1=1', ...params: unknown[]): number {
  const db = e2eDb();
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE ${where}`).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}

// ---- PostgreSQL: the same synchronous API, one short-lived `node` + pg process per query ----

// Model and field names from the schema: PostgreSQL folds bare identifiers to lower case, so they get quoted;
// Boolean fields are read as 0/1, as SQLite stores them.
function schemaNames(): { names: Set<string>; booleans: Set<string> } {
  const schema = fs.readFileSync('prisma/schema.prisma', 'utf8');
  const names = new Set([...schema.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]!));
  const booleans = new Set<string>();
  for (const m of schema.matchAll(/^\s+(\w+)\s+(\w+)[?[\]]*(\s|$)/gm)) {
    names.add(m[1]!);
    if (m[2] === 'Boolean') booleans.add(m[1]!);
  }
  return { names, booleans };
}

export function toPostgresSql(sql: string): string {
  const { names, booleans } = schemaNames();
  let n = 0;
  // Outside string literals and quoted identifiers: quote known names, number the ? parameters.
  return sql.replace(/'(?:[^']|'')*'|"[^"]*"|\?|\b[A-Za-z_]\w*\b/g, (tok) => {
    if (tok === '?') return `$${++n}`;
    if (tok.startsWith("'")) return tok;
    const name = tok.startsWith('"') ? tok.slice(1, -1) : tok;
    if (!names.has(name)) return tok;
    return booleans.has(name) ? `"${name}"::int` : `"${name}"`;
  });
}

const QUERY_SCRIPT = `
const pg = require('pg');
pg.types.setTypeParser(20, Number); // count(*) is a bigint; the specs compare numbers
let input = '';
process.stdin.on('data', (d) => (input += d)).on('end', async () => {
  const { url, sql, params } = JSON.parse(input);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    process.stdout.write(JSON.stringify((await client.query(sql, params)).rows));
  } finally {
    await client.end();
  }
});`;

function postgresDb(url: string): E2eDb {
  const run = (sql: string, params: unknown[]) =>
    JSON.parse(
      execFileSync(process.execPath, ['-e', QUERY_SCRIPT], {
        input: JSON.stringify({ url, sql: toPostgresSql(sql), params }),
        encoding: 'utf8',
      }),
    ) as unknown[];
  return {
    prepare: (sql) => ({ get: (...params) => run(sql, params)[0], all: (...params) => run(sql, params) }),
    close: () => undefined,
  };
}

/**
 * A client address of its own, sent as X-Forwarded-For (what the load balancer sets), so a spec that trips a per-address
 * limit (sign-in, sign-up) does not use up the shared bucket of every other spec.
 */
export const uniqueIp = () =>
  `10.${1 + Math.floor(Math.random() * 254)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;

export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

/** Clicks a form's submit button and waits for the server action's answer, so the next step sees its result. */
export async function submit(page: Page, buttonName: string | RegExp): Promise<void> {
  const before = page.url();
  const button = page.getByRole('button', { name: buttonName });
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), button.click()]);
  await page.waitForLoadState('domcontentloaded');
  // The action has answered; wait until React has applied it (the form re-enabled, or the page navigated away),
  // so the next step does not type into fields that are about to be reset.
  await expect
    .poll(async () => page.url() !== before || ((await button.count()) > 0 && (await button.isEnabled())), { timeout: 15_000 })
    .toBe(true);
}

/** Signs up in the browser through the sign-up form (then on to `next`); returns the new account's email. */
export async function signUpInBrowser(page: Page, next: string, name: string, role: 'learner' | 'instructor'): Promise<string> {
  const email = `${unique(role)}@example.com`;
  await page.goto(`/signup?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('teaching is learning twice');
  if (role === 'instructor') await page.getByLabel(/an instructor/).check();
  await submit(page, 'Create account');
  await expect(page.getByTestId('user-menu')).toBeVisible();
  return email;
}

/** The WCAG 2.2 AA rule sets every accessibility scan uses. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Before an axe scan: from the top of the page. axe counts a target that the sticky header happens to cover at the
 * current scroll as too small (target-size), so where a test had scrolled to decided the result.
 */
export async function scrollToTop(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Serious and critical axe violations on the whole page, one line each (rule, impact, count and first few targets). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await scrollToTop(page);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

/** The scenario-import CSV header, and one valid row (a heating controller that learned "lights on"). */
export const SCENARIO_HEADER =
  'id,title,domain,description,label,signal,capability,goal,signal_note,capability_note,goal_note,goal_pursued,rationale,source_kind,source_ref,difficulty,chapter';
export const scenarioRow = (id: string, label: string) =>
  [
    id,
    'A heating controller in a new office building',
    'other',
    '"In the training offices a room was occupied exactly when its lights were on. In a new building where cleaners switch lights on at night, the controller heated empty rooms all night."',
    label,
    'right',
    'generalized',
    'proxy',
    'Comfort ratings from occupants reward what was intended.',
    'It ran the heating as smoothly as ever.',
    'Lit rooms and occupied rooms always coincided in training.',
    'heat the rooms whose lights are on',
    '"The controller is as skilful as before and the reward had no flaw; a cue that went with the target in training became the target."',
    'constructed',
    '',
    'intro',
    'multi-objective-generalization',
  ].join(',');

/**
 * The drill keys for a scenario (training, shift, competence, label, confidence), answering every question as the
 * case does except the training question, which is answered the other way: the right label for a wrong reason.
 */
export function misreadTrainingKeys(s: Scenario): string {
  const yesNo = (a: string) => (a === 'no' ? '2' : '1');
  const training = s.questions.training.answer === 'yes' ? '2' : '1';
  const label = String(['specification-gaming', 'goal-misgeneralization', 'capability-failure'].indexOf(s.label) + 1);
  return `${training}${yesNo(s.questions.shift.answer)}${yesNo(s.questions.competence.answer)}${label}1`;
}

/** Answers the page's first quiz (its first option, "Sure") and waits for the feedback. */
export async function answeredQuiz(p: Page) {
  const quiz = p.locator('form[data-quiz-id]').first();
  await quiz.scrollIntoViewIfNeeded();
  const boxes = quiz.getByRole('checkbox');
  if ((await boxes.count()) > 0) await boxes.first().check();
  else await quiz.getByRole('radio').first().check();
  await quiz.getByRole('radio', { name: 'Sure', exact: true }).check();
  await quiz.getByRole('button', { name: 'Check' }).click();
  await expect(quiz.getByRole('status')).toHaveText(/Correct|Not quite/);
}

/** Answers the drill's current case from the keyboard and waits for the verdict. */
export async function answeredDrill(p: Page) {
  const drill = p.locator('section[data-phase]');
  await drill.getByRole('heading', { level: 2 }).first().focus();
  for (const k of '12111') await p.keyboard.press(k);
  await p.keyboard.press('Enter');
  await expect(drill.getByRole('heading', { level: 3, name: /^(✓ )?Right|(≈ )?Defensible|(✗ )?Not quite/ })).toBeVisible();
}
