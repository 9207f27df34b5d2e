import 'server-only';
import { db } from './client';
import { Prisma } from './generated/client.ts';
import { assignmentResult, type AssignmentResult, type AssignmentSpec } from '../learning/assignments';
import { classConfusion, drillResponseOf, itemStatistics, type Response } from '../learning/item-stats';
import type { ScenarioTruth } from '../learning/classify';
import { optionLetters, parseDrillResponse, parseQuizResponse } from '../learning/stored-response';
import { checked, type ClassCapability } from '../auth/capability';
import { taughtBy } from './class-roles';

/**
 * What a class counts: only answers the server graded while the learner was signed in. A learner's first such answer
 * to an item is their first attempt (a merged guest answer never is; `merged` is checked too, so the rule does not
 * rest on one flag alone). Reviews count when they rescheduled a due card: not the first answer that created the
 * card, not practice on a card that was not due, not a guest's review brought in by a merge.
 */
export const COUNTED_ATTEMPTS = { firstAttempt: true, merged: false } as const;
export const COUNTED_REVIEWS = { practice: false, merged: false, NOT: { idempotencyKey: { startsWith: 'first-' } } } as const;

export interface ClassData {
  learners: { id: string; name: string | null; email: string; joinedAt: Date }[];
  firsts: { userId: string; itemKind: string; itemId: string; correct: boolean; response: string; createdAt: Date }[];
  completed: { userId: string; chapter: string; completedAt: Date | null }[];
  reviews: { userId: string; review: Date }[];
  lastActive: Map<string, Date>;
  /** The class's workshop: classifiable item ids, and each author's scenarios (item ids and submission times). */
  workshop?: { items: string[]; byAuthor: Map<string, { itemId: string; at: Date }[]> };
}

/**
 * One pass over a class's data: its learners, their first attempts (Attempt(userId, itemId) index, firstAttempt
 * filter), finished chapters, reviews since the earliest assignment opened, and last activity. The learners are
 * read through the capability's user (a class they do not teach has none).
 */
export async function loadClassData(cap: ClassCapability, reviewsSince: Date | null): Promise<ClassData> {
  const enrolments = await db.enrolment.findMany({
    where: classLearners(cap),
    orderBy: { joinedAt: 'asc' },
    select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  const ids = enrolments.map((e) => e.user.id);
  if (ids.length === 0) return { learners: [], firsts: [], completed: [], reviews: [], lastActive: new Map() };
  const [firsts, completed, reviews, last, workshop] = await Promise.all([
    // Raw SQL: a class can have tens of thousands of first attempts, and model mapping would double the time.
    db.$queryRaw<{ userId: string; itemKind: string; itemId: string; correct: unknown; response: string; createdAt: unknown }[]>`
      SELECT "userId", "itemKind", "itemId", "correct", "response", "createdAt" FROM "Attempt"
      WHERE "firstAttempt" = ${true} AND "merged" = ${false} AND "userId" IN (${Prisma.join(ids)})`.then((rows) =>
      rows.map((r) => ({
        ...r,
        correct: r.correct === true || r.correct === 1 || r.correct === 1n,
        createdAt: new Date(r.createdAt as string | Date),
      })),
    ),
    db.chapterProgress.findMany({
      where: { userId: { in: ids }, completedAt: { not: null } },
      select: { userId: true, chapter: true, completedAt: true },
    }),
    reviewsSince
      ? db.reviewLog.findMany({
          where: { userId: { in: ids }, review: { gte: reviewsSince }, ...COUNTED_REVIEWS },
          select: { userId: true, review: true },
        })
      : Promise.resolve([]),
    // Last activity in the class's sense: answers graded while signed in (a merge is not activity in the class).
    db.attempt.groupBy({ by: ['userId'], where: { userId: { in: ids }, merged: false }, _max: { createdAt: true } }),
    db.workshopScenario.findMany({
      where: { classId: cap.classId },
      select: { id: true, authorId: true, status: true, createdAt: true },
      orderBy: { createdAt: 'asc' },
    }),
  ]);
  const byAuthor = new Map<string, { itemId: string; at: Date }[]>();
  for (const w of workshop)
    byAuthor.set(w.authorId, [...(byAuthor.get(w.authorId) ?? []), { itemId: `workshop:${w.id}`, at: w.createdAt }]);
  return {
    learners: enrolments.map((e) => ({ ...e.user, joinedAt: e.joinedAt })),
    firsts,
    completed,
    reviews,
    lastActive: new Map(last.flatMap((l) => (l._max.createdAt ? [[l.userId, l._max.createdAt] as const] : []))),
    workshop: { items: workshop.filter((w) => w.status !== 'hidden').map((w) => `workshop:${w.id}`), byAuthor },
  };
}

/** The enrolments of the capability's class, found through its teacher. */
function classLearners(cap: ClassCapability) {
  const { userId, classId } = checked(cap);
  return { classId, class: taughtBy(userId) };
}

export interface RosterRow {
  learnerId: string;
  name: string;
  email: string;
  lastActive: Date | null;
  results: (AssignmentResult & { assignmentId: string })[];
  completion: number; // share of assignments done (on time or late)
  meanScore: number | null;
  lateCount: number; // assignments past due and unfinished
}

export function buildRoster(data: ClassData, assignments: (AssignmentSpec & { id: string })[], now: Date): RosterRow[] {
  const firstsBy = new Map<string, Map<string, { correct: boolean; at: Date }>>();
  for (const f of data.firsts) {
    let m = firstsBy.get(f.userId);
    if (!m) firstsBy.set(f.userId, (m = new Map()));
    m.set(f.itemId, { correct: f.correct, at: f.createdAt });
  }
  const doneBy = new Map<string, Map<string, Date>>();
  for (const c of data.completed) {
    if (!c.completedAt) continue;
    let m = doneBy.get(c.userId);
    if (!m) doneBy.set(c.userId, (m = new Map()));
    m.set(c.chapter, c.completedAt);
  }
  const reviewsBy = new Map<string, Date[]>();
  for (const r of data.reviews) {
    const list = reviewsBy.get(r.userId);
    if (list) list.push(r.review);
    else reviewsBy.set(r.userId, [r.review]);
  }
  return data.learners.map((l) => {
    const mine = data.workshop?.byAuthor.get(l.id) ?? [];
    const work = {
      firstAttempts: firstsBy.get(l.id) ?? new Map(),
      completedChapters: doneBy.get(l.id) ?? new Map(),
      reviewTimes: reviewsBy.get(l.id) ?? [],
      workshopWritten: new Map(
        assignments.flatMap((a) => (a.kind === 'workshop' && a.classId ? [[a.classId, mine.map((m) => m.at)] as const] : [])),
      ),
      ownWorkshopItems: new Set(mine.map((m) => m.itemId)),
    };
    // A workshop assignment's items are the class's workshop scenarios as they stand now.
    const specs = assignments.map((a) => (a.kind === 'workshop' ? { ...a, itemIds: data.workshop?.items ?? [] } : a));
    const results = specs.map((a) => ({ assignmentId: a.id, ...assignmentResult(a, work, now) }));
    const scored = results.filter((r) => r.score !== null);
    return {
      learnerId: l.id,
      name: l.name ?? l.email,
      email: l.email,
      lastActive: data.lastActive.get(l.id) ?? null,
      results,
      completion: results.length ? results.filter((r) => r.status === 'done' || r.status === 'done-late').length / results.length : 0,
      meanScore: scored.length ? scored.reduce((n, r) => n + r.score!, 0) / scored.length : null,
      // Late is past due and unfinished (lib/learning/progress-text.ts); work finished after its due date is done.
      lateCount: results.filter((r) => r.status === 'late').length,
    };
  });
}

function answerOf(itemKind: string, response: string): { answer: string } {
  if (itemKind !== 'quiz') return { answer: parseDrillResponse(response)?.label ?? '—' };
  return { answer: optionLetters(parseQuizResponse(response).selected) || '—' };
}

export function classItemStats(data: ClassData) {
  // Workshop answers have their own page (agreement with each author); they are not items of the course.
  const responses: Response[] = data.firsts
    .filter((f) => !f.itemId.startsWith('workshop:'))
    .map((f) => ({ learnerId: f.userId, itemId: f.itemId, correct: f.correct, answer: answerOf(f.itemKind, f.response).answer }));
  const kinds = new Map(data.firsts.map((f) => [f.itemId, f.itemKind]));
  return itemStatistics(responses).map((s) => ({ ...s, kind: kinds.get(s.itemId) ?? 'quiz' }));
}

/** The scenario behind an item id, for re-grading stored answers against its questions. */
export type ScenarioTruthOf = (scenarioId: string) => ScenarioTruth | null;

export function classDrillConfusion(data: ClassData, truthOf: ScenarioTruthOf) {
  const drill = data.firsts.flatMap((f) => {
    if (f.itemKind !== 'scenario') return [];
    const r = drillResponseOf(f, truthOf(f.itemId));
    return r ? [r] : [];
  });
  return classConfusion(drill);
}

/**
 * Every attempt by the class's learners, learner by learner and oldest first, in pages of about `pageSize` rows,
 * for a streamed CSV export. Each learner's rows come straight off the Attempt(userId, createdAt) index, so memory
 * stays flat however big the class is.
 */
export async function* classAttemptsPages(cap: ClassCapability, pageSize = 2000) {
  const learners = await db.enrolment.findMany({ where: classLearners(cap), orderBy: { joinedAt: 'asc' }, select: { userId: true } });
  let page: Awaited<ReturnType<typeof attemptsOf>> = [];
  for (const { userId } of learners) {
    page = page.concat(await attemptsOf(userId));
    if (page.length >= pageSize) {
      yield page;
      page = [];
    }
  }
  if (page.length) yield page;
}

function attemptsOf(userId: string) {
  return db.attempt.findMany({
    where: { userId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      userId: true,
      itemKind: true,
      itemId: true,
      chapter: true,
      response: true,
      correct: true,
      confident: true,
      durationMs: true,
      firstAttempt: true,
      merged: true,
      createdAt: true,
      user: { select: { email: true, name: true } },
    },
  });
}
