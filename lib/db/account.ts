import 'server-only';
import { db } from './client';

/** Everything stored about one learner, for "export everything". Never includes the password hash. */
export async function exportAccount(userId: string) {
  const [user, attempts, progress, cards, logs, enrolments, scenarioSets, ownedClasses] = await Promise.all([
    db.user.findUnique({
      where: { id: userId },
      select: { id: true, name: true, email: true, role: true, settings: true, createdAt: true },
    }),
    db.attempt.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } }),
    db.chapterProgress.findMany({ where: { userId } }),
    db.reviewCard.findMany({ where: { userId } }),
    db.reviewLog.findMany({ where: { userId }, orderBy: { review: 'asc' } }),
    db.enrolment.findMany({ where: { userId }, include: { class: { select: { title: true } } } }),
    db.scenarioSet.findMany({ where: { ownerId: userId } }),
    db.class.findMany({ where: { ownerId: userId }, select: { id: true, title: true, createdAt: true } }),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    user: user && { ...user, settings: JSON.parse(user.settings) as unknown },
    attempts: attempts.map((a) => ({ ...a, response: JSON.parse(a.response) as unknown })),
    chapterProgress: progress,
    reviewCards: cards,
    reviewLogs: logs,
    classes: enrolments.map((e) => ({ classId: e.classId, title: e.class.title, joinedAt: e.joinedAt })),
    classesTaught: ownedClasses,
    scenarioSets: scenarioSets.map((s) => ({ ...s, scenarios: JSON.parse(s.scenarios) as unknown })),
  };
}

/**
 * Review log rows in the FSRS optimizer's layout, oldest first: the reviews that scheduled the cards (practice on a
 * card that was not due changed nothing, so it is left out and the log replays to the cards; the full export keeps it).
 */
export async function reviewLogRows(userId: string) {
  return db.reviewLog.findMany({
    where: { userId, practice: false },
    orderBy: [{ review: 'asc' }, { id: 'asc' }],
    select: { cardId: true, review: true, rating: true, state: true, durationMs: true },
  });
}

/** Deletes the account and, through the schema's cascades, every row that belongs to it. */
export async function deleteAccount(userId: string): Promise<void> {
  await db.user.delete({ where: { id: userId } });
}
