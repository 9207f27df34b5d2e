import 'server-only';
import { db } from './client';
import { classesJoinedBy } from './classes';
import { COUNTED_ATTEMPTS, COUNTED_REVIEWS } from './class-analytics';
import { assignmentResult, type AssignmentResult } from '../learning/assignments';
import { assignmentHref, assignmentSpec } from '../content/assignment-items';
import { workshopWork } from './workshop';
import { workshopItemId } from '../learning/workshop';

export interface LearnerAssignment extends AssignmentResult {
  id: string;
  classTitle: string;
  title: string;
  dueAt: Date;
  opensAt: Date;
  href: string;
}

/** The assignments of every class this learner is in, with their own status, soonest due first. */
export async function learnerAssignments(userId: string, now: Date): Promise<LearnerAssignment[]> {
  const classes = await classesJoinedBy(userId);
  const rows = classes
    .flatMap((c) => c.class.assignments.map((a) => ({ a, classTitle: c.class.title })))
    .filter(({ a }) => a.opensAt <= now);
  if (rows.length === 0) return [];
  const earliest = new Date(Math.min(...rows.map(({ a }) => a.opensAt.getTime())));
  const setIds = [...new Set(rows.flatMap(({ a }) => (a.kind === 'drill' && a.target.startsWith('set:') ? [a.target.slice(4)] : [])))];
  const workshopClasses = [...new Set(rows.flatMap(({ a }) => (a.kind === 'workshop' ? [a.classId] : [])))];
  const [firsts, completed, reviews, sets, workshop, own] = await Promise.all([
    db.attempt.findMany({ where: { userId, ...COUNTED_ATTEMPTS }, select: { itemId: true, correct: true, createdAt: true } }),
    db.chapterProgress.findMany({ where: { userId, completedAt: { not: null } }, select: { chapter: true, completedAt: true } }),
    db.reviewLog.findMany({ where: { userId, review: { gte: earliest }, ...COUNTED_REVIEWS }, select: { review: true } }),
    setIds.length ? db.scenarioSet.findMany({ where: { id: { in: setIds } }, select: { id: true, scenarios: true } }) : Promise.resolve([]),
    workshopWork(workshopClasses),
    workshopClasses.length ? db.workshopScenario.findMany({ where: { authorId: userId }, select: { id: true } }) : Promise.resolve([]),
  ]);
  const setScenarioIds = new Map(sets.map((s) => [s.id, (JSON.parse(s.scenarios) as { id: string }[]).map((x) => x.id)]));
  const work = {
    firstAttempts: new Map(firsts.map((f) => [f.itemId, { correct: f.correct, at: f.createdAt }])),
    completedChapters: new Map(completed.map((c) => [c.chapter, c.completedAt!])),
    reviewTimes: reviews.map((r) => r.review),
    workshopWritten: new Map(workshopClasses.map((c) => [c, workshop.written.get(c)?.get(userId) ?? []])),
    ownWorkshopItems: new Set(own.map((o) => workshopItemId(o.id))),
  };
  return rows
    .map(({ a, classTitle }) => ({
      id: a.id,
      classTitle,
      title: a.title,
      dueAt: a.dueAt,
      opensAt: a.opensAt,
      href: assignmentHref(a),
      ...assignmentResult(
        assignmentSpec(
          a,
          (id) => setScenarioIds.get(id) ?? [],
          (c) => workshop.items.get(c) ?? [],
        ),
        work,
        now,
      ),
    }))
    .sort((x, y) => x.dueAt.getTime() - y.dueAt.getTime());
}
