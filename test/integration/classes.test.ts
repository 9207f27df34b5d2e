import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client';
import { createUser } from '../../lib/db/users';
import { recordAttempt } from '../../lib/db/attempts';
import { setChapterComplete } from '../../lib/db/progress';
import {
  acceptCoInstructorInvite,
  classesTaughtBy,
  createCoInstructorInvite,
  findUsableInvite,
  INVITE_TTL_MS,
  inviteTokenHash,
  pendingInvites,
  revokeCoInstructorInvite,
  createAssignment,
  createClass,
  enrol,
  findClassByCode,
  removeCoInstructor,
  rotateJoinCode,
} from '../../lib/db/classes';
import { instructorRole } from '../../lib/db/class-roles';
import { asInstructor, owning, teaching } from '../support/capability';
import { buildRoster, classAttemptsPages, classDrillConfusion, loadClassData } from '../../lib/db/class-analytics';
import { seedDemoClass, DEMO_CLASS_TITLE, DEMO_LEARNER_COUNT } from '../../lib/db/demo-class';
import { assignmentSpec } from '../../lib/content/assignment-items';
import { getScenario } from '../../lib/content/bank';
import { getCourse } from '../../lib/content/course';
import { answersFit, type Label, type Question, type QuestionAnswer } from '../../lib/learning/scenario-schema';
import { JOIN_CODE_BITS, JOIN_CODE_LENGTH } from '../../lib/learning/join-code';
import { ATTEMPT_COLUMNS, attemptsCsvStream, csvCell, gradebookColumns, gradebookCsv } from '../../lib/teach/csv';

const instructor = (email: string) => createUser({ name: email.split('@')[0]!, email, passwordHash: 'x', role: 'instructor' });
const learner = (email: string, name = 'Learner') => createUser({ name, email, passwordHash: 'x', role: 'learner' });
const DAY = 86_400_000;

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let out = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out + decoder.decode();
    out += decoder.decode(value, { stream: true });
  }
}

describe('who teaches a class', () => {
  it('an instructor sees only the classes they own or co-teach', async () => {
    const a = await instructor('own-a@example.com');
    const b = await instructor('own-b@example.com');
    const ca = await createClass(await asInstructor(a.id), 'A class');
    const cb = await createClass(await asInstructor(b.id), 'B class');
    expect((await classesTaughtBy(await asInstructor(a.id))).map((c) => c.id)).toEqual([ca.id]);
    expect((await classesTaughtBy(await asInstructor(b.id))).map((c) => c.id)).toEqual([cb.id]);
    const { token } = await createCoInstructorInvite(await owning(b.id, cb.id), new Date());
    expect(await acceptCoInstructorInvite(await asInstructor(a.id), token, new Date())).toEqual({ classId: cb.id });
    const mine = await classesTaughtBy(await asInstructor(a.id));
    expect(mine.map((c) => [c.title, c.role]).sort()).toEqual([
      ['A class', 'owner'],
      ['B class', 'co-instructor'],
    ]);
  });

  it("instructorRole is null for another instructor's class", async () => {
    const a = await instructor('role-a@example.com');
    const b = await instructor('role-b@example.com');
    const l = await learner('role-l@example.com');
    const cb = await createClass(await asInstructor(b.id), 'Not yours');
    expect(await instructorRole(b.id, cb.id)).toBe('owner');
    expect(await instructorRole(a.id, cb.id)).toBeNull();
    await enrol(cb.id, l.id);
    // Being in the class as a learner gives no teaching role.
    expect(await instructorRole(l.id, cb.id)).toBeNull();
    expect(await instructorRole(a.id, 'no-such-class')).toBeNull();
  });

  it('a removed co-instructor loses the role on the very next check', async () => {
    const owner = await instructor('rm-owner@example.com');
    const co = await instructor('rm-co@example.com');
    const c = await createClass(await asInstructor(owner.id), 'Shared');
    const { token } = await createCoInstructorInvite(await owning(owner.id, c.id), new Date());
    expect(await acceptCoInstructorInvite(await asInstructor(co.id), token, new Date())).toEqual({ classId: c.id });
    expect(await instructorRole(co.id, c.id)).toBe('co-instructor');
    expect(await removeCoInstructor(await owning(owner.id, c.id), co.id)).toBe(true);
    expect(await instructorRole(co.id, c.id)).toBeNull();
    expect(await classesTaughtBy(await asInstructor(co.id))).toEqual([]);
  });

  it('a co-instructor invite works once, until it expires or is withdrawn, and only its hash is stored', async () => {
    const owner = await instructor('inv-owner@example.com');
    const [x, y, z] = [await instructor('inv-x@example.com'), await instructor('inv-y@example.com'), await instructor('inv-z@example.com')];
    const c = await createClass(await asInstructor(owner.id), 'Invited');
    const t0 = new Date('2026-04-01T10:00:00Z');
    const inv = await createCoInstructorInvite(await owning(owner.id, c.id), t0);
    expect(inv.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(inv.expiresAt.getTime() - t0.getTime()).toBe(INVITE_TTL_MS);
    const row = await db.coInstructorInvite.findUniqueOrThrow({ where: { id: inv.inviteId } });
    expect(row.tokenHash).toBe(inviteTokenHash(inv.token));
    expect(JSON.stringify(row)).not.toContain(inv.token);
    expect(await findUsableInvite(inv.token, t0)).toMatchObject({ classId: c.id, title: 'Invited' });
    expect((await pendingInvites(await owning(owner.id, c.id), t0)).map((p) => p.id)).toEqual([inv.inviteId]);

    // The owner (and anyone who already teaches) leaves it unused; the first other instructor spends it.
    expect(await acceptCoInstructorInvite(await asInstructor(owner.id), inv.token, t0)).toBe('teaches');
    expect(await acceptCoInstructorInvite(await asInstructor(x.id), inv.token, t0)).toEqual({ classId: c.id });
    expect(await acceptCoInstructorInvite(await asInstructor(y.id), inv.token, t0)).toBe('invalid');
    expect(await findUsableInvite(inv.token, t0)).toBeNull();
    expect(await pendingInvites(await owning(owner.id, c.id), t0)).toEqual([]);

    // Expired a moment after its 7 days.
    const old = await createCoInstructorInvite(await owning(owner.id, c.id), t0);
    expect(await acceptCoInstructorInvite(await asInstructor(y.id), old.token, new Date(t0.getTime() + INVITE_TTL_MS))).toBe('invalid');
    // Withdrawn.
    const gone = await createCoInstructorInvite(await owning(owner.id, c.id), t0);
    expect(await revokeCoInstructorInvite(await owning(owner.id, c.id), gone.inviteId)).toBe(true);
    expect(await revokeCoInstructorInvite(await owning(owner.id, c.id), gone.inviteId)).toBe(false);
    expect(await acceptCoInstructorInvite(await asInstructor(y.id), gone.token, t0)).toBe('invalid');
    // Another class's id does not withdraw it.
    const other = await createClass(await asInstructor(owner.id), 'Other');
    const kept = await createCoInstructorInvite(await owning(owner.id, c.id), t0);
    expect(await revokeCoInstructorInvite(await owning(owner.id, other.id), kept.inviteId)).toBe(false);

    // Two people racing with one link: exactly one gets in.
    const results = await Promise.all([
      acceptCoInstructorInvite(await asInstructor(y.id), kept.token, t0),
      acceptCoInstructorInvite(await asInstructor(z.id), kept.token, t0),
    ]);
    expect(results.filter((r) => r === 'invalid')).toHaveLength(1);
    expect(await db.classInstructor.count({ where: { classId: c.id } })).toBe(2);
  });
});

describe('join codes', () => {
  it('have 10 characters of Crockford base32 (50 bits), and rotating one retires the old code', async () => {
    const owner = await instructor('code-owner@example.com');
    const c = await createClass(await asInstructor(owner.id), 'Codes');
    expect(JOIN_CODE_LENGTH).toBe(10);
    expect(JOIN_CODE_BITS).toBe(50);
    expect(c.joinCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect((await findClassByCode(c.joinCode))?.id).toBe(c.id);
    const next = await rotateJoinCode(await teaching(owner.id, c.id));
    expect(next).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(next).not.toBe(c.joinCode);
    expect(await findClassByCode(c.joinCode)).toBeNull();
    expect((await findClassByCode(next!))?.id).toBe(c.id);
  });
});

describe('the roster', () => {
  it('reports each learner’s status and score per assignment', async () => {
    const owner = await instructor('roster-owner@example.com');
    const c = await createClass(await asInstructor(owner.id), 'Roster');
    const t = new Date();
    const done = await learner('roster-done@example.com', 'Done Learner');
    const partial = await learner('roster-partial@example.com', 'Partial Learner');
    const idle = await learner('roster-idle@example.com', 'Idle Learner');
    for (const u of [done, partial, idle]) await enrol(c.id, u.id);
    const quizzes = getCourse().analyses.get('introduction')!.quizzes;
    const open = await createAssignment(await teaching(owner.id, c.id), {
      kind: 'chapter',
      target: 'introduction',
      title: 'Intro',
      opensAt: new Date(t.getTime() - DAY),
      dueAt: new Date(t.getTime() + DAY),
    });
    const past = await createAssignment(await teaching(owner.id, c.id), {
      kind: 'chapter',
      target: 'scheming',
      title: 'Scheming',
      opensAt: new Date(t.getTime() - 3 * DAY),
      dueAt: new Date(t.getTime() - DAY),
    });
    const answer = (userId: string, quizId: string, n: number, correct: boolean) =>
      recordAttempt(userId, {
        idempotencyKey: `roster-${userId.slice(-6)}-${n}`,
        itemKind: 'quiz',
        itemId: quizId,
        chapter: 'introduction',
        response: { selected: [0] },
        correct,
        confident: true,
        durationMs: 1000,
      });
    for (const [n, q] of quizzes.entries()) await answer(done.id, q.id, n, n !== 0);
    await setChapterComplete(done.id, 'introduction', true);
    await answer(partial.id, quizzes[0]!.id, 0, true);

    const data = await loadClassData(await teaching(owner.id, c.id), null);
    const roster = buildRoster(data, [assignmentSpec(open), assignmentSpec(past)], new Date());
    const by = new Map(roster.map((r) => [r.email, r]));
    const status = (email: string) => by.get(email)!.results.map((r) => r.status);
    expect(status('roster-done@example.com')).toEqual(['done', 'late']);
    expect(by.get('roster-done@example.com')!.results[0]!.score).toBeCloseTo((quizzes.length - 1) / quizzes.length);
    expect(by.get('roster-done@example.com')!.lateCount).toBe(1);
    expect(status('roster-partial@example.com')).toEqual(['in-progress', 'late']);
    expect(status('roster-idle@example.com')).toEqual(['not-started', 'late']);
    expect(by.get('roster-idle@example.com')!.lastActive).toBeNull();
    expect(by.get('roster-done@example.com')!.completion).toBe(0.5);
  });

  it('the demo class seeds once, with realistic statuses, first attempts and confusions', { timeout: 180_000 }, async () => {
    const demo = await instructor('demo-owner@example.com');
    const first = await seedDemoClass(demo.email, 'scrypt$not-a-real-hash');
    expect(first?.created).toBe(true);
    // Seeding again does nothing, and does not even hash the password.
    const again = await seedDemoClass(demo.email, () => Promise.reject(new Error('must not hash when the class exists')));
    expect(again).toEqual({ classId: first!.classId, created: false, attempts: 0 });
    expect(await db.class.count({ where: { ownerId: demo.id, title: DEMO_CLASS_TITLE } })).toBe(1);
    expect(await seedDemoClass('no-such-instructor@example.com', 'x')).toBeNull();

    const cls = await db.class.findUniqueOrThrow({ where: { id: first!.classId }, include: { assignments: true } });
    expect(cls.assignments.map((a) => a.kind).sort()).toEqual(['chapter', 'drill', 'review']);
    const data = await loadClassData(
      await teaching(demo.id, cls.id),
      new Date(Math.min(...cls.assignments.map((a) => a.opensAt.getTime()))),
    );
    expect(data.learners).toHaveLength(DEMO_LEARNER_COUNT);
    const roster = buildRoster(
      data,
      cls.assignments.map((a) => assignmentSpec(a)),
      new Date(),
    );
    const statuses = new Set(roster.flatMap((r) => r.results.map((x) => x.status)));
    for (const s of ['done', 'late', 'in-progress']) expect(statuses).toContain(s);
    expect(roster.some((r) => r.lateCount > 0)).toBe(true);
    // Some learners have been away for days.
    expect(roster.some((r) => r.lastActive && Date.now() - r.lastActive.getTime() > 3 * DAY)).toBe(true);
    expect(roster.some((r) => r.results.some((x) => x.score !== null && x.score > 0))).toBe(true);

    // Study days (the dashboard's heatmap) count every stored answer, as recordAttempt keeps them.
    const learnerIds = data.learners.map((l) => l.id);
    const days = await db.studyDay.aggregate({ where: { userId: { in: learnerIds } }, _sum: { answers: true } });
    expect(days._sum.answers).toBe(await db.attempt.count({ where: { userId: { in: learnerIds } } }));
    expect(first!.attempts).toBe(days._sum.answers);

    // One first attempt per learner per item, as the real actions store.
    const dupes = await db.attempt.groupBy({
      by: ['userId', 'itemId'],
      where: { firstAttempt: true, userId: { in: data.learners.map((l) => l.id) } },
      _count: { _all: true },
    });
    expect(dupes.every((d) => d._count._all === 1)).toBe(true);
    const sample = await db.attempt.findFirstOrThrow({ where: { userId: { in: data.learners.map((l) => l.id) }, itemKind: 'scenario' } });
    const response = JSON.parse(sample.response) as { label: string; answers: Record<string, string>; wrong: string[]; truth: string };
    expect(Object.keys(response).sort()).toEqual(['answers', 'label', 'truth', 'wrong']);
    // The answers to the three questions fit the label the learner picked.
    expect(answersFit(response.label as Label, response.answers as Record<Question, QuestionAnswer>)).toBe(true);

    const confusion = classDrillConfusion(data, (id) => getScenario(id) ?? null);
    // Re-grading the stored answers finds misread questions, per failure mode, as the stored `wrong` lists say.
    expect(Object.values(confusion.questionErrors).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(confusion.misreadByLabel['goal-misgeneralization']?.question).toBe('training');
    const off = confusion.matrix
      .flatMap((r) => r.cells.filter((c) => c.picked !== r.truth).map((c) => ({ key: `${r.truth}>${c.picked}`, n: c.count })))
      .sort((x, y) => y.n - x.n);
    expect(off[0]!.key).toBe('goal-misgeneralization>specification-gaming');
    expect(off[1]!.key).toBe('capability-failure>goal-misgeneralization');
  });
});

describe('CSV exports', () => {
  it('the attempts export has the exact header, CRLF lines, a BOM, and neutralises a formula in a name', async () => {
    const owner = await instructor('csv-owner@example.com');
    const c = await createClass(await asInstructor(owner.id), 'CSV');
    const evil = await learner('csv-evil@example.com', '=HYPERLINK("http://evil.example","click")');
    const plain = await learner('csv-plain@example.com', 'Ana, "the" Learner');
    const outsider = await learner('csv-outsider@example.com', 'Not In Class');
    await enrol(c.id, evil.id);
    await enrol(c.id, plain.id);
    for (const [k, u] of [evil, plain, outsider].entries())
      await recordAttempt(u.id, {
        idempotencyKey: `csv-key-${k}-aaaa`,
        itemKind: 'quiz',
        itemId: 'intro-coinrun-reward',
        chapter: 'introduction',
        response: { selected: [1, 2] },
        correct: true,
        confident: false,
        durationMs: 4200,
      });
    await recordAttempt(plain.id, {
      idempotencyKey: 'csv-key-scenario',
      itemKind: 'scenario',
      itemId: 'boat-race-lagoon',
      chapter: 'introduction',
      response: {
        label: 'specification-gaming',
        answers: { training: 'yes', shift: 'no', competence: 'yes' },
        wrong: [],
        truth: 'specification-gaming',
      },
      correct: true,
      confident: true,
      durationMs: null,
    });

    const titles: Record<string, string> = {
      'intro-coinrun-reward': 'Which reward, “get the coin”?',
      'boat-race-lagoon': getScenario('boat-race-lagoon')!.title,
    };
    const text = await readAll(attemptsCsvStream(classAttemptsPages(await teaching(owner.id, c.id), 2), (_kind, id) => titles[id]));
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'attempt_id,learner_email,learner_name,item_kind,item_id,item_title,chapter,correct,confident,first_attempt,duration_ms,answer,created_at,merged',
    );
    expect(lines[0]).toBe(ATTEMPT_COLUMNS.join(','));
    expect(lines.at(-1)).toBe(''); // every row ends in CRLF
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const rows = lines.slice(1, -1);
    expect(rows).toHaveLength(3); // the outsider's attempt is not exported
    const evilRow = rows.find((r) => r.includes('csv-evil@example.com'))!;
    expect(evilRow).toContain(`,"'=HYPERLINK(""http://evil.example"",""click"")",`);
    expect(evilRow).toMatch(
      /,quiz,intro-coinrun-reward,"Which reward, “get the coin”\?",introduction,true,false,true,4200,B\+C,\d{4}-\d\d-\d\dT[^,]+,false$/,
    );
    expect(rows.find((r) => r.includes('csv-plain@example.com') && r.includes(',quiz,'))).toContain(',"Ana, ""the"" Learner",');
    expect(rows.find((r) => r.includes('boat-race-lagoon'))).toContain(',,specification-gaming; training=yes; shift=no; competence=yes,');
    expect(rows.find((r) => r.includes('boat-race-lagoon'))).toContain(`,boat-race-lagoon,${csvCell(titles['boat-race-lagoon'])},`);
  });

  it('the gradebook names its columns by assignment title and due date, unique when titles repeat, and neutralises formulas', async () => {
    const owner = await instructor('gb-owner@example.com');
    const c = await createClass(await asInstructor(owner.id), 'Gradebook');
    const l = await learner('gb-l@example.com', '@SUM(A1:A9)');
    await enrol(c.id, l.id);
    const due = new Date('2026-12-01T12:00:00Z');
    const a = await createAssignment(await teaching(owner.id, c.id), {
      kind: 'review',
      target: '5',
      title: 'Reviews',
      opensAt: new Date(Date.now() - DAY),
      dueAt: due,
    });
    const b = await createAssignment(await teaching(owner.id, c.id), {
      kind: 'review',
      target: '5',
      title: 'Reviews',
      opensAt: new Date(Date.now() - DAY),
      dueAt: due,
    });
    const d = await createAssignment(await teaching(owner.id, c.id), {
      kind: 'chapter',
      target: 'introduction',
      title: 'Read “Introduction”',
      opensAt: new Date(Date.now() - DAY),
      dueAt: due,
    });
    const roster = buildRoster(
      await loadClassData(await teaching(owner.id, c.id), a.opensAt),
      [assignmentSpec(a), assignmentSpec(b), assignmentSpec(d)],
      new Date('2026-11-30T00:00:00Z'),
    );
    const csv = gradebookCsv([a, b, d], roster);
    const [header, row] = csv.slice(1).split('\r\n');
    expect(header).toBe(
      'learner_name,learner_email,last_active,' +
        'Reviews (due 2026-12-01) status,Reviews (due 2026-12-01) score,' +
        'Reviews (due 2026-12-01) #2 status,Reviews (due 2026-12-01) #2 score,' +
        'Read “Introduction” (due 2026-12-01) status,Read “Introduction” (due 2026-12-01) score,' +
        'completion,mean_score,late_count',
    );
    expect(header).not.toContain(a.id);
    expect(new Set(gradebookColumns([a, b, d])).size).toBe(gradebookColumns([a, b, d]).length);
    expect(gradebookColumns([a, b, d])).toEqual(header!.split(','));
    expect(row).toBe(`'@SUM(A1:A9),gb-l@example.com,,not-started,0,not-started,0,not-started,,0,0,0`);
  });
});
