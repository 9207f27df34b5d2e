import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loadScenarioBank } from '../../lib/content/scenarios';
import { countRows, e2eDb, misreadTrainingKeys, scrollToTop, signUpInBrowser as signUp, submit, unique } from './support';

const ATTEMPTS_HEADER =
  'attempt_id,learner_email,learner_name,item_kind,item_id,item_title,chapter,correct,confident,first_attempt,duration_ms,answer,created_at,merged';

async function axe(page: Page) {
  await scrollToTop(page);
  const scan = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  return scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

/** Answers every question in the chapter: the first option of each (all options count as answers for the roster). */
async function answerAllQuizzes(page: Page): Promise<number> {
  const quizzes = page.locator('form[data-quiz-id]');
  const n = await quizzes.count();
  for (let i = 0; i < n; i++) {
    const quiz = quizzes.nth(i);
    await quiz.scrollIntoViewIfNeeded();
    const boxes = quiz.getByRole('checkbox');
    if ((await boxes.count()) > 0) await boxes.first().check();
    else await quiz.getByRole('radio').first().check();
    await quiz.getByRole('radio', { name: 'Sure', exact: true }).check();
    await quiz.getByRole('button', { name: 'Check' }).click();
    await expect(quiz.getByRole('status')).toHaveText(/Correct|Not quite/);
  }
  return n;
}

test.describe('teaching a class', () => {
  test('an instructor creates a class and an assignment; a learner joins and does it; the instructor sees it everywhere', async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const title = `Seminar ${unique('c')}`;

    // ---- The instructor: sign up, create a class, set a chapter ----
    const teacherContext = await browser.newContext();
    const teacher = await teacherContext.newPage();
    await signUp(teacher, '/teach', 'Tess Teacher', 'instructor');
    await expect(teacher).toHaveURL(/\/teach$/);
    await expect(teacher.getByRole('heading', { level: 1, name: 'Teach' })).toBeVisible();
    await expect(teacher.getByText('You have no classes yet.')).toBeVisible();

    // The form validates through the action and says what is wrong.
    await submit(teacher, 'Create class');
    await expect(teacher.getByText('Give the class a name.').first()).toBeVisible();
    await teacher.getByLabel('Class name').fill(title);
    await submit(teacher, 'Create class');
    await expect(teacher).toHaveURL(/\/teach\/[a-z0-9]+$/);
    const classId = teacher.url().split('/').pop()!;
    await expect(teacher.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(teacher.getByRole('heading', { name: 'Invite your learners' })).toBeVisible();
    const code = (await teacher.getByTestId('join-code').getAttribute('data-code'))!;
    expect(code).toMatch(/^[0-9A-Z]{10}$/);
    await expect(teacher.getByTestId('join-code')).toContainText(`${code.slice(0, 5)}-${code.slice(5)}`);
    await expect(teacher.getByTestId('invite-link')).toHaveAttribute('href', new RegExp(`^http://127\\.0\\.0\\.1:\\d+/join/${code}$`));

    // The instructor following their own invite link is not enrolled by mistake.
    await teacher.goto(`/join/${code}`);
    await expect(teacher.getByText('You teach this class')).toBeVisible();
    await teacher.getByRole('link', { name: 'Open the class' }).click();
    await expect(teacher).toHaveURL(new RegExp(`/teach/${classId}$`));

    await teacher.getByLabel('Read a chapter and answer its questions').check();
    await teacher.getByLabel('Chapter', { exact: true }).selectOption('introduction');
    await submit(teacher, 'Create assignment');
    await expect(teacher.getByText('Assignment created.')).toBeVisible();
    await expect(teacher.getByTestId('assignment-row')).toHaveCount(1);
    await expect(teacher.getByTestId('assignment-row')).toContainText('Introduction');
    expect(countRows('Assignment', 'classId = ?', classId)).toBe(1);
    expect(await axe(teacher)).toEqual([]);

    const learnerContext = await browser.newContext();
    const learner = await learnerContext.newPage();

    // ---- The learner: the invite link asks them to sign in, then joins ----
    await learner.goto(`/join/${code}`);
    await expect(learner).toHaveURL(new RegExp(`/signin\\?next=${encodeURIComponent(`/join/${code}`)}`));
    const learnerName = `=HYPERLINK("http://evil.example","Lee") ${unique('l')}`;
    const learnerEmail = await signUp(learner, `/join/${code}`, learnerName, 'learner');
    await expect(learner).toHaveURL(new RegExp(`/join/${code}$`));
    await expect(learner.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await submit(learner, `Join ${title}`);
    await expect(learner).toHaveURL(/\/classes\?joined=/);
    await expect(learner.getByTestId('joined')).toContainText(title);
    const card = learner.getByTestId('joined-class');
    await expect(card).toContainText('Not started');
    expect(await axe(learner)).toEqual([]);

    // A class you do not teach is a 404, for pages and downloads alike.
    expect((await learner.request.get(`/teach/${classId}/attempts.csv`)).status()).toBe(404);
    expect((await learner.request.get(`/teach/${classId}/gradebook.csv`)).status()).toBe(404);
    const page404 = await learner.goto(`/teach/${classId}/items`);
    expect(page404?.status()).toBe(404);
    await expect(learner.getByRole('heading', { level: 1, name: 'We could not find that page' })).toBeVisible();

    // Do the work: every question of the chapter, then mark it complete.
    await learner.goto('/chapters/introduction');
    const quizzes = await answerAllQuizzes(learner);
    expect(quizzes).toBeGreaterThan(0);
    const learnerId = (e2eDb().prepare('SELECT id FROM User WHERE email = ?').get(learnerEmail) as { id: string }).id;
    await expect.poll(() => countRows('Attempt', 'userId = ?', learnerId)).toBe(quizzes);
    await learner.getByRole('button', { name: 'Mark chapter complete' }).click();
    await expect(learner.getByRole('button', { name: '✓ Completed' })).toBeVisible();

    // And one scenario in the drill, so the confusion matrix has an answer: the right label, with the training
    // question misread on purpose.
    await learner.goto('/practice?family=coinrun-coin');
    const drill = learner.locator('section[data-phase]');
    const shownId = (await drill.getAttribute('data-scenario-id'))!;
    const shown = loadScenarioBank().scenarios.find((s) => s.id === shownId)!;
    await drill.getByRole('heading', { level: 2 }).first().focus();
    for (const k of misreadTrainingKeys(shown)) await learner.keyboard.press(k);
    await learner.keyboard.press('Enter');
    await expect(drill.getByRole('heading', { level: 3, name: /^Right label, wrong reason/ })).toBeFocused();
    await expect.poll(() => countRows('Attempt', 'userId = ? AND itemKind = ?', learnerId, 'scenario')).toBe(1);

    await learner.goto('/classes');
    await expect(learner.getByTestId('joined-class')).toContainText(/Done/);

    // ---- The instructor sees it all ----
    await teacher.reload();
    const row = teacher.getByTestId('roster-row').filter({ hasText: learnerEmail });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Done');
    await expect(row).toContainText(learnerName); // as text, never markup
    await expect(row).toContainText('100%'); // completion
    await teacher.getByRole('button', { name: /Mean score/ }).click();
    await expect(teacher.getByRole('columnheader', { name: /Mean score/ })).toHaveAttribute('aria-sort', 'descending');
    await teacher.getByLabel('Only learners with late work').check();
    await expect(teacher.getByTestId('roster-row')).toHaveCount(0);
    await teacher.getByLabel('Only learners with late work').uncheck();
    await expect(teacher.getByTestId('roster-row')).toHaveCount(1);

    await teacher.getByRole('link', { name: 'Item statistics' }).first().click();
    await expect(teacher).toHaveURL(new RegExp(`/teach/${classId}/items$`));
    await expect(teacher.getByTestId('item-row')).toHaveCount(quizzes + 1);
    await expect(teacher.getByText('Discrimination', { exact: true }).first()).toBeVisible();
    expect(await axe(teacher)).toEqual([]);

    await teacher.goto(`/teach/${classId}/confusion`);
    await expect(teacher.getByRole('heading', { level: 1, name: /Drill confusion/ })).toBeVisible();
    await expect(teacher.getByTestId('class-confusion')).toContainText('1 first answer');
    // The most-misread question per failure mode comes from the stored answer.
    const misreadRow = teacher.getByTestId('misread-by-label').locator(`tr[data-label="${shown.label}"]`);
    await expect(misreadRow).toContainText('During training, did the unwanted behaviour already pay off?');
    await expect(misreadRow).toContainText('1 of 1');
    await expect(teacher.getByTestId('monday')).not.toBeEmpty();
    expect(await axe(teacher)).toEqual([]);

    // ---- Downloads ----
    const gradebook = await teacher.request.get(`/teach/${classId}/gradebook.csv`);
    expect(gradebook.status()).toBe(200);
    expect(gradebook.headers()['content-type']).toContain('text/csv');
    expect(gradebook.headers()['content-disposition']).toMatch(/attachment; filename=".+-gradebook-\d{4}-\d\d-\d\d\.csv"/);
    const gb = await gradebook.text();
    const [gbHeader, gbRow] = gb.replace(/^\uFEFF/, '').split('\r\n');
    const assignment = e2eDb().prepare('SELECT id, title, dueAt FROM Assignment WHERE classId = ?').get(classId) as {
      id: string;
      title: string;
      dueAt: number | string | Date;
    };
    expect(assignment.title).toBe('Read “Introduction” and answer its questions');
    const due = new Date(assignment.dueAt).toISOString().slice(0, 10);
    const named = `Read “Introduction” and answer its questions (due ${due})`;
    expect(gbHeader).toBe(`learner_name,learner_email,last_active,${named} status,${named} score,completion,mean_score,late_count`);
    expect(gbHeader).not.toContain(assignment.id);
    expect(gbRow).toContain(`"'=HYPERLINK(""http://evil.example"",""Lee"")`);
    expect(gbRow).toContain(`,${learnerEmail},`);
    expect(gbRow).toContain(',done,');

    const attempts = await teacher.request.get(`/teach/${classId}/attempts.csv`);
    expect(attempts.status()).toBe(200);
    const body = await attempts.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
    const lines = body
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]).toBe(ATTEMPTS_HEADER);
    expect(lines.filter((l) => l.includes(learnerEmail))).toHaveLength(quizzes + 1);

    await teacherContext.close();
    await learnerContext.close();
  });
});
