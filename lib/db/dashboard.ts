import 'server-only';
import { db } from './client';
import { mergedOnlyFirsts } from './attempts';
import { dayOf, num, ts } from './sql';
import { forecast, utcDay } from '../learning/queue';
import { masteryLevel, type MasteryLevel } from '../learning/mastery';
import { parseDrillResponse } from '../learning/classify';
import { misreadByLabel, type AnsweredCase } from '../learning/drill-summary';

type Label = 'specification-gaming' | 'goal-misgeneralization' | 'capability-failure';
const LABELS: Label[] = ['specification-gaming', 'goal-misgeneralization', 'capability-failure'];

export interface DashboardInput {
  userId: string;
  now: Date;
  chapters: { slug: string; title: string; quizIds: string[]; scenarioIds: string[] }[];
  scenarioLabels: Map<string, Label>;
}

interface GroupStats {
  items: number;
  firstAttempts: number;
  firstCorrect: number;
  reviews: number;
  reviewsCorrect: number;
  stabilitySum: number;
  cards: number;
}

const emptyStats = (items: number): GroupStats => ({ items, firstAttempts: 0, firstCorrect: 0, reviews: 0, reviewsCorrect: 0, stabilitySum: 0, cards: 0 });

function level(s: GroupStats): MasteryLevel {
  return masteryLevel({ ...s, meanStabilityDays: s.cards ? s.stabilitySum / s.cards : 0 });
}

/**
 * Everything the learner dashboard shows, for one learner, in a handful of indexed, aggregated queries:
 * first attempts per chapter (Attempt(userId, itemId)), card stats per chapter and concept (ReviewCard joined to
 * the first attempt), due cards per day (ReviewCard(userId, due)), work per day over 20 weeks
 * (StudyDay, kept in step with every answer and review), and recent activity.
 */
export async function getDashboard({ userId, now, chapters, scenarioLabels }: DashboardInput) {
  const since = new Date(now.getTime() - 140 * 86_400_000);
  const endOfToday = new Date(`${utcDay(now)}T23:59:59.999Z`);
  const horizon = new Date(now.getTime() + 14 * 86_400_000);
  // Aggregates are computed in the database: a learner can have 100,000 review logs.
  const [firstsByChapter, scenarioFirsts, cardStats, dueDays, dueTotal, progress, studyDays, recentAttempts, recentReviews, guestOnly] = await Promise.all([
    db.$queryRaw<{ chapter: string | null; n: unknown; correct: unknown }[]>`
      SELECT "chapter", count(*) AS n, sum(CASE WHEN "correct" THEN 1 ELSE 0 END) AS correct
      FROM "Attempt" WHERE "userId" = ${userId} AND "firstAttempt" = ${true} GROUP BY "chapter"`,
    db.attempt.findMany({ where: { userId, firstAttempt: true, itemKind: 'scenario' }, select: { itemId: true, correct: true, response: true } }),
    db.$queryRaw<{ chapter: string | null; concept: string | null; cards: unknown; reviews: unknown; lapses: unknown; stability: unknown }[]>`
      SELECT chapter, concept, count(*) AS cards, sum(reps - 1) AS reviews, sum(lapses) AS lapses, sum(stability) AS stability
      FROM (
        SELECT c."concept" AS concept, c."reps" AS reps, c."lapses" AS lapses, c."stability" AS stability,
          -- the card's chapter, from its item's attempts (Attempt(userId, itemId) index)
          (SELECT a."chapter" FROM "Attempt" a WHERE a."userId" = c."userId" AND a."itemId" = c."itemId" LIMIT 1) AS chapter
        FROM "ReviewCard" c WHERE c."userId" = ${userId}
      ) t GROUP BY chapter, concept`,
    db.$queryRaw<{ d: string; n: unknown }[]>`
      SELECT ${dayOf('due')} AS d, count(*) AS n FROM "ReviewCard" WHERE "userId" = ${userId} AND "due" <= ${ts(horizon)} GROUP BY d`,
    db.reviewCard.count({ where: { userId } }),
    db.chapterProgress.findMany({ where: { userId }, select: { chapter: true, completedAt: true } }),
    db.studyDay.findMany({ where: { userId, day: { gte: utcDay(since) } }, select: { day: true, answers: true, reviews: true } }),
    db.attempt.findMany({ where: { userId }, orderBy: { createdAt: 'desc' }, take: 8, select: { itemKind: true, itemId: true, correct: true, createdAt: true } }),
    db.reviewLog.findMany({
      where: { userId, NOT: { idempotencyKey: { startsWith: 'first-' } } },
      orderBy: { review: 'desc' },
      take: 8,
      select: { shownItemId: true, correct: true, review: true },
    }),
    // Items answered only before the account existed still show as the learner's own progress (never a class's).
    mergedOnlyFirsts(userId),
  ]);
  for (const g of guestOnly) {
    firstsByChapter.push({ chapter: g.chapter, n: 1, correct: g.correct ? 1 : 0 });
    if (g.itemKind === 'scenario') scenarioFirsts.push(g);
  }

  const byChapter = new Map(chapters.map((c) => [c.slug, emptyStats(c.quizIds.length + c.scenarioIds.length)]));
  const byMode = new Map(LABELS.map((l) => [l, emptyStats([...scenarioLabels.values()].filter((x) => x === l).length)]));
  const confusion: Record<Label, Record<Label, number>> = Object.fromEntries(LABELS.map((t) => [t, Object.fromEntries(LABELS.map((p) => [p, 0]))])) as never;

  for (const f of firstsByChapter) {
    const s = f.chapter ? byChapter.get(f.chapter) : undefined;
    if (!s) continue;
    s.firstAttempts += num(f.n);
    s.firstCorrect += num(f.correct);
  }
  const cases: AnsweredCase[] = [];
  for (const f of scenarioFirsts) {
    const truth = scenarioLabels.get(f.itemId);
    if (!truth) continue;
    const r = parseDrillResponse(f.response);
    const picked = r?.label;
    if (r?.wrong) cases.push({ scenarioId: f.itemId, truth, given: r.label, labelOk: r.label === truth, wrong: r.wrong });
    const m = byMode.get(truth)!;
    m.firstAttempts++;
    if (f.correct) m.firstCorrect++;
    if (picked && LABELS.includes(picked)) confusion[truth][picked]++;
  }
  const misread = misreadByLabel(cases);
  for (const c of cardStats) {
    const reviews = Math.max(0, num(c.reviews));
    const add = { reviews, reviewsCorrect: Math.max(0, reviews - num(c.lapses)), stabilitySum: num(c.stability), cards: num(c.cards) };
    for (const s of [c.chapter ? byChapter.get(c.chapter) : undefined, c.concept ? byMode.get(c.concept as Label) : undefined]) {
      if (!s) continue;
      s.reviews += add.reviews;
      s.reviewsCorrect += add.reviewsCorrect;
      s.stabilitySum += add.stabilitySum;
      s.cards += add.cards;
    }
  }

  const completed = new Map(progress.map((p) => [p.chapter, p.completedAt]));
  const days = new Map<string, number>();
  for (const r of studyDays) days.set(r.day, r.answers + r.reviews);
  const today = utcDay(now);
  const dueByDay = new Map(dueDays.map((d) => [d.d, num(d.n)]));
  const fc = forecast([], now, 14).map((d, i) => ({
    day: d.day,
    count: i === 0 ? [...dueByDay].filter(([day]) => day <= today).reduce((n, [, c]) => n + c, 0) : (dueByDay.get(d.day) ?? 0),
  }));

  return {
    chapters: chapters.map((c) => {
      const s = byChapter.get(c.slug)!;
      return { slug: c.slug, title: c.title, completed: Boolean(completed.get(c.slug)), items: s.items, answered: s.firstAttempts, firstCorrect: s.firstCorrect, level: level(s) };
    }),
    modes: LABELS.map((l) => {
      const s = byMode.get(l)!;
      // The question misread most on this failure mode's cases, from the answers stored with each attempt.
      return { label: l, answered: s.firstAttempts, firstCorrect: s.firstCorrect, level: level(s), misread: misread[l] ?? null };
    }),
    dueToday: [...dueByDay].filter(([day]) => day <= utcDay(endOfToday)).reduce((n, [, c]) => n + c, 0),
    totalCards: dueTotal,
    forecast: fc,
    activity: [...days].map(([day, count]) => ({ day, count })).sort((a, b) => a.day.localeCompare(b.day)),
    streak: streakOf(days, now),
    confusion,
    recent: [
      ...recentAttempts.map((a) => ({ kind: a.itemKind === 'quiz' ? ('quiz' as const) : ('scenario' as const), itemId: a.itemId, correct: a.correct, at: a.createdAt })),
      ...recentReviews.map((r) => ({ kind: 'review' as const, itemId: r.shownItemId ?? '', correct: r.correct, at: r.review })),
    ]
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .slice(0, 10),
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;

/** Consecutive UTC days with real work (an answer or a review), ending today, or yesterday if today has none yet. */
export function streakOf(days: Map<string, number>, now: Date): number {
  let t = new Date(`${utcDay(now)}T12:00:00Z`).getTime();
  if (!days.get(utcDay(new Date(t)))) t -= 86_400_000;
  let n = 0;
  while (days.get(utcDay(new Date(t)))) {
    n++;
    t -= 86_400_000;
  }
  return n;
}
