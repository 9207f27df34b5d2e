// The scenario workshop end to end (issue 19, "Done when"): an instructor opens a workshop assignment; two learners
// each write a scenario; three learners classify them blind; the author and the instructor see the agreement figures
// this test computes itself from the stored rows; the instructor promotes one into a set and a learner practises it.
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { countRows, e2eDb, SCENARIO_HEADER, scenarioRow, signUpInBrowser, submit, unique } from './support';

type Label = 'specification-gaming' | 'goal-misgeneralization' | 'capability-failure';
const LABELS: Label[] = ['specification-gaming', 'goal-misgeneralization', 'capability-failure'];

interface Written {
  title: string;
  sentences: [string, string, string];
  label: Label;
  labelText: string;
  answers: ['yes' | 'no', 'yes' | 'no', 'yes' | 'no'];
  rationale: string;
}

const ADA: Written = {
  title: 'The loading dock robot',
  sentences: [
    'A warehouse robot was paid for every parcel its scanner logged at the dock.',
    'It learned to wave one parcel past the scanner again and again.',
    'It turned the parcel with quick, sure movements each time.',
  ],
  label: 'specification-gaming',
  labelText: 'Specification gaming',
  answers: ['yes', 'no', 'yes'],
  rationale: 'The count of scans was what paid, and waving one parcel earned it from the first day of training on.',
};
const BEA: Written = {
  title: 'The greenhouse watering drone',
  sentences: [
    'In the training greenhouse every dry plant stood under a yellow lamp.',
    'In a new greenhouse with yellow lamps over the paths, the drone sprayed the paths.',
    'It flew its route neatly and emptied its tank exactly on the lit spots.',
  ],
  label: 'goal-misgeneralization',
  labelText: 'Goal misgeneralization',
  answers: ['no', 'yes', 'yes'],
  rationale: 'Watering dry plants was rewarded correctly; the lamp only went with dryness in training and became the target.',
};

async function signUp(page: Page, next: string, name: string, role: 'learner' | 'instructor'): Promise<{ email: string; id: string }> {
  const email = await signUpInBrowser(page, next, name, role);
  const id = (e2eDb().prepare('SELECT id FROM User WHERE email = ?').get(email) as { id: string }).id;
  return { email, id };
}

async function learnerJoins(browser: Browser, code: string, classTitle: string, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/join/${code}`);
  const who = await signUp(page, `/join/${code}`, name, 'learner');
  await submit(page, `Join ${classTitle}`);
  await expect(page).toHaveURL(/\/classes\?joined=/);
  return { ...who, name, page, context };
}

async function write(page: Page, w: Written) {
  await page.getByRole('link', { name: 'Write a scenario' }).click();
  await page.getByLabel('Title', { exact: true }).fill(w.title);
  await page.getByLabel('The scenario', { exact: true }).fill(w.sentences.join(' '));
  await page.getByRole('radio', { name: w.labelText }).check();
  for (const [i, name] of [/During training/, /conditions that differ/, /still act skilfully/].entries()) {
    const group = page.getByRole('group', { name });
    await group.getByRole('radio', { name: w.answers[i] === 'yes' ? /^Yes/ : /^No/ }).check();
    await group.getByLabel('The sentence that decides it').selectOption(w.sentences[i]!);
  }
  await page.getByLabel('Why (optional)').fill(w.rationale);
  // The preview shows the scenario as the drill will, and the checks pass before it is sent.
  await expect(page.getByRole('article', { name: 'Preview of your scenario' })).toContainText(w.sentences[1]);
  await expect(page.getByTestId('check-state')).toHaveText('Passes every check.');
  await page.getByRole('button', { name: 'Submit to the class' }).click();
  await expect(page.getByTestId('workshop-saved')).toBeVisible();
}

/** Keys for the drill: training, shift, competence (1 yes, 2 no), label (1-3), then Sure. */
const keysFor = (label: Label, answers: readonly ('yes' | 'no')[]) =>
  `${answers.map((a) => (a === 'yes' ? '1' : '2')).join('')}${LABELS.indexOf(label) + 1}1`;

/** Classifies every waiting scenario blind; `reading` says how this learner reads each (by title). */
async function classify(
  page: Page,
  classId: string,
  reading: Record<string, { label: Label; answers: ('yes' | 'no')[] }>,
  hidden: { names: string[]; rationales: string[] },
) {
  await page.goto(`/classes/${classId}/workshop`);
  await page.getByRole('link', { name: /^Classify/ }).click();
  await expect(page).toHaveURL(new RegExp(`/classes/${classId}/workshop/classify$`));
  const drill = page.locator('section[data-phase]');
  await expect(drill).toHaveAttribute('data-phase', 'answering');
  // Blind: before any answer, nothing on the page (HTML and the data sent with it) names an author or their reasons.
  const before = await page.content();
  for (const n of hidden.names) expect(before).not.toContain(n);
  for (const r of hidden.rationales) expect(before).not.toContain(r);
  const n = Object.keys(reading).length;
  for (let i = 0; i < n; i++) {
    const title = (await drill.getByRole('heading', { level: 2 }).first().textContent())!.trim();
    const r = reading[title]!;
    expect(r, `a reading for “${title}”`).toBeTruthy();
    await drill.getByRole('heading', { level: 2 }).first().focus();
    for (const k of keysFor(r.label, r.answers)) await page.keyboard.press(k);
    await page.keyboard.press('Enter');
    await expect(
      drill.getByRole('heading', { level: 3, name: /^(✓ )?Right|(≈ )?Defensible|(✗ )?Not quite|(½ )?Right label/ }),
    ).toBeFocused();
    // Now, and only now, the author is named.
    await expect(drill.getByTestId('workshop-author')).toBeVisible();
    if (i < n - 1) await page.keyboard.press('n');
  }
}

/** Fleiss' kappa written out again here, independently of lib/learning/agreement.ts, over rows of label counts. */
function kappaOf(rows: number[][]): number {
  const used = rows.filter((r) => r.reduce((a, b) => a + b, 0) >= 2);
  const total = used.reduce((a, r) => a + r.reduce((x, y) => x + y, 0), 0);
  let pBar = 0;
  for (const r of used) {
    const n = r.reduce((a, b) => a + b, 0);
    pBar += r.reduce((a, x) => a + x * (x - 1), 0) / (n * (n - 1)) / used.length;
  }
  let pe = 0;
  for (let j = 0; j < 3; j++) pe += (used.reduce((a, r) => a + r[j]!, 0) / total) ** 2;
  return (pBar - pe) / (1 - pe);
}

test.describe('the scenario workshop', () => {
  test('assign → two write → three classify blind → agreement from the stored rows → promote → practise', async ({ browser }) => {
    test.setTimeout(420_000);
    const classTitle = `Workshop seminar ${unique('w')}`;
    const teacherContext = await browser.newContext();
    const teacher = await teacherContext.newPage();
    const tess = await signUp(teacher, '/teach', 'Tess Teacher', 'instructor');

    // A set of the instructor's own, to promote into.
    await teacher.goto('/practice/import');
    await teacher.getByLabel('Title of the set').fill('Seminar cases');
    await teacher.getByRole('radio', { name: 'CSV' }).check();
    await teacher
      .getByLabel('Paste the scenarios')
      .fill([SCENARIO_HEADER, scenarioRow('office-heating-lights', 'goal-misgeneralization')].join('\n'));
    await submit(teacher, 'Import set');
    await expect(teacher.getByText(/Imported 1 scenario/)).toBeVisible();
    const setId = (e2eDb().prepare('SELECT id FROM ScenarioSet WHERE ownerId = ?').get(tess.id) as { id: string }).id;

    // ---- The class and its workshop assignment ----
    await teacher.goto('/teach');
    await teacher.getByLabel('Class name').fill(classTitle);
    await submit(teacher, 'Create class');
    await expect(teacher).toHaveURL(/\/teach\/[a-z0-9]+$/);
    const classId = teacher.url().split('/').pop()!;
    const code = (await teacher.getByTestId('join-code').getAttribute('data-code'))!;
    await teacher.getByLabel('The scenario workshop (write and classify)').check();
    await teacher.getByLabel('Scenarios to write').fill('1');
    await teacher.getByLabel("Classmates' scenarios to classify").fill('2');
    await submit(teacher, 'Create assignment');
    await expect(teacher.getByText('Assignment created.')).toBeVisible();
    const title = 'Workshop: write one scenario, classify 2';
    await expect(teacher.getByTestId('assignment-row')).toContainText(title);
    await teacher.getByRole('link', { name: 'Open the workshop' }).click();
    await expect(teacher).toHaveURL(new RegExp(`/teach/${classId}/workshop$`));
    await expect(teacher.getByTestId('workshop-help')).toContainText('Promote');

    // ---- Two learners write, each from the assignment on My classes ----
    const ada = await learnerJoins(browser, code, classTitle, 'Ada Author');
    const bea = await learnerJoins(browser, code, classTitle, 'Bea Writer');
    const cai = await learnerJoins(browser, code, classTitle, 'Cai Reader');
    for (const [who, w] of [
      [ada, ADA],
      [bea, BEA],
    ] as const) {
      await who.page.goto('/classes');
      await who.page.getByTestId('joined-class').getByRole('link', { name: title }).click();
      await expect(who.page).toHaveURL(new RegExp(`/classes/${classId}/workshop$`));
      await write(who.page, w);
    }
    const stored = e2eDb()
      .prepare('SELECT id, title, label, authorId FROM WorkshopScenario WHERE classId = ? ORDER BY createdAt')
      .all(classId) as { id: string; title: string; label: Label; authorId: string }[];
    expect(stored.map((s) => [s.title, s.label, s.authorId])).toEqual([
      [ADA.title, ADA.label, ada.id],
      [BEA.title, BEA.label, bea.id],
    ]);

    // ---- Three learners classify blind ----
    const sg = { label: 'specification-gaming' as const, answers: ['yes', 'no', 'yes'] as ('yes' | 'no')[] };
    const gm = { label: 'goal-misgeneralization' as const, answers: ['no', 'yes', 'yes'] as ('yes' | 'no')[] };
    // What each reader must not see before answering: the other authors' names and reasons (their own name is in the header).
    await classify(bea.page, classId, { [ADA.title]: sg }, { names: ['Ada Author'], rationales: [ADA.rationale] });
    await classify(ada.page, classId, { [BEA.title]: gm }, { names: ['Bea Writer'], rationales: [BEA.rationale] });
    await classify(
      cai.page,
      classId,
      { [ADA.title]: gm, [BEA.title]: gm },
      { names: ['Ada Author', 'Bea Writer'], rationales: [ADA.rationale, BEA.rationale] },
    );
    await expect.poll(() => countRows('Attempt', "itemId LIKE 'workshop:%' AND classId = ?", classId)).toBe(4);

    // ---- The figures, computed here from the stored rows ----
    const rows = stored.map((s) => {
      const answers = e2eDb()
        .prepare('SELECT userId, response FROM Attempt WHERE itemId = ? AND firstAttempt = 1 AND userId <> ?')
        .all(`workshop:${s.id}`, s.authorId) as { userId: string; response: string }[];
      const labels = answers.map((a) => (JSON.parse(a.response) as { label: Label }).label);
      return {
        ...s,
        raters: labels.length,
        agreeing: labels.filter((l) => l === s.label).length,
        counts: LABELS.map((l) => labels.filter((x) => x === l).length),
      };
    });
    expect(rows.map((r) => [r.raters, r.agreeing])).toEqual([
      [2, 1],
      [2, 2],
    ]);
    const kappa = kappaOf(rows.map((r) => r.counts));

    // The author sees theirs: "1 of 2 read it as specification gaming", and the class's kappa.
    await ada.page.goto(`/classes/${classId}/workshop`);
    const adaRow = rows[0]!;
    const mine = ada.page.getByTestId('my-scenario');
    await expect(mine).toHaveCount(1);
    await expect(mine.getByTestId('agreement-share')).toContainText(
      `${adaRow.agreeing} of ${adaRow.raters} read it as specification gaming`,
    );
    await expect(mine.getByTestId('agreement-split')).toContainText('During training, did the unwanted behaviour already pay off?');
    await expect(mine.getByTestId('agreement-split')).toContainText(ADA.sentences[0]);
    await expect(ada.page.getByTestId('class-kappa')).toHaveAttribute('data-kappa', kappa.toFixed(3));
    await expect(ada.page.getByTestId('class-kappa')).toContainText(`κ = ${kappa.toFixed(2)}`);
    // A learner sees only their own scenarios' figures.
    await expect(ada.page.getByText(BEA.title)).toHaveCount(0);

    // The instructor sees every submission with the same figures.
    await teacher.goto(`/teach/${classId}/workshop`);
    for (const r of rows) {
      const card = teacher.locator(`[data-testid="submission"][data-scenario-id="${r.id}"]`);
      await expect(card.getByTestId('agreement-share')).toContainText(
        `${r.agreeing} of ${r.raters} read it as ${r.label.replace('-', ' ')}`,
      );
    }
    await expect(teacher.getByTestId('class-kappa')).toHaveAttribute('data-kappa', kappa.toFixed(3));

    // ---- Promote Ada's into the set, assign the set, and a learner practises it ----
    const adaCard = teacher.locator(`[data-testid="submission"][data-scenario-id="${adaRow.id}"]`);
    await adaCard.getByLabel('Promote into').selectOption(setId);
    await adaCard.getByRole('button', { name: 'Promote' }).click();
    await expect(adaCard.getByRole('status')).toContainText('Promoted');
    await expect(adaCard).toContainText('Promoted into a practice set');
    const set = JSON.parse(
      (e2eDb().prepare('SELECT scenarios FROM ScenarioSet WHERE id = ?').get(setId) as { scenarios: string }).scenarios,
    ) as { id: string; title: string; label: string }[];
    const promoted = set.find((s) => s.title === ADA.title)!;
    expect(promoted).toMatchObject({ label: ADA.label });
    await teacher.goto(`/teach/${classId}`);
    await teacher.getByLabel('A classifier drill set').check();
    await teacher.getByLabel('Drill set', { exact: true }).selectOption(`set:${setId}`);
    await submit(teacher, 'Create assignment');
    await expect(teacher.getByText('Assignment created.')).toBeVisible();

    await cai.page.goto('/classes');
    await cai.page.getByTestId('joined-class').getByRole('link', { name: 'Classifier drill: Seminar cases' }).click();
    await expect(cai.page).toHaveURL(new RegExp(`/practice\\?set=${setId}$`));
    const drill: Locator = cai.page.locator('section[data-phase]');
    for (let i = 0; i < set.length; i++) {
      const shown = (await drill.getAttribute('data-scenario-id'))!;
      const keys = shown === promoted.id ? keysFor('specification-gaming', ['yes', 'no', 'yes']) : '21121';
      await drill.getByRole('heading', { level: 2 }).first().focus();
      for (const k of keys) await cai.page.keyboard.press(k);
      await cai.page.keyboard.press('Enter');
      await expect(drill.getByRole('heading', { level: 3, name: /^(✓ )?Right|(✗ )?Not quite|(½ )?Right label/ })).toBeFocused();
      if (i < set.length - 1) await cai.page.keyboard.press('n');
    }
    await expect
      .poll(() => countRows('Attempt', 'userId = ? AND itemId = ? AND correct = 1', cai.id, `set:${setId}:${promoted.id}`))
      .toBe(1);

    // The workshop assignment is done for Ada (wrote 1, classified the 1 there was for her) and counts no score.
    await ada.page.goto('/classes');
    await expect(ada.page.getByTestId('joined-class')).toContainText('Done · 1 of 1 written · 1 of 1 classified');

    for (const c of [teacherContext, ada.context, bea.context, cai.context]) await c.close();
  });
});
