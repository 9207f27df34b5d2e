import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { countRows, e2eDb, SCENARIO_HEADER as HEADER, scenarioRow as row, submit, unique } from './support';

async function signUp(page: Page, next: string): Promise<string> {
  const email = `${unique('drill')}@example.com`;
  await page.goto(`/signup?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Name').fill('Drill Learner');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('classify all the things 1');
  await submit(page, 'Create account');
  await expect(page.getByTestId('user-menu')).toBeVisible();
  return (e2eDb().prepare('SELECT id FROM User WHERE email = ?').get(email) as { id: string }).id;
}

/** Answers the open scenario by keys alone: focus its title, 1/2/3/4 for each question in turn, Enter to check. */
async function answerByKeys(page: Page, drill: Locator, keys: string): Promise<string> {
  const id = (await drill.getAttribute('data-scenario-id'))!;
  await drill.getByRole('heading', { level: 2 }).first().focus();
  for (const k of keys) await page.keyboard.press(k);
  await page.keyboard.press('Enter');
  await expect(drill.getByRole('heading', { level: 3, name: /^(✓ )?Right|(≈ )?Defensible|(✗ )?Not quite/ })).toBeFocused();
  return id;
}

test.describe('the classifier drill', () => {
  test('a learner runs a chapter set by keyboard, each answer is stored once, then imports a set and practises it', async ({ page }) => {
    const userId = await signUp(page, '/practice');
    await expect(page).toHaveURL(/\/practice$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Practice: classify the failure' })).toBeVisible();
    await expect(page.getByText('You have not imported a set yet.')).toBeVisible();
    await expect(page.getByText('Nothing to review yet: scenarios you get wrong land here.')).toBeVisible();

    await page.getByRole('link', { name: /Scheming/ }).click();
    await expect(page).toHaveURL(/\/practice\?chapter=scheming$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Chapter: Scheming' })).toBeVisible();
    const drill = page.locator('section[data-phase]');
    const total = Number(/of (\d+)/.exec((await drill.getByText(/^Scenario 1 of \d+ · 0 right$/).textContent())!)![1]);
    expect(total).toBeGreaterThan(1);

    const answered: string[] = [];
    for (let i = 0; i < total; i += 1) {
      await expect(drill.getByText(new RegExp(`^Scenario ${i + 1} of ${total} · \\d+ right$`))).toBeVisible();
      // Alternate a goal-misgeneralization reading with a specification-gaming one.
      answered.push(await answerByKeys(page, drill, i % 2 === 0 ? '11221' : '21312'));
      await page.keyboard.press('n');
      if (i + 1 < total) await expect(drill.getByRole('heading', { level: 2 }).first()).toBeFocused();
    }
    await expect(page.getByRole('heading', { name: new RegExp(`^Finished: \\d+ of ${total} right$`) })).toBeFocused();

    // Every answer was stored exactly once, as a scenario attempt under its scenario id.
    await expect.poll(() => countRows('Attempt', 'userId = ? AND itemKind = ?', userId, 'scenario')).toBe(total);
    expect(countRows('Attempt', 'userId = ? AND itemId = ? AND itemKind = ?', userId, answered[0], 'scenario')).toBe(1);

    const scan = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

    // Import a CSV with one valid row and one invalid one.
    await page.goto('/practice/import');
    await expect(page.getByRole('heading', { level: 1, name: 'Import a scenario set' })).toBeVisible();
    await page.getByLabel('Title of the set').fill('My office cases');
    await page.getByRole('radio', { name: 'CSV' }).check();
    await page.getByLabel('Paste the scenarios').fill([HEADER, row('office-heating-lights', 'goal-misgeneralization'), row('office-heating-bad', 'wrong-goal')].join('\n'));
    await submit(page, 'Import set');
    await expect(page.getByText(/Imported 1 scenario into “My office cases”/)).toBeVisible();
    const rejected = page.getByRole('table', { name: 'Rows not imported' }).getByRole('row').nth(1);
    await expect(rejected).toContainText('2');
    await expect(rejected.getByRole('cell').nth(1)).toHaveText('label');
    await expect(page.getByRole('region', { name: 'Your sets' }).getByRole('link', { name: 'My office cases' })).toBeVisible();
    const importScan = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(importScan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

    // Practise the new set.
    await page.getByRole('link', { name: 'Practise the new set' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My office cases' })).toBeVisible();
    await expect(drill.getByText('Scenario 1 of 1 · 0 right')).toBeVisible();
    await answerByKeys(page, drill, '11221');
    await expect(drill.getByRole('heading', { level: 3, name: /Right: goal misgeneralization/ })).toBeVisible();
    const setId = new URL(page.url()).searchParams.get('set')!;
    await expect.poll(() => countRows('Attempt', 'userId = ? AND itemId = ?', userId, `set:${setId}:office-heating-lights`)).toBe(1);
  });

  test('a guest gets a clear message for an unknown set, and sees their misses from this browser', async ({ page }) => {
    const res = await page.goto('/practice?chapter=no-such-chapter');
    expect(res?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'That practice set does not exist' })).toBeVisible();
    await expect(page.getByText('There is no chapter called “no-such-chapter”.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Choose a practice set' })).toHaveAttribute('href', '/practice');

    await page.goto('/practice?set=missed');
    await expect(page.getByText(/Nothing to review yet/)).toBeVisible();

    // A guest's answers stay in this browser; the ones they got wrong come back under "The ones I missed".
    await page.goto('/practice?difficulty=intro');
    const drill = page.locator('section[data-phase]');
    const answeredId = await answerByKeys(page, drill, '11221');
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('goalpost-guest-v1') ?? '{}'));
    expect(stored.attempts.map((a: { itemKind: string; itemId: string }) => [a.itemKind, a.itemId])).toEqual([['scenario', answeredId]]);
    await page.evaluate(() => {
      const data = JSON.parse(localStorage.getItem('goalpost-guest-v1') ?? '{}');
      data.attempts.push({ idempotencyKey: 'e2emissed01', itemKind: 'scenario', itemId: 'shuttle-unsigned-stop', chapter: null, response: {}, correct: false, confident: true, durationMs: 1, firstAttempt: true, createdAt: new Date().toISOString() });
      localStorage.setItem('goalpost-guest-v1', JSON.stringify(data));
    });
    await page.goto('/practice?set=missed');
    await expect(page.locator('section[data-scenario-id="shuttle-unsigned-stop"]')).toBeVisible();
  });
});
