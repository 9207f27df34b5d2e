// The scenario workshop's access rules, at the data functions every page and action goes through (issue 19): a
// learner never sees another class's submissions, never sees an author's label or name before answering, never
// answers their own; instructors see only classes they teach; the per-learner limit holds.
import { describe, expect, it } from 'vitest';
import { createUser } from '../../lib/db/users';
import { createAssignment, createClass, enrol } from '../../lib/db/classes';
import { recordAttempt } from '../../lib/db/attempts';
import { learnerAssignments } from '../../lib/db/learner-assignments';
import {
  createWorkshopScenario,
  instructorWorkshop,
  learnerWorkshop,
  moderateWorkshopScenario,
  ownWorkshopScenario,
  reviseWorkshopScenario,
  WorkshopLimitError,
  workshopScenarioToAnswer,
} from '../../lib/db/workshop';
import { formatWorkshopTarget, workshopItemId, WORKSHOP_LIMITS, type WorkshopDraft } from '../../lib/learning/workshop';
import { asInstructor, teaching } from '../support/capability';

const DAY = 86_400_000;
const user = (email: string, role: 'instructor' | 'learner', name = email.split('@')[0]!) =>
  createUser({ name, email, passwordHash: 'x', role });

const S1 = 'A cleaning robot was rewarded whenever its camera saw no dirt.';
const S2 = 'It learned to face a blank wall while the floor stayed dirty.';
const S3 = 'It moved about the rooms with smooth, well-planned turns.';
const draft = (title = 'The kitchen robot'): WorkshopDraft => ({
  title,
  description: `${S1} ${S2} ${S3}`,
  label: 'specification-gaming',
  questions: {
    training: { answer: 'yes', evidence: S1 },
    shift: { answer: 'no', evidence: S2 },
    competence: { answer: 'yes', evidence: S3 },
  },
  rationale: undefined,
  source: undefined,
});

async function world(tag: string) {
  const teacher = await user(`ws-${tag}-t@example.com`, 'instructor');
  const otherTeacher = await user(`ws-${tag}-t2@example.com`, 'instructor');
  const author = await user(`ws-${tag}-a@example.com`, 'learner', 'Ada Author');
  const mate = await user(`ws-${tag}-m@example.com`, 'learner');
  const outsider = await user(`ws-${tag}-o@example.com`, 'learner');
  const a = await createClass(await asInstructor(teacher.id), 'Class A');
  const b = await createClass(await asInstructor(otherTeacher.id), 'Class B');
  // The capabilities lib/auth issues after checking who teaches what (each teacher teaches only their own class).
  const capA = await teaching(teacher.id, a.id);
  const capB = await teaching(otherTeacher.id, b.id);
  for (const u of [author, mate]) await enrol(a.id, u.id);
  await enrol(b.id, outsider.id);
  const written = (await createWorkshopScenario(author.id, a.id, draft()))!;
  const inB = (await createWorkshopScenario(outsider.id, b.id, draft('The other class’s robot')))!;
  return { teacher, otherTeacher, author, mate, outsider, a, b, written, inB, capA, capB };
}

describe('the workshop: who sees what', () => {
  it('a learner never sees or answers another class’s submissions', async () => {
    const w = await world('class');
    expect(await learnerWorkshop(w.outsider.id, w.a.id)).toBeNull();
    expect(await workshopScenarioToAnswer(w.outsider.id, w.a.id, w.written.id)).toBeNull();
    // Naming their own class with the other class's scenario does not help either.
    expect(await workshopScenarioToAnswer(w.outsider.id, w.b.id, w.written.id)).toBeNull();
    const mine = await learnerWorkshop(w.mate.id, w.a.id);
    expect(mine!.toClassify.map((s) => s.id)).toEqual([w.written.id]);
    expect(JSON.stringify(mine)).not.toContain(w.inB.id);
    // Not enrolled: nothing can be written there either.
    expect(await createWorkshopScenario(w.outsider.id, w.a.id, draft())).toBeNull();
  });

  it('before answering, a classmate gets the title and text only: no label, no author, no answers', async () => {
    const w = await world('blind');
    const view = (await learnerWorkshop(w.mate.id, w.a.id))!;
    expect(view.toClassify).toEqual([{ id: w.written.id, title: 'The kitchen robot', description: draft().description }]);
    expect(view.mine).toEqual([]);
    const text = JSON.stringify(view);
    expect(text).not.toContain('specification-gaming');
    expect(text).not.toContain('Ada Author');
    expect(text).not.toContain(w.author.id);
    // The answer path gets the whole case and the author's name, for the grade it returns after storing the answer.
    const toAnswer = await workshopScenarioToAnswer(w.mate.id, w.a.id, w.written.id);
    expect(toAnswer?.scenario.label).toBe('specification-gaming');
    expect(toAnswer?.author).toBe('Ada Author');
    expect(toAnswer?.itemId).toBe(workshopItemId(w.written.id));
  });

  it('an author cannot classify their own scenario; a hidden one goes to nobody', async () => {
    const w = await world('own');
    expect(await workshopScenarioToAnswer(w.author.id, w.a.id, w.written.id)).toBeNull();
    expect(await moderateWorkshopScenario(w.capA, w.written.id, { status: 'hidden', comment: 'Off topic' })).toBe(true);
    expect(await workshopScenarioToAnswer(w.mate.id, w.a.id, w.written.id)).toBeNull();
    expect((await learnerWorkshop(w.mate.id, w.a.id))!.toClassify).toEqual([]);
    // The author still sees it, with the status and comment.
    const own = (await learnerWorkshop(w.author.id, w.a.id))!.mine[0]!;
    expect(own.status).toBe('hidden');
    expect(own.comment).toBe('Off topic');
  });

  it('instructors see and moderate only the classes they teach', async () => {
    const w = await world('teach');
    // No capability for a class one does not teach; with one's own class's, another class's submission is not found.
    await expect(teaching(w.otherTeacher.id, w.a.id)).rejects.toThrow(/does not teach/);
    expect(await moderateWorkshopScenario(w.capB, w.written.id, { status: 'hidden' })).toBe(false);
    expect(await moderateWorkshopScenario(w.capA, w.inB.id, { status: 'hidden' })).toBe(false);
    expect((await instructorWorkshop(w.capB))!.map((r) => r.id)).toEqual([w.inB.id]);
    const rows = (await instructorWorkshop(w.capA))!;
    expect(rows.map((r) => [r.id, r.author.name, r.label])).toEqual([[w.written.id, 'Ada Author', 'specification-gaming']]);
  });

  it('only the author revises, and not once hidden; a revision goes back to "submitted"', async () => {
    const w = await world('revise');
    expect(await reviseWorkshopScenario(w.mate.id, w.a.id, w.written.id, draft('Stolen'))).toBe(false);
    await moderateWorkshopScenario(w.capA, w.written.id, { status: 'revision-requested', comment: 'Say what changed.' });
    expect(await reviseWorkshopScenario(w.author.id, w.a.id, w.written.id, draft('The kitchen robot, revised'))).toBe(true);
    const row = await ownWorkshopScenario(w.author.id, w.a.id, w.written.id);
    expect([row?.title, row?.status]).toEqual(['The kitchen robot, revised', 'submitted']);
    await moderateWorkshopScenario(w.capA, w.written.id, { status: 'hidden' });
    expect(await reviseWorkshopScenario(w.author.id, w.a.id, w.written.id, draft('Back again'))).toBe(false);
  });

  it(`a learner may write at most ${WORKSHOP_LIMITS.perLearner} scenarios per class`, async () => {
    const w = await world('limit');
    for (let i = 1; i < WORKSHOP_LIMITS.perLearner; i++)
      expect(await createWorkshopScenario(w.author.id, w.a.id, draft(`Robot number ${i}`))).toBeTruthy();
    await expect(createWorkshopScenario(w.author.id, w.a.id, draft('One too many'))).rejects.toThrow(WorkshopLimitError);
    // Another learner's quota is their own.
    expect(await createWorkshopScenario(w.mate.id, w.a.id, draft('The mate’s robot'))).toBeTruthy();
  });

  it('answers are stored like drill attempts: the author sees them, the classmate’s list moves on, the assignment counts them', async () => {
    const w = await world('answers');
    await createAssignment(w.capA, {
      kind: 'workshop',
      target: formatWorkshopTarget({ write: 1, classify: 1, graded: false }),
      title: 'Workshop',
      opensAt: new Date(Date.now() - DAY),
      dueAt: new Date(Date.now() + DAY),
    });
    const answer = { label: 'goal-misgeneralization', answers: { training: 'no', shift: 'yes', competence: 'yes' } };
    const stored = {
      idempotencyKey: 'ws-answer-1',
      itemKind: 'scenario' as const,
      itemId: workshopItemId(w.written.id),
      chapter: null,
      response: answer,
      correct: false,
      confident: true,
      durationMs: 1000,
      classId: w.a.id,
    };
    expect((await recordAttempt(w.mate.id, stored)).duplicate).toBe(false);
    expect((await recordAttempt(w.mate.id, stored)).duplicate).toBe(true);
    const mate = (await learnerWorkshop(w.mate.id, w.a.id))!;
    expect(mate.toClassify).toEqual([]);
    expect(mate.classified).toBe(1);
    const author = (await learnerWorkshop(w.author.id, w.a.id))!;
    expect(author.mine[0]!.readings.map((r) => r.label)).toEqual(['goal-misgeneralization']);
    // The mate classified 1 of 1 but wrote nothing; the author wrote 1 of 1 and has nobody else's to classify.
    const [mateWork] = await learnerAssignments(w.mate.id, new Date());
    expect(mateWork!.workshop).toEqual({ written: 0, write: 1, classified: 1, classify: 1 });
    expect(mateWork!.score).toBeNull();
    const [authorWork] = await learnerAssignments(w.author.id, new Date());
    expect(authorWork!.workshop).toEqual({ written: 1, write: 1, classified: 0, classify: 0 });
    expect(authorWork!.status).toBe('done');
  });
});
