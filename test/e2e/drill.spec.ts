import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { loadScenarioBank } from '../../lib/content/scenarios';
import type { Scenario } from '../../lib/learning/scenario-schema';
import {
  countRows,
  e2eDb,
  misreadTrainingKeys,
  SCENARIO_HEADER as HEADER,
  scenarioRow as row,
  scrollToTop,
  submit,
  unique,
} from './support';

/** The keys that answer a scenario as the case itself does: its three answers, its label, sure. */
function rightKeys(s: Scenario): string {
  const yesNo = (a: string) => (a === 'no' ? '2' : '1');
  const label = String(['specification-gaming', 'goal-misgeneralization', 'capability-failure'].indexOf(s.label) + 1);
  return `${yesNo(s.questions.training.answer)}${yesNo(s.questions.shift.answer)}${yesNo(s.questions.competence.answer)}${label}1`;
}

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
      answered.push(await answerByKeys(page, drill, i % 2 === 0 ? '21121' : '12111'));
      await page.keyboard.press('n');
      if (i + 1 < total) await expect(drill.getByRole('heading', { level: 2 }).first()).toBeFocused();
    }
    await expect(page.getByRole('heading', { name: new RegExp(`^Finished: \\d+ of ${total} right$`) })).toBeFocused();

    // Every answer was stored exactly once, as a scenario attempt under its scenario id.
    await expect.poll(() => countRows('Attempt', 'userId = ? AND itemKind = ?', userId, 'scenario')).toBe(total);
    expect(countRows('Attempt', 'userId = ? AND itemId = ? AND itemKind = ?', userId, answered[0], 'scenario')).toBe(1);

    await scrollToTop(page);
    const scan = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

    // Import a CSV with one valid row and one invalid one.
    await page.goto('/practice/import');
    await expect(page.getByRole('heading', { level: 1, name: 'Import a scenario set' })).toBeVisible();
    await page.getByLabel('Title of the set').fill('My office cases');
    await page.getByRole('radio', { name: 'CSV' }).check();
    await page
      .getByLabel('Paste the scenarios')
      .fill([HEADER, row('office-heating-lights', 'goal-misgeneralization'), row('office-heating-bad', 'wrong-goal')].join('\n'));
    await submit(page, 'Import set');
    await expect(page.getByText(/Imported 1 scenario into “My office cases”/)).toBeVisible();
    const rejected = page.getByRole('table', { name: 'Rows not imported' }).getByRole('row').nth(1);
    await expect(rejected).toContainText('2');
    await expect(rejected.getByRole('cell').nth(1)).toHaveText('office-heating-bad'); // the row's id
    await expect(rejected.getByRole('cell').nth(2)).toHaveText('label');
    await expect(rejected.getByRole('cell').nth(3)).toHaveText(
      'must be one of specification-gaming, goal-misgeneralization, capability-failure',
    );
    await expect(page.getByRole('region', { name: 'Your sets' }).getByRole('link', { name: 'My office cases', exact: true })).toBeVisible();
    await scrollToTop(page);
    const importScan = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(importScan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

    // Practise the new set.
    await page.getByRole('link', { name: 'Practise the new set' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My office cases' })).toBeVisible();
    await expect(drill.getByText('Scenario 1 of 1 · 0 right')).toBeVisible();
    await answerByKeys(page, drill, '21121');
    await expect(drill.getByRole('heading', { level: 3, name: /Right: goal misgeneralization/ })).toBeVisible();
    const setId = new URL(page.url()).searchParams.get('set')!;
    await expect.poll(() => countRows('Attempt', 'userId = ? AND itemId = ?', userId, `set:${setId}:office-heating-lights`)).toBe(1);
  });

  test('one family, played through: a misread training question highlights its sentence, and each answer is stored', async ({ page }) => {
    const userId = await signUp(page, '/practice?family=coinrun-coin');
    await expect(page).toHaveURL(/family=coinrun-coin/);
    const family = loadScenarioBank().scenarios.filter((s) => s.family === 'coinrun-coin');
    expect(new Set(family.map((s) => s.label)).size).toBeGreaterThanOrEqual(2);
    const drill = page.locator('section[data-phase]');
    await expect(drill.getByText(`Scenario 1 of ${family.length} · 0 right`)).toBeVisible();

    const answered: { id: string; misread: boolean }[] = [];
    for (let i = 0; i < family.length; i += 1) {
      const id = (await drill.getAttribute('data-scenario-id'))!;
      const s = family.find((x) => x.id === id)!;
      const misread = i === 0;
      const keys = misread ? misreadTrainingKeys(s) : rightKeys(s);
      await answerByKeys(page, drill, keys);
      if (misread) {
        // The label is right, the reason is not: not counted, and the sentence that decides the training question is marked.
        await expect(drill.getByRole('heading', { level: 3, name: /^Right label, wrong reason/ })).toBeVisible();
        const marked = drill.locator('mark[data-questions~="training"]');
        await expect(marked.first()).toBeVisible();
        const text = (await marked.allTextContents()).join(' ');
        for (const sentence of s.questions.training.evidence) expect(text).toContain(sentence);
        await expect(drill.getByTestId('evidence-training')).toContainText(s.questions.training.evidence[0]!);
        await expect(drill.getByText(`Scenario 1 of ${family.length} · 0 right`)).toBeVisible();
      } else {
        await expect(drill.getByRole('heading', { level: 3, name: /^Right: .*for the right reasons/ })).toBeVisible();
        await expect(drill.locator('mark')).toHaveCount(0);
      }
      answered.push({ id, misread });
      await page.keyboard.press('n');
    }
    await expect(page.getByRole('heading', { name: `Finished: ${family.length - 1} of ${family.length} right` })).toBeFocused();
    const first = family.find((x) => x.id === answered[0]!.id)!;
    await expect(page.getByTestId('top-misread')).toContainText('During training, did the unwanted behaviour already pay off?');
    await expect(page.getByTestId('top-misread')).toContainText(first.title);

    // Each stored attempt holds the answer to every question, the questions it got wrong, and whether it counted.
    const rows = e2eDb()
      .prepare('SELECT itemId, response, correct FROM Attempt WHERE userId = ? AND itemKind = ? ORDER BY createdAt')
      .all(userId, 'scenario') as { itemId: string; response: string; correct: number }[];
    expect(rows.map((r) => r.itemId)).toEqual(answered.map((a) => a.id));
    for (const [i, r] of rows.entries()) {
      const s = family.find((x) => x.id === r.itemId)!;
      const response = JSON.parse(r.response) as { label: string; answers: Record<string, string>; wrong: string[] };
      expect(response.label).toBe(s.label);
      expect(Object.keys(response.answers).sort()).toEqual(['competence', 'shift', 'training']);
      expect(response.wrong).toEqual(answered[i]!.misread ? ['training'] : []);
      expect(r.correct).toBe(answered[i]!.misread ? 0 : 1);
    }

    // The dashboard names the question misread most for that failure mode, from the stored answers.
    await page.goto('/dashboard');
    await expect(page.getByTestId(`misread-${first.label}`)).toContainText('what paid off in training');
    await expect(page.getByTestId(`misread-${first.label}`)).toContainText('(1 of 1)');
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
    const answeredId = await answerByKeys(page, drill, '21121');
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('goalpost-guest-v1') ?? '{}'));
    expect(stored.attempts.map((a: { itemKind: string; itemId: string }) => [a.itemKind, a.itemId])).toEqual([['scenario', answeredId]]);
    await page.evaluate(() => {
      const data = JSON.parse(localStorage.getItem('goalpost-guest-v1') ?? '{}');
      data.attempts.push({
        idempotencyKey: 'e2emissed01',
        itemKind: 'scenario',
        itemId: 'shuttle-unsigned-stop',
        chapter: null,
        response: {},
        correct: false,
        confident: true,
        durationMs: 1,
        firstAttempt: true,
        createdAt: new Date().toISOString(),
      });
      localStorage.setItem('goalpost-guest-v1', JSON.stringify(data));
    });
    // The missed set is the shuttle plus the first answer if the server graded it wrong, shown in a shuffled order.
    const firstRight = (await page.evaluate(() => JSON.parse(localStorage.getItem('goalpost-guest-v1') ?? '{}'))).attempts[0]
      .correct as boolean;
    const missed = firstRight ? ['shuttle-unsigned-stop'] : [answeredId, 'shuttle-unsigned-stop'];
    await page.goto('/practice?set=missed');
    await expect(page.getByText(`Scenario 1 of ${missed.length} · 0 right`)).toBeVisible();
    expect(missed).toContain(await page.locator('section[data-scenario-id]').getAttribute('data-scenario-id'));
  });
});
