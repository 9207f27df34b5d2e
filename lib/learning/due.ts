// What "due" means, once, for the dashboard, the review page and a guest's browser: a card is due now when its due
// time has passed and it is not a new card held back by the daily limit on new cards; "later today" is the rest of
// the UTC study day (the day the forecast and the daily new-card limit use). Pure: the clock is an argument.
import { utcDay } from './queue';

export interface DueCandidate {
  due: Date;
  /** When the card first came up in /review; null for a card that never has ("new"). */
  introducedAt: Date | null;
}

export interface DueSplit<T> {
  /** Reviewable now, oldest first: every due card seen in review before, then new ones up to the day's limit. */
  now: T[];
  /** Coming due later in this study day, within what the new-card limit leaves. */
  laterToday: number;
  /** New cards due now that the daily limit holds back. */
  heldBackNew: number;
}

export interface DueCounts {
  now: number;
  laterToday: number;
  heldBackNew: number;
}

/** The end of the study day `now` falls in (UTC), the last moment counted as "today". */
export function endOfStudyDay(now: Date): Date {
  return new Date(`${utcDay(now)}T23:59:59.999Z`);
}

/** Splits a learner's cards into due now, later today and held back. `newLeftToday`: new cards the limit still allows today. */
export function splitDue<T extends DueCandidate>(cards: readonly T[], now: Date, newLeftToday: number): DueSplit<T> {
  const end = endOfStudyDay(now).getTime();
  const t = now.getTime();
  const sorted = [...cards].sort((a, b) => a.due.getTime() - b.due.getTime());
  const dueNow = sorted.filter((c) => c.due.getTime() <= t);
  const old = dueNow.filter((c) => c.introducedAt !== null);
  const fresh = dueNow.filter((c) => c.introducedAt === null);
  const admittedFresh = fresh.slice(0, Math.max(0, newLeftToday));
  const later = sorted.filter((c) => c.due.getTime() > t && c.due.getTime() <= end);
  const newRoom = Math.max(0, newLeftToday - admittedFresh.length);
  const laterNew = later.filter((c) => c.introducedAt === null).length;
  return {
    now: [...old, ...admittedFresh],
    laterToday: later.length - laterNew + Math.min(laterNew, newRoom),
    heldBackNew: fresh.length - admittedFresh.length,
  };
}

export function dueCounts(split: DueSplit<unknown>): DueCounts {
  return { now: split.now.length, laterToday: split.laterToday, heldBackNew: split.heldBackNew };
}

/** "2 due now · 7 more later today"; "Nothing due now · 3 later today"; "Nothing due today". */
export function dueText(c: DueCounts): string {
  const parts: string[] = [];
  if (c.now > 0) parts.push(`${c.now} due now`);
  else parts.push(c.laterToday > 0 ? 'Nothing due now' : 'Nothing due today');
  if (c.laterToday > 0) parts.push(`${c.laterToday} ${c.now > 0 ? 'more ' : ''}later today`);
  if (c.heldBackNew > 0) parts.push(`${c.heldBackNew} new held back by your daily limit`);
  return parts.join(' · ');
}
