import { expect, test, type Page } from '@playwright/test';
import { SCENARIO_HEADER, submit, unique } from './support';

// Whatever people type — names, class titles, imported scenario text — is shown as text wherever it appears:
// markup does not become elements, javascript: URLs do not become links, and no script runs.

const MARKUP = `<script>alert('x')</script><img src=x onerror=alert(1)><a href="javascript:alert(2)">click</a><b>bold</b>`;
// Titles may be 120 characters and names 80 (the forms say so), so they carry shorter samples.
const TITLE_MARKUP = `<script>alert('x')</script><img src=x onerror=alert(1)><a href="javascript:alert(2)">x</a>`;
const NAME_MARKUP = `<b>bold</b><img src=x onerror=alert(1)>`;

function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

/** Nothing of the markup became an element on this page. */
async function noInjectedElements(page: Page) {
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
  expect(
    await page
      .locator('main b')
      .filter({ hasText: /^bold$/ })
      .count(),
  ).toBe(0);
  expect(await page.locator('script:not([src])').filter({ hasText: "alert('x')" }).count()).toBe(0);
}

async function signUp(page: Page, name: string, role: 'learner' | 'instructor', next = '/account'): Promise<void> {
  await page.goto(`/signup?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(`${unique(role)}@example.com`);
  await page.getByLabel('Password').fill('markup stays text 1');
  if (role === 'instructor') await page.getByLabel(/an instructor/).check();
  await submit(page, 'Create account');
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

const csvCell = (v: string) => `"${v.replace(/"/g, '""')}"`;

test.describe('what people type is shown as text', () => {
  test('class titles and names with markup and javascript: URLs, on every page that shows them', async ({ browser }) => {
    test.setTimeout(120_000);
    const title = `${TITLE_MARKUP} ${unique('c')}`;
    const learnerName = `${NAME_MARKUP} Lee ${unique('l')}`;

    const teacher = await (await browser.newContext()).newPage();
    const teacherDialogs = watchDialogs(teacher);
    await signUp(teacher, `${NAME_MARKUP} Tess`, 'instructor', '/teach');
    await teacher.getByLabel('Class name').fill(title);
    await submit(teacher, 'Create class');
    await expect(teacher.getByRole('heading', { level: 1 })).toHaveText(title);
    const classId = teacher.url().split('/').pop()!;
    const code = (await teacher.getByTestId('join-code').getAttribute('data-code'))!;
    await noInjectedElements(teacher);
    await teacher.goto('/teach');
    await expect(teacher.getByText(title)).toBeVisible();
    await noInjectedElements(teacher);

    const learner = await (await browser.newContext()).newPage();
    const learnerDialogs = watchDialogs(learner);
    await signUp(learner, learnerName, 'learner', `/join/${code}`);
    await expect(learner.getByRole('heading', { level: 1 })).toHaveText(title);
    await noInjectedElements(learner);
    await submit(learner, `Join ${title}`);
    await expect(learner.getByTestId('joined')).toContainText(title);
    await noInjectedElements(learner);
    for (const path of ['/classes', '/account']) {
      await learner.goto(path);
      await expect(learner.locator('main')).toContainText(path === '/account' ? learnerName : title);
      await noInjectedElements(learner);
    }
    await expect(learner.getByTestId('user-menu')).toContainText(NAME_MARKUP);

    for (const path of [`/teach/${classId}`, `/teach/${classId}/items`, `/teach/${classId}/confusion`]) {
      await teacher.goto(path);
      await expect(teacher.locator('main')).toContainText(title);
      await noInjectedElements(teacher);
    }
    await teacher.goto(`/teach/${classId}`);
    await expect(teacher.getByTestId('roster-row').filter({ hasText: learnerName })).toHaveCount(1);
    expect(teacherDialogs).toEqual([]);
    expect(learnerDialogs).toEqual([]);
  });

  test('an imported scenario set with markup in its title and text is practised as text', async ({ page }) => {
    const dialogs = watchDialogs(page);
    await signUp(page, 'Ima Porter', 'learner');
    const setTitle = `${TITLE_MARKUP} ${unique('s')}`;
    const row = [
      'markup-case',
      `A thermostat ${MARKUP}`,
      'other',
      `In training a room was occupied exactly when its lights were on. ${MARKUP} In a new building it heated empty lit rooms.`,
      'goal-misgeneralization',
      'right',
      'generalized',
      'proxy',
      `Occupants rated comfort. ${MARKUP}`,
      'It ran the heating as smoothly as ever.',
      'Lights and people always coincided in training.',
      `heat rooms whose lights are on ${MARKUP}`,
      `A cue that went with the target in training became the target. ${MARKUP}`,
      'paper',
      'javascript:alert(3)',
      'intro',
      'multi-objective-generalization',
    ]
      .map(csvCell)
      .join(',');
    await page.goto('/practice/import');
    await page.getByLabel('Title of the set').fill(setTitle);
    await page.getByRole('radio', { name: 'CSV' }).check();
    await page.getByLabel('Paste the scenarios').fill(`${SCENARIO_HEADER}\n${row}`);
    await submit(page, 'Import set');
    await expect(page.getByText(/Imported 1 scenario into/)).toContainText(setTitle);
    await expect(page.getByRole('region', { name: 'Your sets' }).getByRole('link', { name: setTitle, exact: true })).toBeVisible();
    await noInjectedElements(page);

    await page.getByRole('link', { name: 'Practise the new set' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(setTitle);
    const drill = page.locator('section[data-phase]');
    await expect(drill).toContainText(`In training a room was occupied exactly when its lights were on. ${MARKUP}`);
    await noInjectedElements(page);
    await drill.getByRole('heading', { level: 2 }).first().focus();
    for (const k of '21121') await page.keyboard.press(k);
    await page.keyboard.press('Enter');
    await expect(drill.getByRole('heading', { level: 3 })).toBeFocused();
    await expect(drill).toContainText(`A cue that went with the target in training became the target. ${MARKUP}`);
    await expect(drill).toContainText('javascript:alert(3)');
    await noInjectedElements(page);
    expect(dialogs).toEqual([]);
  });
});
