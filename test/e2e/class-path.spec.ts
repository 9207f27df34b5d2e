// The whole class path with an imported set (issue 15): an instructor imports a set with a contested row, assigns it,
// two learners join and complete it, and the roster, item statistics, confusion view and both CSV exports show their
// work under readable titles, with numbers that match the stored rows.
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { countRows, e2eDb, signUpInBrowser as signUp, submit, unique } from './support';

const CSV_HEADER =
  'id,title,domain,description,label,training,shift,competence,goal_pursued,rationale,source_kind,source_ref,difficulty,chapter,contested,acceptable,argument_goal_misgeneralization,argument_capability_failure';

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

const HEATING = {
  id: 'office-heating-lights',
  title: 'A heating controller in a new office building',
  row: [
    'office-heating-lights',
    'A heating controller in a new office building',
    'facilities',
    q(
      'In the training offices a room was occupied exactly when its lights were on. In a new building where cleaners switch lights on at night, the controller heated empty rooms all night.',
    ),
    'goal-misgeneralization',
    'no',
    'yes',
    'yes',
    'heat the rooms whose lights are on',
    q('The controller is as skilful as before and the reward had no flaw; a cue that went with the target in training became the target.'),
    'constructed',
    '',
    'intro',
    'multi-objective-generalization',
    '',
    '',
    '',
    '',
  ],
};

/** A contested row: two acceptable labels, an argument for each, "either" where the readings differ. */
const CUPS = {
  id: 'lab-robot-cups',
  title: 'A lab robot that stacks cups in a new kitchen',
  row: [
    'lab-robot-cups',
    'A lab robot that stacks cups in a new kitchen',
    'kitchen robots',
    q(
      'In the lab every cup was white and stood on a blue mat. In a customer kitchen with red cups on wooden shelves, the robot stacked the white plates from the shelf and left the cups where they were.',
    ),
    'goal-misgeneralization',
    'no',
    'yes',
    'either',
    'stack white things from the mat',
    q('Either the robot learned to stack white objects (a goal that fitted training as well), or it never learned to see red cups at all.'),
    'constructed',
    '',
    'core',
    '',
    'yes',
    'goal-misgeneralization; capability-failure',
    q('It stacked the plates neatly and with purpose: it pursued a goal that matched the lab, stacking white things.'),
    q('It may simply not recognise red cups as cups; stacking plates could be the only stacking it can still see to do.'),
  ],
};

/** Answers the open scenario by keys: training, shift, competence (1 yes, 2 no), label (1-3), sure; Enter checks. */
async function answerByKeys(page: Page, drill: Locator, keys: string): Promise<void> {
  await drill.getByRole('heading', { level: 2 }).first().focus();
  for (const k of keys) await page.keyboard.press(k);
  await page.keyboard.press('Enter');
  await expect(drill.getByRole('heading', { level: 3, name: /^(✓ )?Right|(≈ )?Defensible|(✗ )?Not quite/ })).toBeFocused();
}

const RIGHT = '21121'; // no, yes, yes, goal misgeneralization, sure
const MISREAD_TRAINING = '11121'; // the right label for a wrong reason

/** A learner joins by the invite link, opens the assignment from /classes and answers the set; `misread` is answered for a wrong reason. */
async function learnerDoesTheSet(browser: Browser, code: string, classTitle: string, setId: string, name: string, misread: string | null) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/join/${code}`);
  const email = await signUp(page, `/join/${code}`, name, 'learner');
  await expect(page).toHaveURL(new RegExp(`/join/${code}$`));
  await submit(page, `Join ${classTitle}`);
  await expect(page).toHaveURL(/\/classes\?joined=/);
  const card = page.getByTestId('joined-class');
  await card.getByRole('link', { name: 'Classifier drill: My office cases' }).click();
  await expect(page).toHaveURL(new RegExp(`/practice\\?set=${setId}$`));
  // The bug this guards against: the learner was shown "Set not found" for a set assigned to their class.
  await expect(page.getByRole('heading', { level: 1, name: 'My office cases' })).toBeVisible();
  await expect(page.getByText('Set not found')).toHaveCount(0);
  const drill = page.locator('section[data-phase]');
  for (let i = 0; i < 2; i++) {
    const shown = (await drill.getAttribute('data-scenario-id'))!;
    await answerByKeys(page, drill, shown === misread ? MISREAD_TRAINING : RIGHT);
    if (i === 0) await page.keyboard.press('n');
  }
  const userId = (e2eDb().prepare('SELECT id FROM User WHERE email = ?').get(email) as { id: string }).id;
  await expect.poll(() => countRows('Attempt', 'userId = ? AND itemKind = ?', userId, 'scenario')).toBe(2);
  await page.goto('/classes');
  await expect(page.getByTestId('joined-class')).toContainText(/Done/);
  await context.close();
  return { email, userId };
}

test.describe('a class with an imported set, start to finish', () => {
  test('import (with a contested row) → assign → two learners complete → roster, items, confusion and both CSVs', async ({ browser }) => {
    test.setTimeout(300_000);
    const classTitle = `Office seminar ${unique('c')}`;
    const teacherContext = await browser.newContext();
    const teacher = await teacherContext.newPage();
    await signUp(teacher, '/teach', 'Tess Teacher', 'instructor');

    // ---- Import: both rows, the contested one included, in one try ----
    await teacher.goto('/practice/import');
    await teacher.getByLabel('Title of the set').fill('My office cases');
    await teacher.getByRole('radio', { name: 'CSV' }).check();
    await teacher.getByLabel('Paste the scenarios').fill([CSV_HEADER, HEATING.row.join(','), CUPS.row.join(',')].join('\n'));
    await submit(teacher, 'Import set');
    await expect(teacher.getByText(/Imported 2 scenarios into “My office cases”/)).toBeVisible();
    await expect(teacher.getByRole('region', { name: 'Rows not imported' })).toHaveCount(0);
    const setRow = e2eDb()
      .prepare('SELECT id, scenarios FROM ScenarioSet WHERE title = ? ORDER BY createdAt DESC')
      .get('My office cases') as { id: string; scenarios: string };
    const setId = setRow.id;
    const stored = JSON.parse(setRow.scenarios) as { id: string; contested?: boolean; acceptable?: string[]; domain: string }[];
    expect(stored.map((s) => s.id)).toEqual([HEATING.id, CUPS.id]);
    expect(stored[1]).toMatchObject({ contested: true, acceptable: ['goal-misgeneralization', 'capability-failure'] });

    // ---- A class, and the set assigned with the default title ----
    await teacher.goto('/teach');
    await teacher.getByLabel('Class name').fill(classTitle);
    await submit(teacher, 'Create class');
    await expect(teacher).toHaveURL(/\/teach\/[a-z0-9]+$/);
    const classId = teacher.url().split('/').pop()!;
    const code = (await teacher.getByTestId('join-code').getAttribute('data-code'))!;
    await teacher.getByLabel('A classifier drill set').check();
    await teacher.getByLabel('Drill set', { exact: true }).selectOption(`set:${setId}`);
    await submit(teacher, 'Create assignment');
    await expect(teacher.getByText('Assignment created.')).toBeVisible();
    await expect(teacher.getByTestId('assignment-row')).toContainText('Classifier drill: My office cases');
    const assignment = e2eDb().prepare('SELECT id, title, dueAt FROM Assignment WHERE classId = ?').get(classId) as {
      id: string;
      title: string;
      dueAt: number | string;
    };
    expect(assignment.title).toBe('Classifier drill: My office cases');

    // ---- Two learners join and complete it; the second reads the training question wrongly once ----
    const ana = await learnerDoesTheSet(browser, code, classTitle, setId, 'Ana Learner', null);
    const ben = await learnerDoesTheSet(browser, code, classTitle, setId, 'Ben Learner', HEATING.id);

    // What was stored: every first attempt, per learner.
    const firstAttempts = (userId: string) =>
      e2eDb().prepare('SELECT itemId, correct FROM Attempt WHERE userId = ? AND firstAttempt = 1 ORDER BY itemId').all(userId) as {
        itemId: string;
        correct: number;
      }[];
    const itemIds = [`set:${setId}:${HEATING.id}`, `set:${setId}:${CUPS.id}`].sort();
    expect(firstAttempts(ana.userId)).toEqual(itemIds.map((itemId) => ({ itemId, correct: 1 })));
    expect(firstAttempts(ben.userId)).toEqual(itemIds.map((itemId) => ({ itemId, correct: itemId.endsWith(HEATING.id) ? 0 : 1 })));
    const scoreOf = (userId: string) => {
      const rows = firstAttempts(userId);
      return rows.filter((r) => r.correct).length / rows.length;
    };

    // ---- Roster ----
    await teacher.goto(`/teach/${classId}`);
    for (const who of [ana, ben]) {
      const row = teacher.getByTestId('roster-row').filter({ hasText: who.email });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText('Done');
      await expect(row).toContainText(`${Math.round(scoreOf(who.userId) * 100)}%`);
    }
    await expect(teacher.getByTestId('roster')).not.toContainText(setId);

    // ---- Item statistics: each scenario by its title, with both answers ----
    await teacher.goto(`/teach/${classId}/items`);
    for (const s of [HEATING, CUPS]) {
      const row = teacher.locator(`[data-testid="item-row"][data-item-id="set:${setId}:${s.id}"]`);
      await expect(row).toHaveCount(1);
      await expect(row.getByRole('rowheader')).toContainText(s.title);
      await expect(row.getByRole('rowheader')).not.toContainText(setId);
      await expect(row.getByRole('cell').first()).toHaveText('2');
    }

    // ---- Confusion view: four first answers; the misread training question is the one the class gets wrong ----
    await teacher.goto(`/teach/${classId}/confusion`);
    await expect(teacher.getByTestId('class-confusion')).toContainText('4 first answers');
    const misreadRow = teacher.getByTestId('misread-by-label').locator('tr[data-label="goal-misgeneralization"]');
    await expect(misreadRow).toContainText('During training, did the unwanted behaviour already pay off?');
    await expect(misreadRow).toContainText('1 of 4');
    await expect(teacher.getByTestId('monday')).not.toContainText(setId);

    // ---- Gradebook CSV: columns named by the assignment's title and due date; numbers from the stored rows ----
    const gb = (await (await teacher.request.get(`/teach/${classId}/gradebook.csv`)).text()).replace(/^\uFEFF/, '').split('\r\n');
    const due = new Date(
      typeof assignment.dueAt === 'string' && /^\d+$/.test(assignment.dueAt) ? Number(assignment.dueAt) : assignment.dueAt,
    )
      .toISOString()
      .slice(0, 10);
    const named = `Classifier drill: My office cases (due ${due})`;
    expect(gb[0]).toBe(`learner_name,learner_email,last_active,${named} status,${named} score,completion,mean_score,late_count`);
    expect(gb[0]).not.toContain(assignment.id);
    for (const who of [ana, ben]) {
      const line = gb.find((l) => l.includes(`,${who.email},`))!;
      const cells = line.split(',');
      expect(cells[3]).toBe('done');
      expect(Number(cells[4])).toBeCloseTo(scoreOf(who.userId), 4);
      expect(Number(cells[5])).toBe(1); // completion
    }

    // ---- Attempts CSV: every answer, each naming its scenario by title ----
    const attempts = (await (await teacher.request.get(`/teach/${classId}/attempts.csv`)).text()).replace(/^\uFEFF/, '').split('\r\n');
    const header = attempts[0]!.split(',');
    expect(header).toContain('item_title');
    for (const who of [ana, ben]) {
      const mine = attempts.filter((l) => l.includes(`,${who.email},`));
      expect(mine).toHaveLength(countRows('Attempt', 'userId = ?', who.userId));
      for (const s of [HEATING, CUPS]) expect(mine.filter((l) => l.includes(`,set:${setId}:${s.id},${s.title},`))).toHaveLength(1);
    }

    await teacherContext.close();
  });
});
