import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { analyzeChapter } from '../../lib/content/analyze';
import {
  callAction,
  callFormAction,
  expectOk,
  expectRefused,
  inviteCoInstructor,
  key,
  makeInvite,
  SCENARIO_CSV,
  signIn,
  signUp,
  type Person,
} from './actions';
import { countRows, e2eDatabaseUrl, e2eDb, e2eWrite } from './support';

// Who may touch what, tried over HTTP with real sessions: two learners (A and B), a class owner, a co-instructor
// and an instructor of another class. Every refused attempt is a 403/404 and leaves every row as it was.

const file = 'content/chapters/00-introduction/index.mdx';
const quiz = analyzeChapter(fs.readFileSync(file, 'utf8'), 'introduction', file).quizzes[0]!;
const right = quiz.choices.flatMap((c, i) => (c.correct ? [i] : []));
const IMPORT_CSV = SCENARIO_CSV; // one valid scenario row (test/e2e/actions.ts)
const ANSWERS = { training: 'no', shift: 'yes', competence: 'yes' } as const;

const TABLES = [
  'User',
  'Attempt',
  'ReviewCard',
  'ReviewLog',
  'ChapterProgress',
  'ScenarioSet',
  'Class',
  'ClassInstructor',
  'CoInstructorInvite',
  'Enrolment',
  'Assignment',
  'StudyDay',
];

/** Every row count, plus the rows an attacker would most like to change. */
function snapshot(ids: { classId: string; cardId: string; learnerId: string }) {
  const db = e2eDb();
  try {
    const counts = db.prepare(`SELECT ${TABLES.map((t) => `(SELECT COUNT(*) FROM "${t}") AS "${t}"`).join(', ')}`).get();
    return {
      counts,
      cls: db.prepare('SELECT title, joinCode, ownerId, archivedAt FROM Class WHERE id = ?').get(ids.classId),
      card: db.prepare('SELECT due, reps, stability, lapses, state FROM ReviewCard WHERE id = ?').get(ids.cardId),
      progress: db
        .prepare('SELECT chapter, position, completedAt FROM ChapterProgress WHERE userId = ? ORDER BY chapter')
        .all(ids.learnerId),
      instructors: db.prepare('SELECT userId FROM ClassInstructor WHERE classId = ? ORDER BY userId').all(ids.classId),
      invites: db.prepare('SELECT id, acceptedAt FROM CoInstructorInvite WHERE classId = ? ORDER BY id').all(ids.classId),
      enrolments: db.prepare('SELECT userId FROM Enrolment WHERE classId = ? ORDER BY userId').all(ids.classId),
    };
  } finally {
    db.close();
  }
}

test.describe('access control', () => {
  test.describe.configure({ mode: 'serial' });

  let a: Person; // learner, enrolled in the class, with answers, a card, a review, progress and a scenario set
  let b: Person; // another learner, in no class
  let owner: Person; // owns the class
  let co: Person; // co-teaches the class
  let other: Person; // an instructor with a class of their own
  let classId: string;
  let otherClassId: string;
  let assignmentId: string;
  let cardId: string;
  let setId: string;
  let inviteId: string; // an unused co-instructor link of the class
  let cardVersion: number;
  const now = () => snapshot({ classId, cardId, learnerId: a.id });

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    [a, b, owner, co, other] = [
      await signUp('learner', 'Ada Learner'),
      await signUp('learner', 'Bo Learner'),
      await signUp('instructor'),
      await signUp('instructor'),
      await signUp('instructor'),
    ];

    const created = await callFormAction(owner.api, 'createClassAction', { title: 'Access seminar' }, { path: '/teach' });
    expect(created.redirect, created.text.slice(0, 300)).toMatch(/^\/teach\/\w+$/);
    classId = created.redirect!.split('/').pop()!;
    const otherCreated = await callFormAction(other.api, 'createClassAction', { title: 'Other seminar' }, { path: '/teach' });
    otherClassId = otherCreated.redirect!.split('/').pop()!;

    await inviteCoInstructor(owner, classId, co);
    inviteId = (await makeInvite(owner, classId)).inviteId;
    expectOk(
      await callFormAction(
        owner.api,
        'createAssignmentAction',
        {
          classId,
          kind: 'chapter',
          chapter: 'introduction',
          title: 'Read the intro',
          opensAt: '2020-01-01T00:00',
          dueAt: '2099-01-01T00:00',
        },
        { path: `/teach/${classId}` },
      ),
      'create assignment',
    );
    assignmentId = (e2eDb().prepare('SELECT id FROM Assignment WHERE classId = ?').get(classId) as { id: string }).id;

    const code = (e2eDb().prepare('SELECT joinCode FROM Class WHERE id = ?').get(classId) as { joinCode: string }).joinCode;
    const joined = await callFormAction(a.api, 'joinClassAction', { code }, { path: `/join/${code}` });
    expect(joined.redirect, joined.text.slice(0, 300)).toContain('/classes?joined=');

    expectOk(
      await callAction(a.api, 'submitQuizAnswer', [
        { quizId: quiz.id, selected: right, confident: true, durationMs: 3000, idempotencyKey: key() },
      ]),
      'quiz answer',
    );
    const card = e2eDb().prepare('SELECT id, reps FROM ReviewCard WHERE userId = ? AND itemId = ?').get(a.id, quiz.id) as {
      id: string;
      reps: number;
    };
    cardId = card.id;
    cardVersion = card.reps;
    expectOk(
      await callAction(a.api, 'submitReview', [
        { cardId, shownItemId: quiz.id, selected: right, confident: true, durationMs: 2000, cardVersion, idempotencyKey: key() },
      ]),
      'own review',
    );
    expectOk(await callAction(a.api, 'markChapterComplete', [{ chapter: 'introduction', complete: true }]), 'complete');
    expectOk(await callAction(a.api, 'saveChapterPosition', [{ chapter: 'introduction', position: 'what-this-course-is' }]), 'position');
    const imported = await callFormAction(
      a.api,
      'importScenarioSetForm',
      { title: 'Ada private set', format: 'csv', text: IMPORT_CSV },
      { path: '/practice/import' },
    );
    setId = expectOk<{ setId: string }>(imported, 'import').setId;
    expectOk(
      await callAction(a.api, 'submitDrillAnswer', [
        {
          scenarioId: 'office-heating-lights',
          setId,
          label: 'goal-misgeneralization',
          answers: ANSWERS,
          confident: true,
          durationMs: 1000,
          idempotencyKey: key(),
        },
      ]),
      'drill answer in own set',
    );
    expect(countRows('ReviewLog', 'userId = ? AND cardId = ?', a.id, cardId)).toBeGreaterThan(0);
  });

  test.afterAll(async () => {
    for (const p of [a, b, owner, co, other]) await p?.api.dispose();
  });

  test('a learner cannot read or change another learner’s data by putting their ids in a payload or URL', async () => {
    const before = now();
    const bRows = () => ({
      attempts: countRows('Attempt', 'userId = ?', b.id),
      logs: countRows('ReviewLog', 'userId = ?', b.id),
      progress: countRows('ChapterProgress', 'userId = ?', b.id),
    });
    const bBefore = bRows();
    const aLogs = countRows('ReviewLog', 'userId = ?', a.id);

    // Reviewing A's card by its id: as if it did not exist.
    expectRefused(
      await callAction(b.api, 'submitReview', [
        { cardId, shownItemId: quiz.id, selected: right, confident: true, durationMs: 2000, cardVersion, idempotencyKey: key() },
      ]),
      [404],
      'review A’s card',
    );
    // Deleting A's scenario set, or answering from it.
    expectRefused(await callAction(b.api, 'deleteScenarioSetAction', [{ setId }]), [404], 'delete A’s set');
    expectRefused(
      await callAction(b.api, 'submitDrillAnswer', [
        {
          scenarioId: 'office-heating-lights',
          setId,
          label: 'goal-misgeneralization',
          answers: ANSWERS,
          confident: true,
          durationMs: 1000,
          idempotencyKey: key(),
        },
      ]),
      [404],
      'answer from A’s set',
    );
    // Leaving a class B is not in does not remove anyone.
    expectRefused(await callAction(b.api, 'leaveClassAction', [{ classId }]), [404], 'leave a class B is not in');
    // Deleting an account needs the caller's own email: A's is refused.
    expectRefused(
      await callFormAction(b.api, 'deleteAccountAction', { confirmEmail: a.email }, { path: '/account' }),
      [400],
      'delete with A’s email',
    );
    expect(now()).toEqual(before);
    expect(bRows()).toEqual(bBefore);

    // A userId in a payload is ignored: each of these acts on B's own rows, never on A's.
    expectOk(
      await callAction(b.api, 'markChapterComplete', [{ chapter: 'introduction', complete: false, userId: a.id }]),
      'complete with userId',
    );
    expectOk(
      await callAction(b.api, 'saveChapterPosition', [{ chapter: 'introduction', position: 'b-was-here', userId: a.id }]),
      'position with userId',
    );
    expectOk(
      await callAction(b.api, 'submitQuizAnswer', [
        { quizId: quiz.id, selected: right, confident: false, durationMs: 1, idempotencyKey: key(), userId: a.id },
      ]),
      'answer with userId',
    );
    const merged = expectOk<{ attempts: number }>(
      await callAction(b.api, 'mergeGuestProgress', [
        {
          userId: a.id,
          attempts: [
            {
              idempotencyKey: key(),
              itemKind: 'quiz',
              itemId: quiz.id,
              response: { selected: right },
              correct: true,
              confident: true,
              durationMs: 5,
              createdAt: '2024-01-01T00:00:00Z',
            },
          ],
          reviews: [],
          completed: {},
        },
      ]),
      'merge with userId',
    );
    expect(merged.attempts).toBe(1);
    const after = now();
    expect(after.progress).toEqual(before.progress); // A's reading position and completion untouched
    expect(after.card).toEqual(before.card);
    expect(countRows('Attempt', 'userId = ?', a.id)).toBe(2);
    expect(countRows('ReviewLog', 'userId = ?', a.id)).toBe(aLogs);
    expect(bRows()).toMatchObject({ attempts: bBefore.attempts + 2, progress: bBefore.progress + 1 });
    expect(e2eDb().prepare('SELECT position, completedAt FROM ChapterProgress WHERE userId = ?').get(b.id)).toEqual({
      position: 'b-was-here',
      completedAt: null,
    });

    // Reads: every "my data" route answers with B's data only, whatever id is put in the URL.
    for (const url of [
      '/api/progress',
      `/api/progress?userId=${a.id}`,
      '/api/review-queue',
      `/api/review-queue?userId=${a.id}`,
      '/api/account/export',
      `/api/account/export?userId=${a.id}`,
      '/api/account/review-log',
      `/api/account/review-log?userId=${a.id}`,
    ]) {
      const res = await b.api.get(url);
      expect(res.status(), url).toBe(200);
      const text = await res.text();
      for (const secret of [a.id, a.email, cardId, setId, 'what-this-course-is', 'Ada private set'])
        expect(text, `${url} leaks ${secret}`).not.toContain(secret);
    }
    // A's own export does contain them (so the check above can fail).
    const own = await (await a.api.get('/api/account/export')).text();
    expect(own).toContain(cardId);
    expect(own).toContain('Ada private set');
    expect(await (await a.api.get('/api/account/review-log')).text()).toContain(cardId);

    // A's imported set by URL: not shown to B.
    const practice = await b.api.get(`/practice?set=${setId}`);
    expect(practice.status()).toBeLessThan(500);
    const practiceHtml = await practice.text();
    expect(practiceHtml).not.toContain('Ada private set');
    expect(practiceHtml).not.toContain('office-heating-lights');
    expect(await (await a.api.get(`/practice?set=${setId}`)).text()).toContain('Ada private set');
  });

  /** The instructor-only surface of one class: actions (with their arguments), pages and downloads. */
  function instructorSurface(target: string) {
    return {
      actions: [
        ['rotateJoinCodeAction', () => [{ classId: target }]],
        ['removeCoInstructorAction', () => [{ classId: target, userId: co.id }]],
        ['deleteAssignmentAction', () => [{ classId: target, assignmentId }]],
        ['createCoInstructorInviteAction', () => [{ classId: target }]],
        ['revokeCoInstructorInviteAction', () => [{ classId: target, inviteId }]],
      ] as const,
      forms: [
        [
          'createAssignmentAction',
          { classId: target, kind: 'review', reviews: '5', opensAt: '2020-01-01T00:00', dueAt: '2099-01-01T00:00' },
        ],
      ] as const,
      urls: [
        `/teach/${target}`,
        `/teach/${target}/items`,
        `/teach/${target}/confusion`,
        `/teach/${target}/scenarios/shuttle-unsigned-stop`,
        `/teach/${target}/attempts.csv`,
        `/teach/${target}/gradebook.csv`,
      ],
    };
  }

  async function expectLockedOut(p: Person, target: string, statuses: number[], who: string) {
    const before = now();
    const surface = instructorSurface(target);
    for (const [name, args] of surface.actions)
      expectRefused(await callAction(p.api, name, args(), { path: `/teach/${target}` }), statuses, `${who}: ${name}`);
    for (const [name, fields] of surface.forms)
      expectRefused(await callFormAction(p.api, name, fields, { path: `/teach/${target}` }), statuses, `${who}: ${name}`);
    for (const url of surface.urls) {
      const res = await p.api.get(url, { maxRedirects: 0 });
      expect(statuses, `${who}: GET ${url} → ${res.status()}`).toContain(res.status());
      const text = await res.text();
      expect(text, `${who}: GET ${url} shows the class`).not.toContain('Access seminar');
      expect(text, `${who}: GET ${url} shows a learner`).not.toContain(a.email);
    }
    expect(now(), `${who}: nothing changed`).toEqual(before);
  }

  test('the owner reaches every instructor page, download and action of the class (the control for the refusals below)', async () => {
    for (const url of instructorSurface(classId).urls) {
      const res = await owner.api.get(url, { maxRedirects: 0 });
      expect(res.status(), url).toBe(200);
    }
    expect(await (await owner.api.get(`/teach/${classId}/attempts.csv`)).text()).toContain(a.email);
    const rotated = expectOk<{ joinCode: string }>(
      await callAction(owner.api, 'rotateJoinCodeAction', [{ classId }], { path: `/teach/${classId}` }),
    );
    expect(rotated.joinCode).toMatch(/^[0-9A-Z]{10}$/);
  });

  test('a learner gets 403/404 from every instructor action, page and CSV, even of the class they are in, and nothing changes', async () => {
    await expectLockedOut(a, classId, [403, 404], 'enrolled learner');
    await expectLockedOut(b, classId, [403, 404], 'outside learner');
    const before = now();
    expectRefused(
      await callFormAction(a.api, 'createClassAction', { title: 'Learner class' }, { path: '/teach' }),
      [403],
      'learner creates a class',
    );
    const teach = await a.api.get('/teach');
    expect(await teach.text()).not.toContain('Access seminar');
    expect(now()).toEqual(before);
  });

  test('an instructor cannot read or act on a class that is not theirs', async () => {
    await expectLockedOut(other, classId, [404], 'instructor of another class');
    // Their own class works (the same calls can succeed).
    expectOk(
      await callAction(other.api, 'rotateJoinCodeAction', [{ classId: otherClassId }], { path: `/teach/${otherClassId}` }),
      'own class',
    );
    expect((await other.api.get(`/teach/${otherClassId}/gradebook.csv`)).status()).toBe(200);
    // And the class owner cannot reach theirs.
    const before = snapshot({ classId: otherClassId, cardId, learnerId: a.id });
    expectRefused(
      await callAction(owner.api, 'rotateJoinCodeAction', [{ classId: otherClassId }], { path: `/teach/${otherClassId}` }),
      [404],
      'owner on another class',
    );
    expect((await owner.api.get(`/teach/${otherClassId}`)).status()).toBe(404);
    expect(snapshot({ classId: otherClassId, cardId, learnerId: a.id })).toEqual(before);
  });

  test('a co-instructor cannot invite, withdraw invites or remove co-instructors (owner only)', async () => {
    const before = now();
    expectRefused(
      await callAction(co.api, 'createCoInstructorInviteAction', [{ classId }], { path: `/teach/${classId}` }),
      [403],
      'co invites',
    );
    expectRefused(
      await callAction(co.api, 'revokeCoInstructorInviteAction', [{ classId, inviteId }], { path: `/teach/${classId}` }),
      [403],
      'co withdraws an invite',
    );
    expectRefused(
      await callAction(co.api, 'removeCoInstructorAction', [{ classId, userId: co.id }], { path: `/teach/${classId}` }),
      [403],
      'co removes',
    );
    // The co-instructor's page has no invite button and lists no pending link.
    const page = await (await co.api.get(`/teach/${classId}`)).text();
    expect(page).not.toContain('Create an invite link');
    expect(page).toContain('Only the owner can invite or remove co-instructors.');
    expect(now()).toEqual(before);
  });

  test('a removed co-instructor loses access on the very next request, with the same session', async () => {
    // Before: the co-instructor's session reaches the class.
    expect((await co.api.get(`/teach/${classId}`)).status()).toBe(200);
    expect((await co.api.get(`/teach/${classId}/attempts.csv`)).status()).toBe(200);
    expectOk(await callAction(co.api, 'rotateJoinCodeAction', [{ classId }], { path: `/teach/${classId}` }), 'co rotates');

    expectOk(
      await callAction(owner.api, 'removeCoInstructorAction', [{ classId, userId: co.id }], { path: `/teach/${classId}` }),
      'owner removes co',
    );
    expect(countRows('ClassInstructor', 'classId = ? AND userId = ?', classId, co.id)).toBe(0);

    // The very next requests, same cookie: refused.
    await expectLockedOut(co, classId, [404], 'removed co-instructor');
    // Still signed in: only the class is gone.
    expect((await co.api.get('/api/progress')).status()).toBe(200);
  });

  test('a demoted instructor loses instructor access on the next request: join codes, class pages, CSVs', async () => {
    test.setTimeout(120_000);
    const teacher = await signUp('instructor', 'Dora Demoted');
    const pupil = await signUp('learner', 'Pia Pupil');
    const created = await callFormAction(teacher.api, 'createClassAction', { title: 'Demotion seminar' }, { path: '/teach' });
    const own = created.redirect!.split('/').pop()!;
    expectOk(
      await callFormAction(
        teacher.api,
        'createAssignmentAction',
        { classId: own, kind: 'review', reviews: '3', opensAt: '2020-01-01T00:00', dueAt: '2099-01-01T00:00' },
        { path: `/teach/${own}` },
      ),
      'assignment',
    );
    const code = () => (e2eDb().prepare('SELECT joinCode FROM Class WHERE id = ?').get(own) as { joinCode: string }).joinCode;
    const joined = await callFormAction(pupil.api, 'joinClassAction', { code: code() }, { path: `/join/${code()}` });
    expect(joined.redirect).toContain('/classes?joined=');
    const aid = (e2eDb().prepare('SELECT id FROM Assignment WHERE classId = ?').get(own) as { id: string }).id;
    const urls = [
      `/teach/${own}`,
      `/teach/${own}/items`,
      `/teach/${own}/confusion`,
      `/teach/${own}/scenarios/shuttle-unsigned-stop`,
      `/teach/${own}/attempts.csv`,
      `/teach/${own}/gradebook.csv`,
    ];
    const actions: [string, unknown[]][] = [
      ['rotateJoinCodeAction', [{ classId: own }]],
      ['deleteAssignmentAction', [{ classId: own, assignmentId: aid }]],
    ];
    const forms: [string, Record<string, string>][] = [
      ['createAssignmentAction', { classId: own, kind: 'review', reviews: '4', opensAt: '2020-01-01T00:00', dueAt: '2099-01-01T00:00' }],
    ];
    const state = () => ({
      code: code(),
      assignments: countRows('Assignment', 'classId = ?', own),
      classes: countRows('Class', 'ownerId = ?', teacher.id),
    });
    async function expectNoInstructorAccess(p: Person, statuses: number[], who: string) {
      const before = state();
      for (const [name, args] of actions)
        expectRefused(await callAction(p.api, name, args, { path: `/teach/${own}` }), statuses, `${who}: ${name}`);
      for (const [name, fields] of forms)
        expectRefused(await callFormAction(p.api, name, fields, { path: `/teach/${own}` }), statuses, `${who}: ${name}`);
      expectRefused(
        await callFormAction(p.api, 'createClassAction', { title: 'Still teaching?' }, { path: '/teach' }),
        statuses,
        `${who}: createClassAction`,
      );
      for (const url of urls) {
        const res = await p.api.get(url, { maxRedirects: 0 });
        const location = res.headers()['location'] ?? '';
        expect(
          statuses.includes(res.status()) || (res.status() === 307 && location.startsWith('/signin')),
          `${who}: GET ${url} → ${res.status()} ${location}`,
        ).toBe(true);
        const text = await res.text();
        expect(text, `${who}: GET ${url} shows the class`).not.toContain('Demotion seminar');
        expect(text, `${who}: GET ${url} shows a learner`).not.toContain(pupil.email);
      }
      expect(state(), `${who}: nothing changed`).toEqual(before);
    }

    // Before: the instructor reaches everything (so the refusals below are due to the role).
    for (const url of urls) expect((await teacher.api.get(url, { maxRedirects: 0 })).status(), url).toBe(200);
    expectOk(await callAction(teacher.api, 'rotateJoinCodeAction', [{ classId: own }], { path: `/teach/${own}` }), 'rotate before');

    // An administrator changes the role in the database directly, leaving the sessions alone: the very next request,
    // same cookie, has no instructor access, because every instructor check re-reads the role.
    e2eWrite('UPDATE User SET role = ? WHERE id = ?', 'learner', teacher.id);
    await expectNoInstructorAccess(teacher, [403, 404], 'role changed in the database, same session');
    expect((await teacher.api.get('/api/progress')).status(), 'still signed in').toBe(200);
    e2eWrite('UPDATE User SET role = ? WHERE id = ?', 'instructor', teacher.id);
    expect((await teacher.api.get(`/teach/${own}`)).status(), 'an instructor again').toBe(200);

    // npm run user:role -- <email> learner: the session ends, and signed in again as a learner nothing is reachable.
    const out = execFileSync('npm', ['run', '--silent', 'user:role', '--', teacher.email, 'learner'], {
      env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() },
      encoding: 'utf8',
    });
    expect(out).toContain('is now a learner');
    await expectNoInstructorAccess(teacher, [401, 403, 404], 'demoted, old session');
    const again = await signIn(teacher);
    await expectNoInstructorAccess(again, [403, 404], 'demoted, signed in again');
    const teach = await (await again.api.get('/teach')).text();
    expect(teach).toContain('Become an instructor');
    expect(teach).not.toContain('Demotion seminar');
    for (const p of [teacher, pupil, again]) await p.api.dispose();
  });
});
