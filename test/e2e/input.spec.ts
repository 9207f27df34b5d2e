import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { analyzeChapter } from '../../lib/content/analyze';
import {
  BASE_URL,
  buildWorld,
  callAction,
  callFormAction,
  dbDigest,
  disposeWorld,
  expectRefused,
  key,
  postActionBody,
  SCENARIO_CSV,
  validCalls,
  WORKSHOP_DRAFT,
  type ActionReply,
  type ValidCall,
  type World,
} from './actions';
import { countRows, submit } from './support';

// Bad input to every server action and route handler, sent by a signed-in user who may call it: wrong types,
// missing fields, unknown ids, out-of-range values, huge and malformed bodies. Each gets a 4xx (or the action's
// ok:false with a 4xx status) and a message, never a 500, and writes nothing.

const file = 'content/chapters/00-introduction/index.mdx';
const quiz = analyzeChapter(fs.readFileSync(file, 'utf8'), 'introduction', file).quizzes[0]!;
const right = quiz.choices.flatMap((c, i) => (c.correct ? [i] : []));
const LONG = 'x'.repeat(10_000);
// Covered by auth.spec.ts, sign-in-security.spec.ts and sessions.spec.ts (their failures count towards sign-in throttling).
const AUTH_ACTIONS = ['signInAction', 'signUpAction', 'signOutAction', 'oauthSignInAction', 'changePasswordAction'];
const THROTTLE_TABLES = ['RateLimitHit', 'SignInFailure'];

/** A value of another type than the one given. */
function wrongType(v: unknown): unknown {
  if (typeof v === 'string') return 12345;
  if (typeof v === 'number') return 'not a number';
  if (typeof v === 'boolean') return 'yes';
  if (v === null) return { not: 'null' };
  if (Array.isArray(v)) return 'not a list';
  return 'not an object';
}

/** Cases every action gets: built from its valid call, so new fields are covered without editing this file. */
function genericCases(call: ValidCall): [string, unknown][] {
  if (call.kind === 'args') {
    const arg = (call.payload as unknown[])[0] as Record<string, unknown>;
    const cases: [string, unknown][] = [
      ['no argument', []],
      ['null', [null]],
      ['a string', ['text']],
      ['a number', [42]],
      ['a list', [[1, 2]]],
      ['an empty object', [{}]],
    ];
    if (Object.values(arg).some((v) => typeof v === 'string'))
      cases.push([
        'every string 10,000 characters',
        [Object.fromEntries(Object.entries(arg).map(([k, v]) => [k, typeof v === 'string' ? LONG : v]))],
      ]);
    for (const [k, v] of Object.entries(arg)) cases.push([`${k} of the wrong type`, [{ ...arg, [k]: wrongType(v) }]]);
    return cases;
  }
  const fields = call.payload as Record<string, string>;
  const cases: [string, unknown][] = [
    ['no fields', {}],
    ['every field 10,000 characters', Object.fromEntries(Object.keys(fields).map((k) => [k, LONG]))],
  ];
  for (const k of Object.keys(fields)) cases.push([`${k} empty`, { ...fields, [k]: '' }]);
  return cases;
}

/** Out-of-range values and unknown ids, action by action. */
function specificCases(w: World): Record<string, [string, unknown][]> {
  const quizArg = { quizId: quiz.id, selected: right, confident: true, durationMs: 2000, idempotencyKey: key() };
  const drillArg = {
    scenarioId: 'shuttle-unsigned-stop',
    setId: null,
    label: 'specification-gaming',
    answers: { training: 'no', shift: 'yes', competence: 'yes' },
    confident: true,
    durationMs: 1200,
    idempotencyKey: key(),
  };
  const reviewArg = {
    cardId: w.cardId,
    shownItemId: quiz.id,
    selected: right,
    confident: true,
    durationMs: 1500,
    cardVersion: w.cardVersion,
    idempotencyKey: key(),
  };
  const guestAttempt = {
    idempotencyKey: key(),
    itemKind: 'quiz',
    itemId: quiz.id,
    response: {},
    correct: true,
    confident: true,
    durationMs: 900,
    createdAt: '2024-02-01T10:00:00Z',
  };
  const assignment = { classId: w.classId, kind: 'review', reviews: '10', opensAt: '2024-01-01T00:00', dueAt: '2025-01-01T00:00' };
  const workshopArg = { classId: w.classId, scenarioId: null, ...WORKSHOP_DRAFT };
  return {
    submitQuizAnswer: [
      ['a negative duration', [{ ...quizArg, durationMs: -5 }]],
      ['a duration over a day', [{ ...quizArg, durationMs: 1e12 }]],
      ['a fractional duration', [{ ...quizArg, durationMs: 1.5 }]],
      ['confidence that is not a boolean', [{ ...quizArg, confident: 'true' }]],
      ['an option out of range', [{ ...quizArg, selected: [42] }]],
      ['an option the question does not have', [{ ...quizArg, selected: [quiz.choices.length] }]],
      ['no option', [{ ...quizArg, selected: [] }]],
      ['an unknown question', [{ ...quizArg, quizId: 'no-such-quiz' }]],
      ['a malformed request key', [{ ...quizArg, idempotencyKey: 'no spaces allowed!' }]],
    ],
    gradeQuizAsGuest: [
      ['an unknown question', [{ quizId: 'no-such-quiz', selected: right }]],
      ['an option out of range', [{ quizId: quiz.id, selected: [42] }]],
      ['no option', [{ quizId: quiz.id, selected: [] }]],
    ],
    gradeDrillAsGuest: [
      ['an unknown scenario', [{ scenarioId: 'no-such-scenario', label: 'goal-misgeneralization', answers: drillArg.answers }]],
      ['an unknown label', [{ scenarioId: drillArg.scenarioId, label: 'boredom', answers: drillArg.answers }]],
      ['answers missing', [{ scenarioId: drillArg.scenarioId, label: 'goal-misgeneralization' }]],
    ],
    submitDrillAnswer: [
      ['an unknown label', [{ ...drillArg, label: 'boredom' }]],
      ['an answer that is not yes or no', [{ ...drillArg, answers: { ...drillArg.answers, shift: 'maybe' } }]],
      ['answers missing', [{ ...drillArg, answers: undefined }]],
      [
        'answers in the old shape',
        [{ ...drillArg, answers: undefined, axes: { signal: 'right', capability: 'generalized', goal: 'proxy' } }],
      ],
      ['a negative duration', [{ ...drillArg, durationMs: -1 }]],
      ['an unknown scenario', [{ ...drillArg, scenarioId: 'no-such-scenario' }]],
      ['an unknown set', [{ ...drillArg, setId: 'cnosuchset000000000000000' }]],
      // A classmate's workshop scenario, named with a class it is not in (the learner's other options are refused too).
      ['a workshop scenario under another class', [{ ...drillArg, setId: `workshop:${w.otherClassId}`, scenarioId: w.workshopId }]],
      ['an unknown workshop scenario', [{ ...drillArg, setId: `workshop:${w.classId}`, scenarioId: 'cnosuchscenario0000000000' }]],
    ],
    submitWorkshopScenario: [
      [
        'a sentence that is not in the text',
        [
          {
            ...workshopArg,
            questions: { ...WORKSHOP_DRAFT.questions, shift: { answer: 'no', evidence: 'A sentence the story never says.' } },
          },
        ],
      ],
      ['a title that gives the answer away', [{ ...workshopArg, title: 'The dock robot finds a loophole' }]],
      ['answers that do not fit the label', [{ ...workshopArg, label: 'capability-failure' }]],
      ['a label that is not a failure mode', [{ ...workshopArg, label: 'boredom' }]],
      ['a text of 1,201 characters', [{ ...workshopArg, description: 'y'.repeat(1201) }]],
      ['a class the learner is not in', [{ ...workshopArg, classId: w.otherClassId }]],
      ['someone else’s scenario to revise', [{ ...workshopArg, scenarioId: w.workshopId }]],
    ],
    moderateWorkshopAction: [
      ['"promoted" set by hand', [{ classId: w.classId, scenarioId: w.workshopId, status: 'promoted', comment: null }]],
      ['another class’s pair', [{ classId: w.otherClassId, scenarioId: w.workshopId, status: 'hidden', comment: null }]],
      ['an unknown submission', [{ classId: w.classId, scenarioId: 'cnosuchscenario0000000000', status: 'hidden', comment: null }]],
      ['a comment of 1,001 characters', [{ classId: w.classId, scenarioId: w.workshopId, status: 'hidden', comment: 'z'.repeat(1001) }]],
    ],
    promoteWorkshopAction: [
      ['someone else’s set', [{ classId: w.classId, scenarioId: w.workshopId, setId: w.setId }]],
      ['another class’s pair', [{ classId: w.otherClassId, scenarioId: w.workshopId, setId: w.ownerSetId }]],
      ['an unknown submission', [{ classId: w.classId, scenarioId: 'cnosuchscenario0000000000', setId: w.ownerSetId }]],
    ],
    submitReview: [
      ['an unknown card', [{ ...reviewArg, cardId: 'cnosuchcard00000000000000' }]],
      ['a question that is not the card’s', [{ ...reviewArg, shownItemId: 'another-question' }]],
      ['an option out of range', [{ ...reviewArg, selected: [99] }]],
      ['confidence that is not a boolean', [{ ...reviewArg, confident: 1 }]],
      ['a negative duration', [{ ...reviewArg, durationMs: -100 }]],
      ['no card version', [{ ...reviewArg, cardVersion: undefined }]],
      ['a negative card version', [{ ...reviewArg, cardVersion: -1 }]],
      ['a card version that is not the card’s (a stale tab)', [{ ...reviewArg, cardVersion: w.cardVersion + 5 }]],
    ],
    markChapterComplete: [
      ['an unknown chapter', [{ chapter: 'no-such-chapter', complete: true }]],
      ['complete that is not a boolean', [{ chapter: 'introduction', complete: 'yes' }]],
    ],
    saveChapterPosition: [
      ['an anchor with spaces and markup', [{ chapter: 'introduction', position: '<b>bold</b> move' }]],
      ['an anchor of 10,000 characters', [{ chapter: 'introduction', position: LONG.toLowerCase() }]],
      ['an unknown chapter', [{ chapter: '../../etc/passwd', position: 'x' }]],
    ],
    mergeGuestProgress: [
      [
        'an answer dated in year 9999',
        [{ attempts: [{ ...guestAttempt, createdAt: '9999-12-31T00:00:00Z' }], reviews: [], completed: {} }],
      ],
      ['a completion dated in year 9999', [{ attempts: [], reviews: [], completed: { introduction: '9999-01-01T00:00:00Z' } }]],
      ['a date that is not a date', [{ attempts: [{ ...guestAttempt, createdAt: 'yesterday' }], reviews: [], completed: {} }]],
      ['a negative duration', [{ attempts: [{ ...guestAttempt, durationMs: -1 }], reviews: [], completed: {} }]],
      ['correct that is not a boolean', [{ attempts: [{ ...guestAttempt, correct: 'true' }], reviews: [], completed: {} }]],
      ['an unknown item kind', [{ attempts: [{ ...guestAttempt, itemKind: 'essay' }], reviews: [], completed: {} }]],
      [
        '5,001 answers',
        [
          {
            attempts: Array.from({ length: 5001 }, (_, i) => ({ ...guestAttempt, idempotencyKey: `guestkey${i}` })),
            reviews: [],
            completed: {},
          },
        ],
      ],
    ],
    deleteScenarioSetAction: [['an unknown set', [{ setId: 'cnosuchset000000000000000' }]]],
    renameScenarioSetAction: [
      ['an unknown set', [{ setId: 'cnosuchset000000000000000', title: 'New name' }]],
      ['a title of spaces', [{ setId: w.manageSetId, title: '     ' }]],
      ['a title of 121 characters', [{ setId: w.manageSetId, title: 'x'.repeat(121) }]],
    ],
    removeScenariosAction: [
      ['an unknown set', [{ setId: 'cnosuchset000000000000000', scenarioIds: ['office-heating-lights'] }]],
      ['a scenario not in the set', [{ setId: w.manageSetId, scenarioIds: ['no-such-scenario'] }]],
      ['no scenarios', [{ setId: w.manageSetId, scenarioIds: [] }]],
      ['every scenario of the set', [{ setId: w.manageSetId, scenarioIds: ['office-heating-lights'] }]],
    ],
    changeScenarioSetForm: [
      ['an unknown mode', { setId: w.manageSetId, mode: 'merge', format: 'csv', text: SCENARIO_CSV }],
      ['another person’s set', { setId: 'cnosuchset000000000000000', mode: 'replace', format: 'csv', text: SCENARIO_CSV }],
      ['rows already in the set', { setId: w.manageSetId, mode: 'append', format: 'csv', text: SCENARIO_CSV }],
      ['text that is not CSV scenarios', { setId: w.manageSetId, mode: 'replace', format: 'csv', text: 'just,some\nwords,here' }],
      ['a file over 1 MB', { setId: w.manageSetId, mode: 'replace', format: 'json', text: 'x'.repeat(1024 * 1024 + 10) }],
    ],
    leaveClassAction: [['a class that does not exist', [{ classId: 'cnosuchclass0000000000000' }]]],
    rotateJoinCodeAction: [['a class that does not exist', [{ classId: 'cnosuchclass0000000000000' }]]],
    removeCoInstructorAction: [
      ['someone who does not co-teach', [{ classId: w.classId, userId: w.spare.id }]],
      ['an unknown user', [{ classId: w.classId, userId: 'cnosuchuser00000000000000' }]],
    ],
    deleteAssignmentAction: [
      ['an unknown assignment', [{ classId: w.classId, assignmentId: 'cnosuchassignment00000000' }]],
      ['another class’s pair', [{ classId: w.otherClassId, assignmentId: w.assignmentId }]],
    ],
    createClassAction: [['a name of spaces', { title: '     ' }]],
    createCoInstructorInviteAction: [
      ['a class that does not exist', [{ classId: 'cnosuchclass0000000000000' }]],
      ['another instructor’s class', [{ classId: w.spareClassId }]],
    ],
    revokeCoInstructorInviteAction: [
      ['an unknown invite', [{ classId: w.classId, inviteId: 'cnosuchinvite000000000000' }]],
      ['another class’s pair', [{ classId: w.otherClassId, inviteId: w.inviteId }]],
    ],
    acceptCoInstructorInviteAction: [
      ['a link of the wrong shape', { token: 'short' }],
      ['a link with a slash', { token: `${'a'.repeat(21)}/${'b'.repeat(21)}` }],
      ['a link no class has', { token: 'Z'.repeat(43) }],
    ],
    createAssignmentAction: [
      ['a due date in year 9999', { ...assignment, dueAt: '9999-12-31T00:00' }],
      ['an open date in year 9999', { ...assignment, opensAt: '9999-01-01T00:00', dueAt: '9999-02-01T00:00' }],
      ['a due date before the open date', { ...assignment, dueAt: '2023-01-01T00:00' }],
      ['a date that is not a date', { ...assignment, dueAt: 'next Tuesday' }],
      ['0 reviews', { ...assignment, reviews: '0' }],
      ['-3 reviews', { ...assignment, reviews: '-3' }],
      ['501 reviews', { ...assignment, reviews: '501' }],
      ['2.5 reviews', { ...assignment, reviews: '2.5' }],
      ['an unknown kind', { ...assignment, kind: 'essay' }],
      ['a workshop asking for nothing', { ...assignment, kind: 'workshop', write: '0', classify: '0' }],
      ['a workshop asking for 6 scenarios each', { ...assignment, kind: 'workshop', write: '6', classify: '1' }],
      ['an unknown chapter', { ...assignment, kind: 'chapter', chapter: 'no-such-chapter' }],
      ['someone else’s scenario set', { ...assignment, kind: 'drill', drill: `set:${w.setId}` }],
      ['a class that does not exist', { ...assignment, classId: 'cnosuchclass0000000000000' }],
    ],
    joinClassAction: [
      ['a code of the wrong shape', { code: '12' }],
      ['a code no class uses', { code: 'ZZZZZ-ZZZZZ' }],
    ],
    importScenarioSetForm: [
      ['an unknown format', { title: 'Set', format: 'xml', text: '<x/>' }],
      ['text that is not CSV scenarios', { title: 'Set', format: 'csv', text: 'just,some\nwords,here' }],
      ['JSON that is not a list of scenarios', { title: 'Set', format: 'json', text: '{"__proto__": {"admin": true}}' }],
      ['a file over 1 MB', { title: 'Set', format: 'json', text: 'x'.repeat(1024 * 1024 + 10) }],
    ],
    saveReviewSettings: [
      ['retention 2.0', { desiredRetention: '2.0', newCardsPerDay: '20' }],
      ['retention -1', { desiredRetention: '-1', newCardsPerDay: '20' }],
      ['retention that is not a number', { desiredRetention: 'high', newCardsPerDay: '20' }],
      ['a negative daily limit', { desiredRetention: '0.9', newCardsPerDay: '-5' }],
      ['a daily limit of a billion', { desiredRetention: '0.9', newCardsPerDay: '1000000000' }],
      ['a fractional daily limit', { desiredRetention: '0.9', newCardsPerDay: '2.5' }],
    ],
    deleteAccountAction: [['another email', { confirmEmail: 'someone-else@example.com' }]],
    becomeInstructorAction: [
      ['the box not ticked', { confirm: 'no' }],
      ['"true" for the box', { confirm: 'true' }],
    ],
    // (saveReviewSettings also gets "newCardsPerDay empty" from the generic cases: it used to be saved as 0.)
  };
}

function digestWithout(tables: string[]): Record<string, unknown> {
  const d = dbDigest();
  for (const t of tables) delete d[t];
  return d;
}

test.describe('bad input', () => {
  test.describe.configure({ mode: 'serial' });
  let w: World;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    w = await buildWorld(quiz.id, right);
  });
  test.afterAll(async () => disposeWorld(w));

  test('every server action answers wrong types, missing fields, unknown ids and out-of-range values with a 4xx and a message, and writes nothing', async () => {
    test.setTimeout(180_000);
    const calls = validCalls(w);
    const specific = specificCases(w);
    let sent = 0;
    for (const [name, call] of Object.entries(calls)) {
      if (AUTH_ACTIONS.includes(name)) continue;
      const api = call.as === 'owner' ? w.owner.api : w.learner.api;
      // Failed joins and invite acceptances count towards their guessing limits.
      const ignore = ['joinClassAction', 'acceptCoInstructorInviteAction'].includes(name) ? THROTTLE_TABLES : [];
      const before = digestWithout(ignore);
      for (const [what, payload] of [...genericCases(call), ...(specific[name] ?? [])]) {
        const reply: ActionReply =
          call.kind === 'args'
            ? await callAction(api, name, payload as unknown[], { path: call.path })
            : await callFormAction(api, name, payload as Record<string, string>, { path: call.path });
        expectRefused(reply, [400, 404, 409, 413, 422], `${name} with ${what}`);
        sent++;
      }
      expect(digestWithout(ignore), `${name}: nothing written`).toEqual(before);
    }
    expect(sent).toBeGreaterThan(150);
  });

  test('malformed and oversized action requests get 400/413 with a message, never a 500', async () => {
    test.setTimeout(120_000);
    const calls = validCalls(w);
    const before = dbDigest();
    const invalidUtf8 = Buffer.from([0x5b, 0x7b, 0x22, 0x63, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d, 0x5d]); // [{"c":"\xff\xfe\xc3("}]
    const overLimit = JSON.stringify([{ pad: 'x'.repeat(2 * 1024 * 1024 + 100) }]);
    const bodies: [string, string | Buffer, string, number[]][] = [
      ['an empty body', '', 'text/plain;charset=UTF-8', [400]],
      ['truncated JSON', '[{"chapter":', 'text/plain;charset=UTF-8', [400]],
      ['JSON that is not a list', '{"a":1}', 'text/plain;charset=UTF-8', [400]],
      ['a React reference to nothing', '["$Q1"]', 'text/plain;charset=UTF-8', [400]],
      ['a server-reference marker', '["$h0"]', 'text/plain;charset=UTF-8', [400]],
      ['a huge BigInt marker', `["$n${'9'.repeat(400)}"]`, 'text/plain;charset=UTF-8', [400]],
      ['nesting 5,000 deep', '['.repeat(5000) + ']'.repeat(5000), 'text/plain;charset=UTF-8', [400]],
      ['a urlencoded body', 'a=1&b=2', 'application/x-www-form-urlencoded', [400, 404]],
      [
        'multipart with a broken boundary',
        '--zz\r\nContent-Disposition: form-data; name="0"\r\n\r\n[',
        'multipart/form-data; boundary=zz',
        [400],
      ],
      ['a body over 2 MB', overLimit, 'text/plain;charset=UTF-8', [413]],
    ];
    for (const [name, call] of Object.entries(calls)) {
      const api = call.as === 'owner' ? w.owner.api : w.learner.api;
      for (const [what, body, type, statuses] of bodies) {
        const reply = await postActionBody(api, name, body, type, { path: call.path });
        expect(statuses, `${name} with ${what}: ${reply.status} ${reply.text.slice(0, 200)}`).toContain(reply.status);
        expect(reply.text, `${name} with ${what}`).toMatch(/nothing was saved|too large|could not be read|Invalid Server Action/i);
        expect(reply.text).not.toMatch(/\bat \S+\.js|digest/);
      }
      if (AUTH_ACTIONS.includes(name)) continue;
      // Invalid UTF-8 is decoded with replacement characters and then fails validation like any wrong value.
      const reply = await postActionBody(api, name, invalidUtf8, 'text/plain;charset=UTF-8', { path: call.path });
      expectRefused(reply, [400, 404, 422], `${name} with invalid UTF-8`);
    }
    // An unknown or malformed action id.
    for (const id of ['0000000000000000000000000000000000000000aa', 'not-hex', '']) {
      const res = await w.learner.api.post('/chapters/introduction', {
        headers: { 'Next-Action': id, Origin: BASE_URL, 'Content-Type': 'text/plain' },
        data: '[{}]',
      });
      expect(res.status(), `action id "${id}"`).toBeGreaterThanOrEqual(400);
      expect(res.status(), `action id "${id}"`).toBeLessThan(500);
    }
    expect(dbDigest()).toEqual(before);
  });

  test('route handlers answer bad input with a 4xx and a message, and write nothing', async () => {
    const api = w.learner.api;
    const before = dbDigest();
    const invalidUtf8 = Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]);
    const common: [string, string | Buffer, string, number][] = [
      ['an empty body', '', 'application/json', 400],
      ['truncated JSON', '{"a":', 'application/json', 400],
      ['invalid UTF-8', invalidUtf8, 'application/json', 400],
      ['text that is not JSON', 'hello', 'text/plain', 400],
      ['a list', '[1,2,3]', 'application/json', 400],
      ['a body over 1 MB', JSON.stringify({ pad: 'x'.repeat(1024 * 1024 + 10) }), 'application/json', 413],
    ];
    const cases: Record<string, [string, unknown, number][]> = {
      '/api/answers': [
        ['a negative duration', { quizId: quiz.id, selected: right, confident: true, durationMs: -5, idempotencyKey: key() }, 400],
        [
          'confidence that is not a boolean',
          { quizId: quiz.id, selected: right, confident: 'yes', durationMs: 1, idempotencyKey: key() },
          400,
        ],
        ['an unknown question', { quizId: 'nope', selected: [0], confident: true, durationMs: 1, idempotencyKey: key() }, 404],
        ['a 10,000-character question id', { quizId: LONG, selected: right, confident: true, durationMs: 1, idempotencyKey: key() }, 400],
      ],
      '/api/review-items': [
        ['cards that is not a list', { cards: 'nope' }, 400],
        ['201 cards', { cards: Array.from({ length: 201 }, (_, i) => ({ id: `${i}`, itemKind: 'quiz', itemId: 'x', reps: 0 })) }, 400],
        ['an unknown item kind', { cards: [{ id: 'a', itemKind: 'essay', itemId: 'x', reps: 0 }] }, 400],
        ['negative reps', { cards: [{ id: 'a', itemKind: 'quiz', itemId: 'x', reps: -1 }] }, 400],
        ['reps of 1e12', { cards: [{ id: 'a', itemKind: 'quiz', itemId: 'x', reps: 1e12 }] }, 400],
        ['a 10,000-character id', { cards: [{ id: LONG, itemKind: 'quiz', itemId: 'x', reps: 0 }] }, 400],
      ],
      '/api/test/clock': [
        ['a negative offset', { offsetMs: -1 }, 400],
        ['an offset that is not a number', { offsetMs: 'tomorrow' }, 400],
        ['an offset of 1e20', { offsetMs: 1e20 }, 400],
        ['a fractional offset', { offsetMs: 1.5 }, 400],
        ['no offset', {}, 400],
      ],
    };
    for (const [route, list] of Object.entries(cases)) {
      for (const [what, data, status] of list) {
        const res = await api.post(route, { data: data as object, headers: { Origin: BASE_URL } });
        expect(res.status(), `${route} with ${what}`).toBe(status);
        const json = (await res.json()) as { error?: string };
        expect(json.error?.length ?? 0, `${route} with ${what}: a message`).toBeGreaterThan(5);
        expect(res.headers()['set-cookie'] ?? '', `${route} with ${what}: no cookie`).toBe('');
      }
      for (const [what, body, type, status] of common) {
        const res = await api.post(route, { data: body, headers: { Origin: BASE_URL, 'Content-Type': type } });
        expect(res.status(), `${route} with ${what}`).toBe(status);
        const text = await res.text();
        expect((JSON.parse(text) as { error: string }).error.length, `${route} with ${what}`).toBeGreaterThan(5);
        expect(text).not.toMatch(/SyntaxError|\bat \S+\.js/);
      }
    }
    expect(dbDigest()).toEqual(before);
  });

  test('a form shows the message for an out-of-range value, and stores nothing', async ({ browser }) => {
    const context = await browser.newContext();
    await context.addCookies((await w.owner.api.storageState()).cookies);
    const page = await context.newPage();
    await page.goto(`/teach/${w.classId}`);
    const before = countRows('Assignment', 'classId = ?', w.classId);
    await page.getByLabel('A number of reviews').check();
    await page.getByLabel('Opens').fill('2030-01-01T09:00');
    await page.getByLabel('Due', { exact: true }).fill('9999-12-31T09:00');
    await submit(page, 'Create assignment');
    await expect(page.getByRole('alert').first()).toContainText('Please correct the highlighted fields.');
    await expect(page.getByText('Pick a due date before 2100.')).toBeVisible();
    expect(countRows('Assignment', 'classId = ?', w.classId)).toBe(before);
    await context.close();
  });
});
