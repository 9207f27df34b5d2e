import 'server-only';
import { db } from './client';
import { forecast, utcDay } from '../learning/queue';
import { masteryLevel, type MasteryLevel } from '../learning/mastery';

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
 * Everything the learner dashboard shows, for one learner, in a handful of indexed queries:
 * Attempt(userId, firstAttempt) rows, the learner's ReviewCards (userId, due), ChapterProgress, a per-day count
 * of work over the last 20 weeks (Attempt(userId, createdAt), ReviewLog(userId, review)), and recent activity.
 */
export async function getDashboard({ userId, now, chapters, scenarioLabels }: DashboardInput) {
  const since = new Date(now.getTime() - 140 * 86_400_000);
  const [firsts, cards, progress, attemptDays, reviewDays, recentAttempts, recentReviews] = await Promise.all([
    db.attempt.findMany({ where: { userId, firstAttempt: true }, select: { itemKind: true, itemId: true, chapter: true, correct: true, response: true } }),
    db.reviewCard.findMany({ where: { userId }, select: { itemKind: true, itemId: true, concept: true, due: true, reps: true, lapses: true, stability: true } }),
    db.chapterProgress.findMany({ where: { userId }, select: { chapter: true, completedAt: true } }),
    db.attempt.findMany({ where: { userId, createdAt: { gte: since } }, select: { createdAt: true } }),
    db.reviewLog.findMany({ where: { userId, review: { gte: since }, NOT: { idempotencyKey: { startsWith: 'first-' } } }, select: { review: true } }),
    db.attempt.findMany({ where: { userId }, orderBy: { createdAt: 'desc' }, take: 8, select: { itemKind: true, itemId: true, correct: true, createdAt: true, chapter: true } }),
    db.reviewLog.findMany({
      where: { userId, NOT: { idempotencyKey: { startsWith: 'first-' } } },
      orderBy: { review: 'desc' },
      take: 8,
      select: { shownItemId: true, correct: true, review: true, rating: true },
    }),
  ]);

  const chapterOfItem = new Map<string, string>();
  for (const c of chapters) for (const id of [...c.quizIds, ...c.scenarioIds]) chapterOfItem.set(id, c.slug);
  const byChapter = new Map(chapters.map((c) => [c.slug, emptyStats(c.quizIds.length + c.scenarioIds.length)]));
  const byMode = new Map(LABELS.map((l) => [l, emptyStats([...scenarioLabels.values()].filter((x) => x === l).length)]));
  const confusion: Record<Label, Record<Label, number>> = Object.fromEntries(LABELS.map((t) => [t, Object.fromEntries(LABELS.map((p) => [p, 0]))])) as never;

  for (const f of firsts) {
    const chapter = f.chapter ?? chapterOfItem.get(f.itemId);
    const s = chapter ? byChapter.get(chapter) : undefined;
    if (s) {
      s.firstAttempts++;
      if (f.correct) s.firstCorrect++;
    }
    if (f.itemKind === 'scenario') {
      const truth = scenarioLabels.get(f.itemId);
      let picked: Label | undefined;
      try {
        picked = (JSON.parse(f.response) as { label?: Label }).label;
      } catch {
        picked = undefined;
      }
      if (truth) {
        const m = byMode.get(truth)!;
        m.firstAttempts++;
        if (f.correct) m.firstCorrect++;
        if (picked && LABELS.includes(picked)) confusion[truth][picked]++;
      }
    }
  }
  for (const c of cards) {
    const reviews = Math.max(0, c.reps - 1);
    const correct = Math.max(0, reviews - c.lapses);
    const chapter = chapterOfItem.get(c.itemId);
    for (const s of [chapter ? byChapter.get(chapter) : undefined, c.concept ? byMode.get(c.concept as Label) : undefined]) {
      if (!s) continue;
      s.reviews += reviews;
      s.reviewsCorrect += correct;
      s.stabilitySum += c.stability;
      s.cards++;
    }
  }

  const completed = new Map(progress.map((p) => [p.chapter, p.completedAt]));
  const endOfToday = new Date(`${utcDay(now)}T23:59:59.999Z`);
  const days = new Map<string, number>();
  for (const a of attemptDays) days.set(utcDay(a.createdAt), (days.get(utcDay(a.createdAt)) ?? 0) + 1);
  for (const r of reviewDays) days.set(utcDay(r.review), (days.get(utcDay(r.review)) ?? 0) + 1);

  return {
    chapters: chapters.map((c) => {
      const s = byChapter.get(c.slug)!;
      return { slug: c.slug, title: c.title, completed: Boolean(completed.get(c.slug)), items: s.items, answered: s.firstAttempts, firstCorrect: s.firstCorrect, level: level(s) };
    }),
    modes: LABELS.map((l) => {
      const s = byMode.get(l)!;
      return { label: l, answered: s.firstAttempts, firstCorrect: s.firstCorrect, level: level(s) };
    }),
    dueToday: cards.filter((c) => c.due <= endOfToday).length,
    totalCards: cards.length,
    forecast: forecast(cards.map((c) => c.due), now, 14),
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
