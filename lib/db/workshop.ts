import 'server-only';
import { db, transaction } from './client';
import { lockLearner } from './sql';
import { taughtBy } from './class-roles';
import { checked, type ClassCapability } from '../auth/capability';
import { parseDrillResponse } from '../learning/classify';
import type { Reading } from '../learning/agreement';
import { QUESTIONS, type Label, type QuestionAnswer, type Scenario } from '../learning/scenario-schema';
import {
  WORKSHOP_LIMITS,
  workshopAsScenario,
  workshopItemId,
  type WorkshopContent,
  type WorkshopDraft,
  type WorkshopQuestions,
  type WorkshopStatus,
} from '../learning/workshop';

// Authorization lives in every query here: a learner's reads and writes name the learner and require their
// enrolment in the class; an instructor's take the class capability lib/auth issued and query through its user, so
// they require that user to teach the class. A row that fails the check is simply not found.

/** Scenarios classmates may classify: everything but hidden ones. */
const CLASSIFIABLE: WorkshopStatus[] = ['submitted', 'revision-requested', 'promoted'];

interface WorkshopRow extends WorkshopContent {
  classId: string;
  authorId: string;
  status: WorkshopStatus;
  comment: string | null;
  promotedTo: string | null;
  createdAt: Date;
  updatedAt: Date;
}

type RawRow = {
  id: string;
  classId: string;
  authorId: string;
  title: string;
  description: string;
  label: string;
  questions: string;
  rationale: string | null;
  source: string | null;
  status: string;
  comment: string | null;
  promotedTo: string | null;
  createdAt: Date;
  updatedAt: Date;
};

function toRow(r: RawRow): WorkshopRow {
  let questions: WorkshopQuestions;
  try {
    questions = JSON.parse(r.questions) as WorkshopQuestions;
  } catch {
    questions = Object.fromEntries(QUESTIONS.map((q) => [q, { answer: 'no', evidence: '' }])) as WorkshopQuestions;
  }
  return { ...r, label: r.label as Label, questions, status: r.status as WorkshopStatus };
}

const storedQuestions = (d: WorkshopDraft) =>
  JSON.stringify(Object.fromEntries(QUESTIONS.map((q) => [q, { answer: d.questions[q].answer, evidence: d.questions[q].evidence }])));

const enrolledIn = (userId: string) => ({ enrolments: { some: { userId } } });

/** The class's title when the learner is enrolled in it, else null. */
export async function workshopClassForLearner(userId: string, classId: string): Promise<{ id: string; title: string } | null> {
  return db.class.findFirst({ where: { id: classId, archivedAt: null, ...enrolledIn(userId) }, select: { id: true, title: true } });
}

export class WorkshopLimitError extends Error {}

/**
 * Stores a learner's new scenario in a class they are enrolled in; null when they are not. The per-learner limit is
 * counted inside the same transaction, after locking the learner's row, so two submits at once cannot both pass it.
 */
export async function createWorkshopScenario(userId: string, classId: string, d: WorkshopDraft): Promise<{ id: string } | null> {
  return transaction(async (tx) => {
    const cls = await tx.class.findFirst({ where: { id: classId, archivedAt: null, ...enrolledIn(userId) }, select: { id: true } });
    if (!cls) return null;
    await lockLearner(tx, userId);
    const have = await tx.workshopScenario.count({ where: { classId, authorId: userId } });
    if (have >= WORKSHOP_LIMITS.perLearner)
      throw new WorkshopLimitError(`You have written ${have} scenarios for this class, the most one learner may.`);
    return tx.workshopScenario.create({
      data: {
        classId,
        authorId: userId,
        title: d.title,
        description: d.description,
        label: d.label,
        questions: storedQuestions(d),
        rationale: d.rationale ?? null,
        source: d.source ?? null,
      },
      select: { id: true },
    });
  });
}

/**
 * The author revises their own scenario while it is submitted or sent back for revision (not once hidden or
 * promoted); it goes back to "submitted". Classmates' earlier answers stay, as answers to the earlier text.
 */
export async function reviseWorkshopScenario(userId: string, classId: string, id: string, d: WorkshopDraft): Promise<boolean> {
  const r = await db.workshopScenario.updateMany({
    where: { id, classId, authorId: userId, status: { in: ['submitted', 'revision-requested'] }, class: enrolledIn(userId) },
    data: {
      title: d.title,
      description: d.description,
      label: d.label,
      questions: storedQuestions(d),
      rationale: d.rationale ?? null,
      source: d.source ?? null,
      status: 'submitted',
    },
  });
  return r.count === 1;
}

/** First answers to the given workshop scenarios (by anyone but their authors), as readings per scenario id. */
async function readingsFor(rows: readonly WorkshopRow[]): Promise<Map<string, (Reading & { userId: string })[]>> {
  const byItem = new Map(rows.map((r) => [workshopItemId(r.id), r]));
  const out = new Map<string, (Reading & { userId: string })[]>(rows.map((r) => [r.id, []]));
  if (rows.length === 0) return out;
  const attempts = await db.attempt.findMany({
    where: { itemId: { in: [...byItem.keys()] }, firstAttempt: true, merged: false },
    select: { userId: true, itemId: true, response: true },
    orderBy: { createdAt: 'asc' },
  });
  for (const a of attempts) {
    const row = byItem.get(a.itemId);
    const r = parseDrillResponse(a.response);
    if (!row || !r?.answers || a.userId === row.authorId) continue;
    out.get(row.id)!.push({ userId: a.userId, label: r.label, answers: r.answers as Record<(typeof QUESTIONS)[number], QuestionAnswer> });
  }
  return out;
}

interface LearnerWorkshop {
  cls: { id: string; title: string };
  /** The learner's own scenarios, with how classmates read them. */
  mine: (WorkshopRow & { readings: Reading[] })[];
  /** Every classifiable scenario's readings (for the class's kappa; no labels or authors in it). */
  classReadings: { readings: Pick<Reading, 'label'>[] }[];
  /** Classmates' scenarios the learner has not answered yet: title and description only. */
  toClassify: { id: string; title: string; description: string }[];
  /** Classmates' scenarios the learner has answered (to practise again: only first answers count). */
  classified: number;
  classifiedItems: { id: string; title: string; description: string }[];
}

/** A learner's view of their class's workshop, or null when they are not enrolled in it. */
export async function learnerWorkshop(userId: string, classId: string): Promise<LearnerWorkshop | null> {
  const cls = await workshopClassForLearner(userId, classId);
  if (!cls) return null;
  const raw = await db.workshopScenario.findMany({
    where: { classId, OR: [{ authorId: userId }, { status: { in: CLASSIFIABLE } }] },
    orderBy: { createdAt: 'asc' },
  });
  const rows = raw.map(toRow);
  const visible = rows.filter((r) => CLASSIFIABLE.includes(r.status));
  const readings = await readingsFor(rows);
  const others = visible.filter((r) => r.authorId !== userId);
  const answered = new Set(
    (
      await db.attempt.findMany({ where: { userId, itemId: { in: others.map((r) => workshopItemId(r.id)) } }, select: { itemId: true } })
    ).map((a) => a.itemId),
  );
  return {
    cls,
    mine: rows.filter((r) => r.authorId === userId).map((r) => ({ ...r, readings: readings.get(r.id) ?? [] })),
    classReadings: visible.map((r) => ({ readings: (readings.get(r.id) ?? []).map((x) => ({ label: x.label })) })),
    toClassify: others
      .filter((r) => !answered.has(workshopItemId(r.id)))
      .map((r) => ({ id: r.id, title: r.title, description: r.description })),
    classified: others.filter((r) => answered.has(workshopItemId(r.id))).length,
    classifiedItems: others
      .filter((r) => answered.has(workshopItemId(r.id)))
      .map((r) => ({ id: r.id, title: r.title, description: r.description })),
  };
}

/** One of the learner's own scenarios (to revise it), or null. */
export async function ownWorkshopScenario(userId: string, classId: string, id: string): Promise<WorkshopRow | null> {
  const r = await db.workshopScenario.findFirst({ where: { id, classId, authorId: userId, class: enrolledIn(userId) } });
  return r ? toRow(r) : null;
}

/**
 * A classmate's scenario for grading an answer, with its author's name: only for a learner enrolled in the class,
 * never their own, never a hidden one. The caller sends it back only with the grade, after the answer is stored.
 */
export async function workshopScenarioToAnswer(
  userId: string,
  classId: string,
  id: string,
): Promise<{ scenario: Scenario; itemId: string; author: string } | null> {
  const r = await db.workshopScenario.findFirst({
    where: { id, classId, status: { in: CLASSIFIABLE }, authorId: { not: userId }, class: { archivedAt: null, ...enrolledIn(userId) } },
    include: { author: { select: { name: true } } },
  });
  if (!r) return null;
  return { scenario: workshopAsScenario(toRow(r)), itemId: workshopItemId(r.id), author: r.author.name ?? 'A classmate' };
}

interface InstructorWorkshopRow extends WorkshopRow {
  author: { name: string | null; email: string };
  readings: (Reading & { userId: string })[];
}

/** Every submission of a class, hidden ones included, for an instructor who teaches it (else null). */
export async function instructorWorkshop(cap: ClassCapability): Promise<InstructorWorkshopRow[] | null> {
  const { userId: instructorId, classId } = checked(cap);
  const cls = await db.class.findFirst({ where: { id: classId, ...taughtBy(instructorId) }, select: { id: true } });
  if (!cls) return null;
  const raw = await db.workshopScenario.findMany({
    where: { classId },
    orderBy: { createdAt: 'asc' },
    include: { author: { select: { name: true, email: true } } },
  });
  const rows = raw.map((r) => ({ ...toRow(r), author: r.author }));
  const readings = await readingsFor(rows);
  return rows.map((r) => ({ ...r, readings: readings.get(r.id) ?? [] }));
}

/** The instructor's comment and status change; false when the scenario is not in a class they teach. */
export async function moderateWorkshopScenario(
  cap: ClassCapability,
  id: string,
  patch: { status?: WorkshopStatus; comment?: string | null; promotedTo?: string },
): Promise<boolean> {
  const { userId: instructorId, classId } = checked(cap);
  const r = await db.workshopScenario.updateMany({ where: { id, classId, class: taughtBy(instructorId) }, data: patch });
  return r.count === 1;
}

/** A submission as the instructor may promote it, or null. */
export async function workshopScenarioForInstructor(cap: ClassCapability, id: string): Promise<WorkshopRow | null> {
  const { userId: instructorId, classId } = checked(cap);
  const r = await db.workshopScenario.findFirst({ where: { id, classId, class: taughtBy(instructorId) } });
  return r ? toRow(r) : null;
}

/** For assignments: the class's classifiable workshop items, and when each learner submitted their scenarios. */
export async function workshopWork(
  classIds: readonly string[],
): Promise<{ items: Map<string, string[]>; written: Map<string, Map<string, Date[]>> }> {
  const rows = classIds.length
    ? await db.workshopScenario.findMany({
        where: { classId: { in: [...classIds] } },
        select: { id: true, classId: true, authorId: true, status: true, createdAt: true },
        orderBy: { createdAt: 'asc' },
      })
    : [];
  const items = new Map<string, string[]>(classIds.map((c) => [c, []]));
  const written = new Map<string, Map<string, Date[]>>(classIds.map((c) => [c, new Map()]));
  for (const r of rows) {
    if (CLASSIFIABLE.includes(r.status as WorkshopStatus)) items.get(r.classId)!.push(workshopItemId(r.id));
    const byAuthor = written.get(r.classId)!;
    byAuthor.set(r.authorId, [...(byAuthor.get(r.authorId) ?? []), r.createdAt]);
  }
  return { items, written };
}
