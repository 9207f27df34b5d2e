import 'server-only';
import { db } from './client';
import { mergedOnlyFirsts } from './attempts';
import { getChapterProgress } from './progress';
import { getDueCounts } from './reviews';
import { getSettings } from './settings';
import { dayOf, num, ts } from './sql';
import { forecast, utcDay } from '../learning/queue';
import { streakOf } from '../learning/streak';
import { LABELS, type Label } from '../learning/failure-modes';
import { masteryLevel, type MasteryLevel } from '../learning/mastery';
import type { ScenarioTruth } from '../learning/classify';
import { classConfusion, drillResponseOf } from '../learning/item-stats';

export interface DashboardInput {
  userId: string;
  now: Date;
  /** Each chapter's questions: the same list the chapter page counts ("8 questions"). Drill scenarios count under failure modes. */
  chapters: { slug: string; title: string; quizIds: string[] }[];
  /** The scenario behind a bank id, to read drill answers the way the class views do; null when unknown. */
  scenarioOf: (scenarioId: string) => ScenarioTruth | null;
  /** How many scenarios of each failure mode the bank has. */
  scenariosPerLabel: Record<Label, number>;
}

interface CardStats {
  reviews: number;
  reviewsCorrect: number;
  stabilitySum: number;
  cards: number;
}

const emptyCards = (): CardStats => ({ reviews: 0, reviewsCorrect: 0, stabilitySum: 0, cards: 0 });

function level(items: number, firstAttempts: number, firstCorrect: number, s: CardStats): MasteryLevel {
  return masteryLevel({
    items,
    firstAttempts,
    firstCorrect,
    reviews: s.reviews,
    reviewsCorrect: s.reviewsCorrect,
    meanStabilityDays: s.cards ? s.stabilitySum / s.cards : 0,
  });
}

/**
 * Everything the learner dashboard shows, for one learner, in a handful of indexed, aggregated queries. Its counts
 * come from the functions the other pages use, so they agree: chapter progress from getChapterProgress (the chapter
 * page's sidebar), due cards from getDueCounts (the review queue), drill mix-ups from classConfusion (the class view).
 */
export async function getDashboard({ userId, now, chapters, scenarioOf, scenariosPerLabel }: DashboardInput) {
  const since = new Date(now.getTime() - 140 * 86_400_000);
  const horizon = new Date(now.getTime() + 14 * 86_400_000);
  const settings = await getSettings(userId);
  // Aggregates are computed in the database: a learner can have 100,000 review logs.
  const [chapterProgress, scenarioFirsts, cardStats, dueDays, due, totalCards, studyDays, recentAttempts, recentReviews, guestOnly] =
    await Promise.all([
      getChapterProgress(userId),
      db.attempt.findMany({
        where: { userId, firstAttempt: true, itemKind: 'scenario' },
        select: { itemId: true, correct: true, response: true },
      }),
      db.$queryRaw<
        {
          itemKind: string;
          chapter: string | null;
          concept: string | null;
          cards: unknown;
          reviews: unknown;
          lapses: unknown;
          stability: unknown;
        }[]
      >`
      SELECT "itemKind", chapter, concept, count(*) AS cards, sum(reps - 1) AS reviews, sum(lapses) AS lapses, sum(stability) AS stability
      FROM (
        SELECT c."itemKind" AS "itemKind", c."concept" AS concept, c."reps" AS reps, c."lapses" AS lapses, c."stability" AS stability,
          -- the card's chapter, from its item's attempts (Attempt(userId, itemId) index)
          (SELECT a."chapter" FROM "Attempt" a WHERE a."userId" = c."userId" AND a."itemId" = c."itemId" LIMIT 1) AS chapter
        FROM "ReviewCard" c WHERE c."userId" = ${userId}
      ) t GROUP BY "itemKind", chapter, concept`,
      db.$queryRaw<{ d: string; n: unknown }[]>`
      SELECT ${dayOf('due')} AS d, count(*) AS n FROM "ReviewCard" WHERE "userId" = ${userId} AND "due" <= ${ts(horizon)} GROUP BY d`,
      getDueCounts(userId, now, settings.newCardsPerDay),
      db.reviewCard.count({ where: { userId } }),
      db.studyDay.findMany({ where: { userId, day: { gte: utcDay(since) } }, select: { day: true, answers: true, reviews: true } }),
      db.attempt.findMany({
        where: { userId },
        orderBy: { createdAt: 'desc' },
        take: 8,
        select: { itemKind: true, itemId: true, correct: true, createdAt: true },
      }),
      db.reviewLog.findMany({
        where: { userId, NOT: { idempotencyKey: { startsWith: 'first-' } } },
        orderBy: { review: 'desc' },
        take: 8,
        select: { shownItemId: true, correct: true, review: true, card: { select: { itemKind: true } } },
      }),
      // Scenarios answered only before the account existed still show as the learner's own progress (never a class's).
      mergedOnlyFirsts(userId, 'scenario'),
    ]);
  scenarioFirsts.push(...guestOnly);

  const chapterCards = new Map(chapters.map((c) => [c.slug, emptyCards()]));
  const modeCards = new Map(LABELS.map((l) => [l, emptyCards()]));
  for (const c of cardStats) {
    const reviews = Math.max(0, num(c.reviews));
    const add = { reviews, reviewsCorrect: Math.max(0, reviews - num(c.lapses)), stabilitySum: num(c.stability), cards: num(c.cards) };
    // A chapter's mastery is its questions' cards; a failure mode's, its scenarios' cards.
    const s =
      c.itemKind === 'quiz'
        ? c.chapter
          ? chapterCards.get(c.chapter)
          : undefined
        : c.concept
          ? modeCards.get(c.concept as Label)
          : undefined;
    if (!s) continue;
    s.reviews += add.reviews;
    s.reviewsCorrect += add.reviewsCorrect;
    s.stabilitySum += add.stabilitySum;
    s.cards += add.cards;
  }

  const drill = classConfusion(
    scenarioFirsts.flatMap((f) => {
      // Bank scenarios only: a failure mode's total is the bank's count of its cases.
      const truth = scenarioOf(f.itemId);
      const r = truth && drillResponseOf({ ...f, userId }, truth);
      return r ? [r] : [];
    }),
  );
  const confusion = Object.fromEntries(
    drill.matrix.map((row) => [row.truth, Object.fromEntries(row.cells.map((cell) => [cell.picked, cell.count]))]),
  ) as Record<Label, Record<Label, number>>;

  const progressBy = new Map(chapterProgress.map((p) => [p.chapter, p]));
  const days = new Map<string, number>();
  for (const r of studyDays) days.set(r.day, r.answers + r.reviews);
  const dueByDay = new Map(dueDays.map((d) => [d.d, num(d.n)]));
  // Today's bar is what the headline says: due now plus later today.
  const fc = forecast([], now, 14).map((d, i) => ({ day: d.day, count: i === 0 ? due.now + due.laterToday : (dueByDay.get(d.day) ?? 0) }));

  return {
    chapters: chapters.map((c) => {
      const p = progressBy.get(c.slug);
      const answered = p?.answered ?? 0;
      const firstCorrect = p?.firstCorrect ?? 0;
      const items = c.quizIds.length;
      return {
        slug: c.slug,
        title: c.title,
        completed: Boolean(p?.completedAt),
        items,
        answered,
        firstCorrect,
        level: level(items, answered, firstCorrect, chapterCards.get(c.slug)!),
      };
    }),
    modes: LABELS.map((l) => {
      const t = drill.byTruth[l];
      return {
        label: l,
        items: scenariosPerLabel[l],
        answered: t.answers,
        labelRight: t.labelRight,
        firstCorrect: t.correct,
        level: level(scenariosPerLabel[l], t.answers, t.correct, modeCards.get(l)!),
        // The question misread most on this failure mode's cases, out of all its answered cases.
        misread: drill.misreadByLabel[l] ?? null,
      };
    }),
    due,
    totalCards,
    forecast: fc,
    activity: [...days].map(([day, count]) => ({ day, count })).sort((a, b) => a.day.localeCompare(b.day)),
    streak: streakOf(days, now),
    confusion,
    recent: [
      ...recentAttempts.map((a) => ({
        kind: a.itemKind === 'quiz' ? ('quiz' as const) : ('scenario' as const),
        itemKind: a.itemKind,
        itemId: a.itemId,
        correct: a.correct,
        at: a.createdAt,
      })),
      ...recentReviews.map((r) => ({
        kind: 'review' as const,
        itemKind: r.card.itemKind,
        itemId: r.shownItemId ?? '',
        correct: r.correct,
        at: r.review,
      })),
    ]
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .slice(0, 10),
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
