// The study streak, one rule for the signed-in dashboard (from StudyDay rows) and a guest's (from the browser's own
// answers and reviews). Pure: the clock is passed in.
import { utcDay } from './queue';

const DAY_MS = 86_400_000;

/** Consecutive UTC days with real work (an answer or a review), ending today, or yesterday if today has none yet. */
export function streakOf(days: ReadonlyMap<string, number>, now: Date): number {
  let t = new Date(`${utcDay(now)}T12:00:00Z`).getTime();
  if (!days.get(utcDay(new Date(t)))) t -= DAY_MS;
  let n = 0;
  while (days.get(utcDay(new Date(t)))) {
    n++;
    t -= DAY_MS;
  }
  return n;
}

/** How much work each UTC day holds, from ISO timestamps (a guest's stored answers and reviews). */
export function workByDay(isoTimes: Iterable<string>): Map<string, number> {
  const days = new Map<string, number>();
  for (const t of isoTimes) {
    const d = utcDay(new Date(t));
    days.set(d, (days.get(d) ?? 0) + 1);
  }
  return days;
}
