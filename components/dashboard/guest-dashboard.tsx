'use client';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { readGuest, type GuestData } from '@/lib/guest/store';
import { buildGuestCards, guestDueCards } from '@/lib/guest/cards';
import { forecast } from '@/lib/learning/queue';
import { masteryLevel } from '@/lib/learning/mastery';
import { classConfusion, drillResponseOf } from '@/lib/learning/item-stats';
import { LABELS, type LabelTruth } from '@/lib/learning/failure-modes';
import { streakOf, workByDay } from '@/lib/learning/streak';
import type { Dashboard } from '@/lib/db/dashboard';
import { DashboardCards } from './dashboard-cards';

/** What the guest dashboard needs of each bank scenario: its label, and whether other labels count (contested). */
export type GuestScenarios = Record<string, LabelTruth>;

interface ChapterInfo {
  slug: string;
  title: string;
  /** The chapter's questions, as its page counts them. */
  items: number;
}

/** The same dashboard, computed in the browser from a guest's stored progress (nothing leaves the browser). */
export function guestDashboard(g: GuestData, chapters: ChapterInfo[], scenarios: GuestScenarios, now: Date) {
  const firsts = g.attempts.filter((a) => a.firstAttempt);
  const cards = buildGuestCards(g);
  const cardStats = (filter: (itemKind: string, itemId: string) => boolean) => {
    const c = cards.filter((x) => filter(x.itemKind, x.itemId));
    const reviews = c.reduce((n, x) => n + Math.max(0, x.card.reps - 1), 0);
    const lapses = c.reduce((n, x) => n + x.card.lapses, 0);
    return {
      reviews,
      reviewsCorrect: Math.max(0, reviews - lapses),
      meanStabilityDays: c.length ? c.reduce((n, x) => n + x.card.stability, 0) / c.length : 0,
    };
  };
  const chapterOf = new Map(firsts.map((a) => [a.itemId, a.chapter]));
  // Drill answers through the one computation the signed-in dashboard and the class views use.
  const drill = classConfusion(
    firsts.flatMap((a) => {
      const truth = a.itemKind === 'scenario' ? scenarios[a.itemId] : undefined;
      const r = truth && drillResponseOf({ userId: 'guest', itemId: a.itemId, response: a.response, correct: a.correct }, truth);
      return r ? [r] : [];
    }),
  );
  const confusion = Object.fromEntries(
    drill.matrix.map((row) => [row.truth, Object.fromEntries(row.cells.map((c) => [c.picked, c.count]))]),
  ) as Dashboard['confusion'];
  const days = workByDay([...g.attempts.map((a) => a.createdAt), ...g.reviews.map((r) => r.review)]);
  const dueSplit = guestDueCards(g, now);
  const due = { now: dueSplit.due.length, laterToday: dueSplit.laterToday, heldBackNew: dueSplit.heldBackNew };
  const fc = forecast(
    cards.map((c) => c.card.due),
    now,
    14,
  );
  fc[0]!.count = due.now + due.laterToday;
  return {
    chapters: chapters.map((c) => {
      const f = firsts.filter((a) => a.itemKind === 'quiz' && a.chapter === c.slug);
      const firstCorrect = f.filter((a) => a.correct).length;
      const stats = cardStats((k, id) => k === 'quiz' && chapterOf.get(id) === c.slug);
      return {
        ...c,
        completed: Boolean(g.completed[c.slug]),
        answered: f.length,
        firstCorrect,
        level: masteryLevel({ items: c.items, firstAttempts: f.length, firstCorrect, ...stats }),
      };
    }),
    modes: LABELS.map((l) => {
      const row = drill.byTruth[l];
      const items = Object.values(scenarios).filter((x) => x.label === l).length;
      const stats = cardStats((k, id) => k === 'scenario' && scenarios[id]?.label === l);
      return {
        label: l,
        items,
        answered: row.answers,
        labelRight: row.labelRight,
        firstCorrect: row.correct,
        level: masteryLevel({ items, firstAttempts: row.answers, firstCorrect: row.correct, ...stats }),
        misread: drill.misreadByLabel[l] ?? null,
      };
    }),
    due,
    totalCards: cards.length,
    forecast: fc,
    activity: [...days].map(([day, count]) => ({ day, count })).sort((a, b) => a.day.localeCompare(b.day)),
    streak: streakOf(days, now),
    confusion,
  };
}

export function GuestDashboard({ chapters, scenarios }: { chapters: ChapterInfo[]; scenarios: GuestScenarios }) {
  const [data, setData] = useState<ReturnType<typeof guestDashboard> | null>(null);
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    const t = new Date();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a guest's progress is only readable in the browser
    setNow(t);
    setData(guestDashboard(readGuest(), chapters, scenarios, t));
  }, [chapters, scenarios]);
  if (!data || !now) return <p aria-busy="true">Reading the progress saved in this browser…</p>;
  return (
    <>
      <p className="alert alert--info">
        You are not signed in, so this is the progress saved in this browser.{' '}
        <Link href="/signup?next=/dashboard">Create a free account</Link> to keep it on every device; we will bring it along.
      </p>
      <DashboardCards data={data} now={now} />
    </>
  );
}
