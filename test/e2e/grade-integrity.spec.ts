import { expect, test, type APIRequestContext } from '@playwright/test';
import fs from 'node:fs';
import { analyzeChapter } from '../../lib/content/analyze';
import { loadScenarioBank } from '../../lib/content/scenarios';
import { BASE_URL, callAction, callFormAction, expectOk, key, signUp, type Person } from './actions';
import { e2eDb } from './support';

// The gradebook is only as good as the path that records it. Two ways a learner used to write it themselves:
// a guest merge carrying `correct: true` and backdated times (issue 14, finding 1), and reviews farmed on a card that
// is not due, or sent again from a stale tab (finding 5). Both are tried here as an attacker would, over HTTP, and the
// database and the instructor's gradebook are checked afterwards.

const quizzesOf = (folder: string, slug: string) => {
  const file = `content/chapters/${folder}/index.mdx`;
  return analyzeChapter(fs.readFileSync(file, 'utf8'), slug, file).quizzes;
};
const introQuizzes = quizzesOf('00-introduction', 'introduction');
const otherQuizzes = quizzesOf('04-scheming', 'scheming');
const rightOf = (q: { choices: { correct: boolean }[] }) => q.choices.flatMap((c, i) => (c.correct ? [i] : []));
const wrongOf = (q: { choices: { correct: boolean }[] }) => [q.choices.findIndex((c) => !c.correct)];
const introScenarios = loadScenarioBank().scenarios.filter((s) => s.chapter === 'introduction');
// The forged merge had 34 answers: every introduction question and case, and the rest from another chapter
// with wrong choices (at least one, whatever the content's counts become).
const wrongQuizzes = otherQuizzes.slice(0, Math.max(1, 34 - introQuizzes.length - introScenarios.length));
const yesNo = (a: string) => (a === 'either' ? 'yes' : a);

async function createClassWith(owner: Person, title: string, assignments: Record<string, string>[]): Promise<string> {
  const created = await callFormAction(owner.api, 'createClassAction', { title }, { path: '/teach' });
  expect(created.redirect, created.text.slice(0, 300)).toMatch(/^\/teach\/\w+$/);
  const classId = created.redirect!.split('/').pop()!;
  for (const a of assignments)
    expectOk(
      await callFormAction(owner.api, 'createAssignmentAction', { classId, ...a }, { path: `/teach/${classId}` }),
      `assignment ${a.kind}`,
    );
  return classId;
}

async function join(learner: Person, classId: string): Promise<void> {
  const code = (e2eDb().prepare('SELECT joinCode FROM Class WHERE id = ?').get(classId) as { joinCode: string }).joinCode;
  const joined = await callFormAction(learner.api, 'joinClassAction', { code }, { path: `/join/${code}` });
  expect(joined.redirect, joined.text.slice(0, 300)).toContain('/classes?joined=');
}

/** The gradebook CSV without its file name (which carries today's date): status and score of every learner. */
async function gradebook(owner: Person, classId: string): Promise<string> {
  const res = await owner.api.get(`/teach/${classId}/gradebook.csv`);
  expect(res.status()).toBe(200);
  return res.text();
}

/** The learner's own status per assignment, as /classes shows it. */
async function ownStatuses(api: APIRequestContext): Promise<string[]> {
  const html = await (await api.get('/classes')).text();
  return [...html.matchAll(/data-status="([a-z-]+)"/g)].map((m) => m[1]!);
}

test.describe('grades the server did not grade do not count', () => {
  test.describe.configure({ mode: 'serial' });

  test('a forged guest merge (34 answers marked correct, backdated, and 15 backdated reviews) leaves the gradebook unchanged', async () => {
    test.setTimeout(120_000);
    const owner = await signUp('instructor', 'Gina Gradebook');
    // Every assignment opened and fell due long before the learner's account existed.
    const classId = await createClassWith(owner, 'Integrity seminar', [
      { kind: 'chapter', chapter: 'introduction', opensAt: '2024-01-01T00:00', dueAt: '2024-03-01T00:00' },
      { kind: 'drill', drill: 'chapter:introduction', opensAt: '2024-01-01T00:00', dueAt: '2024-03-01T00:00' },
      { kind: 'review', reviews: '15', opensAt: '2024-01-01T00:00', dueAt: '2024-03-01T00:00' },
    ]);
    const learner = await signUp('learner', 'Fay Forger');
    await join(learner, classId);
    const createdAt = new Date(
      (e2eDb().prepare('SELECT createdAt FROM User WHERE id = ?').get(learner.id) as { createdAt: string }).createdAt,
    );
    const before = await gradebook(owner, classId);
    expect(before).toContain(learner.email);
    expect(await ownStatuses(learner.api)).toEqual(['late', 'late', 'late']);

    // The forged merge: every answer claims to be right and to date from before the due dates (and the account).
    const at = (i: number) => new Date(Date.UTC(2024, 0, 10, 9, i)).toISOString();
    const attempts = [
      ...introQuizzes.map((q, i) => ({ itemKind: 'quiz', itemId: q.id, response: { selected: rightOf(q) }, at: at(i) })),
      ...introScenarios.map((s, i) => ({
        itemKind: 'scenario',
        itemId: s.id,
        response: {
          label: s.label,
          answers: {
            training: yesNo(s.questions.training.answer),
            shift: yesNo(s.questions.shift.answer),
            competence: yesNo(s.questions.competence.answer),
          },
        },
        at: at(10 + i),
      })),
      // Answers whose recorded choices are wrong, still sent as correct.
      ...wrongQuizzes.map((q, i) => ({ itemKind: 'quiz', itemId: q.id, response: { selected: wrongOf(q) }, at: at(40 + i) })),
    ].map((a) => ({
      idempotencyKey: key(),
      itemKind: a.itemKind,
      itemId: a.itemId,
      response: a.response,
      correct: true,
      confident: true,
      durationMs: 900,
      createdAt: a.at,
    }));
    expect(attempts.length).toBeGreaterThanOrEqual(34);
    const reviews = introQuizzes
      .flatMap((q, i) =>
        [0, 1].map((k) => ({
          idempotencyKey: key(),
          itemKind: 'quiz',
          itemId: q.id,
          shownItemId: q.id,
          selected: rightOf(q),
          correct: true,
          confident: true,
          durationMs: 800,
          review: new Date(Date.UTC(2024, 0, 12 + 7 * k, 9, i)).toISOString(),
        })),
      )
      .slice(0, 15);
    expect(reviews).toHaveLength(15);
    const merged = await callAction(
      learner.api,
      'mergeGuestProgress',
      [{ attempts, reviews, completed: { introduction: '2024-01-20T09:00:00Z' } }],
      { path: '/dashboard' },
    );
    expectOk(merged, 'merge');
    const mergedAt = new Date();

    // The gradebook, byte for byte, and the learner's own view: nothing the merge sent counts.
    expect(await gradebook(owner, classId)).toBe(before);
    expect(await ownStatuses(learner.api)).toEqual(['late', 'late', 'late']);

    const db = e2eDb();
    const rows = db
      .prepare('SELECT itemId, correct, firstAttempt, merged, createdAt FROM Attempt WHERE userId = ? ORDER BY createdAt')
      .all(learner.id) as {
      itemId: string;
      correct: number;
      firstAttempt: number;
      merged: number;
      createdAt: string;
    }[];
    // Kept as the learner's own practice, marked as merged, never as the first attempt that a class counts.
    expect(rows).toHaveLength(attempts.length);
    expect(rows.every((r) => r.merged === 1 && r.firstAttempt === 0)).toBe(true);
    // Dated inside [account created, now], never before the account.
    for (const r of rows) {
      expect(new Date(r.createdAt).getTime()).toBeGreaterThanOrEqual(createdAt.getTime());
      expect(new Date(r.createdAt).getTime()).toBeLessThanOrEqual(mergedAt.getTime());
    }
    // Re-graded from the recorded choices: the wrong choices are stored as wrong although sent as correct.
    const wrongIds = new Set(wrongQuizzes.map((q) => q.id));
    expect(rows.filter((r) => wrongIds.has(r.itemId)).map((r) => r.correct)).toEqual(wrongQuizzes.map(() => 0));
    expect(rows.filter((r) => !wrongIds.has(r.itemId)).every((r) => r.correct === 1)).toBe(true);
    // The merged reviews count toward nothing: none is a scheduled review, none is dated before the account.
    const logs = db
      .prepare("SELECT review, practice, merged FROM ReviewLog WHERE userId = ? AND idempotencyKey NOT LIKE 'first-%'")
      .all(learner.id) as { review: string; practice: number; merged: number }[];
    expect(logs.every((l) => l.merged === 1)).toBe(true);
    expect(logs.filter((l) => l.practice === 0)).toHaveLength(0);
    expect(logs.every((l) => new Date(l.review).getTime() >= createdAt.getTime())).toBe(true);
    // A merged answer's card is scheduled like a first answer made at its clamped time, not pushed months out.
    const cards = db.prepare('SELECT due, reps FROM ReviewCard WHERE userId = ?').all(learner.id) as { due: string; reps: number }[];
    expect(cards.length).toBe(attempts.length);
    expect(cards.every((c) => c.reps === 1 && new Date(c.due).getTime() < mergedAt.getTime() + 30 * 86_400_000)).toBe(true);
    // The completion is stamped when the merge arrived, not on the date the browser claimed.
    const done = db.prepare('SELECT completedAt FROM ChapterProgress WHERE userId = ? AND chapter = ?').get(learner.id, 'introduction') as {
      completedAt: string;
    };
    expect(new Date(done.completedAt).getTime()).toBeGreaterThanOrEqual(createdAt.getTime());
    db.close();

    // Sending the same merge again stores nothing more.
    expectOk(
      await callAction(learner.api, 'mergeGuestProgress', [{ attempts, reviews, completed: {} }], { path: '/dashboard' }),
      'merge again',
    );
    expect((e2eDb().prepare('SELECT COUNT(*) AS n FROM Attempt WHERE userId = ?').get(learner.id) as { n: number }).n).toBe(
      attempts.length,
    );

    // The real path still counts: an answer graded by the server while signed in is the learner's first attempt.
    const q = introQuizzes[0]!;
    const real = expectOk<{ correct: boolean; firstAttempt: boolean }>(
      await callAction(learner.api, 'submitQuizAnswer', [
        { quizId: q.id, selected: rightOf(q), confident: true, durationMs: 4000, idempotencyKey: key() },
      ]),
      'signed-in answer',
    );
    expect(real).toMatchObject({ correct: true, firstAttempt: true });
    expect(await gradebook(owner, classId)).not.toBe(before);
    for (const p of [owner, learner]) await p.api.dispose();
  });

  test('reviews count once per due card: six concurrent reviews of a card that is not due change nothing, and a stale second tab is refused', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const owner = await signUp('instructor', 'Rita Reviews');
    const classId = await createClassWith(owner, 'Review seminar', [
      { kind: 'review', reviews: '2', opensAt: '2020-01-01T00:00', dueAt: '2099-01-01T00:00' },
    ]);
    const learner = await signUp('learner', 'Ray Reviewer');
    await join(learner, classId);
    const q = introQuizzes[0]!;
    expectOk(
      await callAction(learner.api, 'submitQuizAnswer', [
        { quizId: q.id, selected: rightOf(q), confident: true, durationMs: 4000, idempotencyKey: key() },
      ]),
      'first answer',
    );
    const card = () =>
      e2eDb()
        .prepare('SELECT id, due, reps, stability, lastReview FROM ReviewCard WHERE userId = ? AND itemId = ?')
        .get(learner.id, q.id) as {
        id: string;
        due: string;
        reps: number;
        stability: number;
        lastReview: string;
      };
    const counted = () =>
      (
        e2eDb()
          .prepare("SELECT COUNT(*) AS n FROM ReviewLog WHERE userId = ? AND idempotencyKey NOT LIKE 'first-%' AND practice = 0")
          .get(learner.id) as { n: number }
      ).n;
    const first = card();
    expect(new Date(first.due).getTime()).toBeGreaterThan(Date.now() + 3_600_000); // right and sure: due days from now

    // Six reviews of the card at once, each with its own request key, as six tabs or a script would send them.
    const review = (k = key()) => ({
      cardId: first.id,
      shownItemId: q.id,
      selected: rightOf(q),
      confident: true,
      durationMs: 2000,
      cardVersion: first.reps,
      idempotencyKey: k,
    });
    const replies = await Promise.all(
      Array.from({ length: 6 }, () => callAction(learner.api, 'submitReview', [review()], { path: '/review' })),
    );
    for (const r of replies) expect(r.crashed).toBe(false);
    const afterSix = card();
    expect(afterSix.reps - first.reps, 'the card changed at most once').toBeLessThanOrEqual(1);
    // It was not due, so none of them rescheduled it or counts as a review: they are practice.
    expect(afterSix).toEqual(first);
    expect(counted()).toBe(0);
    expect(replies.filter((r) => r.result?.ok).every((r) => (r.result!.data as { practice: boolean }).practice === true)).toBe(true);
    let book = await gradebook(owner, classId);
    expect(book.split('\r\n')[1]).toContain(',not-started,0,');

    // A day later the card is due. Two tabs show it; the first one's review counts…
    const later = await learner.api.post('/api/test/clock', { data: { offsetMs: 20 * 86_400_000 }, headers: { Origin: BASE_URL } });
    expect(later.ok()).toBe(true);
    const ok = expectOk<{ practice: boolean; nextDue: string }>(
      await callAction(learner.api, 'submitReview', [review()], { path: '/review' }),
      'due review',
    );
    expect(ok.practice).toBe(false);
    const afterOne = card();
    expect(afterOne.reps).toBe(first.reps + 1);
    expect(counted()).toBe(1);
    // …the second tab still shows the card as it was: its review is refused with 409 and changes nothing.
    const stale = await callAction(learner.api, 'submitReview', [review()], { path: '/review' });
    expect(stale.result?.ok).toBe(false);
    expect(stale.result?.status).toBe(409);
    expect(stale.result?.message).toMatch(/changed since|another tab|reload/i);
    expect(card()).toEqual(afterOne);
    expect(counted()).toBe(1);
    // And right after its counted review the card is not due again, so reviewing it once more is practice.
    const current = { ...review(), cardVersion: afterOne.reps };
    expect(
      expectOk<{ practice: boolean }>(await callAction(learner.api, 'submitReview', [current], { path: '/review' }), 'again').practice,
    ).toBe(true);
    expect(card()).toEqual(afterOne);
    book = await gradebook(owner, classId);
    expect(book.split('\r\n')[1]).toContain(',in-progress,0.5,');

    // The same in the browser: two tabs of /review, the second one's answer is refused with a message.
    const q2 = introQuizzes[1]!;
    expectOk(
      await callAction(learner.api, 'submitQuizAnswer', [
        { quizId: q2.id, selected: rightOf(q2), confident: true, durationMs: 4000, idempotencyKey: key() },
      ]),
      'second card',
    );
    expect((await learner.api.post('/api/test/clock', { data: { offsetMs: 60 * 86_400_000 }, headers: { Origin: BASE_URL } })).ok()).toBe(
      true,
    );
    const context = await browser.newContext();
    await context.addCookies((await learner.api.storageState()).cookies);
    const [tab1, tab2] = [await context.newPage(), await context.newPage()];
    for (const tab of [tab1, tab2]) {
      await tab.goto('/review');
      await expect(tab.getByTestId('review-card')).toBeVisible();
    }
    const prompt = await tab1.getByTestId('review-card').getByRole('heading').textContent();
    await expect(tab2.getByTestId('review-card').getByRole('heading')).toHaveText(prompt!);
    const answer = async (tab: typeof tab1) => {
      const reviewCard = tab.getByTestId('review-card');
      await reviewCard.locator('input[name="review-answer"]').first().check();
      await reviewCard.getByRole('radio', { name: 'Sure', exact: true }).check();
      await reviewCard.getByRole('button', { name: /Check/ }).click();
    };
    const logsBefore = (e2eDb().prepare('SELECT COUNT(*) AS n FROM ReviewLog WHERE userId = ?').get(learner.id) as { n: number }).n;
    await answer(tab1);
    await expect(tab1.getByTestId('review-card').getByRole('status')).toContainText('Rated');
    await answer(tab2);
    await expect(tab2.getByTestId('review-card').getByRole('alert')).toContainText(/changed since/i);
    expect((e2eDb().prepare('SELECT COUNT(*) AS n FROM ReviewLog WHERE userId = ?').get(learner.id) as { n: number }).n).toBe(
      logsBefore + 1,
    );
    await context.close();
    for (const p of [owner, learner]) await p.api.dispose();
  });
});
