'use client';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { readGuest, type GuestData } from '@/lib/guest/store';
import { buildGuestCards } from '@/lib/guest/cards';
import { forecast, utcDay } from '@/lib/learning/queue';
import { masteryLevel } from '@/lib/learning/mastery';
import { misreadByLabel, type AnsweredCase } from '@/lib/learning/drill-summary';
import type { Question } from '@/lib/learning/scenario-schema';
import type { Dashboard } from '@/lib/db/dashboard';
import { DashboardCards } from './dashboard-cards';

type Label = keyof Dashboard['confusion'];
const LABELS: Label[] = ['specification-gaming', 'goal-misgeneralization', 'capability-failure'];

interface ChapterInfo {
  slug: string;
  title: string;
  items: number;
}

/** The same dashboard, computed in the browser from a guest's stored progress (nothing leaves the browser). */
export function guestDashboard(g: GuestData, chapters: ChapterInfo[], scenarioLabels: Record<string, Label>, now: Date) {
  const firsts = g.attempts.filter((a) => a.firstAttempt);
  const cards = buildGuestCards(g);
  const stats = (filter: (itemKind: string, itemId: string, chapter: string | null) => boolean, items: number) => {
    const f = firsts.filter((a) => filter(a.itemKind, a.itemId, a.chapter));
    const c = cards.filter((x) => filter(x.itemKind, x.itemId, firsts.find((a) => a.itemId === x.itemId)?.chapter ?? null));
    const reviews = c.reduce((n, x) => n + Math.max(0, x.card.reps - 1), 0);
    const lapses = c.reduce((n, x) => n + x.card.lapses, 0);
    return {
      answered: f.length,
      firstCorrect: f.filter((a) => a.correct).length,
      level: masteryLevel({
        items,
        firstAttempts: f.length,
        firstCorrect: f.filter((a) => a.correct).length,
        reviews,
        reviewsCorrect: Math.max(0, reviews - lapses),
        meanStabilityDays: c.length ? c.reduce((n, x) => n + x.card.stability, 0) / c.length : 0,
      }),
    };
  };
  const confusion = Object.fromEntries(LABELS.map((t) => [t, Object.fromEntries(LABELS.map((p) => [p, 0]))])) as Dashboard['confusion'];
  const cases: AnsweredCase[] = [];
  for (const a of firsts) {
    if (a.itemKind !== 'scenario') continue;
    const r = a.response as { label?: Label; truth?: Label; wrong?: Question[] } | null;
    const truth = r?.truth ?? scenarioLabels[a.itemId];
    if (truth && r?.label && LABELS.includes(r.label)) confusion[truth][r.label]++;
    if (truth && r?.label && Array.isArray(r.wrong)) cases.push({ scenarioId: a.itemId, truth, given: r.label, labelOk: r.label === truth, wrong: r.wrong });
  }
  const misread = misreadByLabel(cases);
  const days = new Map<string, number>();
  for (const t of [...g.attempts.map((a) => a.createdAt), ...g.reviews.map((r) => r.review)]) {
    const d = t.slice(0, 10);
    days.set(d, (days.get(d) ?? 0) + 1);
  }
  let streak = 0;
  let t = new Date(`${utcDay(now)}T12:00:00Z`).getTime();
  if (!days.get(utcDay(new Date(t)))) t -= 86_400_000;
  while (days.get(utcDay(new Date(t)))) {
    streak++;
    t -= 86_400_000;
  }
  const endOfToday = new Date(`${utcDay(now)}T23:59:59.999Z`);
  return {
    chapters: chapters.map((c) => ({ ...c, completed: Boolean(g.completed[c.slug]), ...stats((_k, _id, ch) => ch === c.slug, c.items) })),
    modes: LABELS.map((l) => ({
      label: l,
      ...stats((k, id) => k === 'scenario' && scenarioLabels[id] === l, Object.values(scenarioLabels).filter((x) => x === l).length),
      misread: misread[l] ?? null,
    })),
    dueToday: cards.filter((c) => c.card.due <= endOfToday).length,
    totalCards: cards.length,
    forecast: forecast(cards.map((c) => c.card.due), now, 14),
    activity: [...days].map(([day, count]) => ({ day, count })).sort((a, b) => a.day.localeCompare(b.day)),
    streak,
    confusion,
  };
}

export function GuestDashboard({ chapters, scenarioLabels }: { chapters: ChapterInfo[]; scenarioLabels: Record<string, Label> }) {
  const [data, setData] = useState<ReturnType<typeof guestDashboard> | null>(null);
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    const t = new Date();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a guest's progress is only readable in the browser
    setNow(t);
    setData(guestDashboard(readGuest(), chapters, scenarioLabels, t));
  }, [chapters, scenarioLabels]);
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
