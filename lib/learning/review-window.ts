// When a review counts. FSRS schedules each card for a moment; a review long before that moment tells the scheduler
// little, and if it rescheduled the card anyway, anyone could pile reviews (and review-assignment credit) onto a card
// that is not due, pushing it months out. So a review counts once per due card: on or after the due time, or a little
// before it. Anything earlier is practice: stored, never rescheduling, never counted. Pure: the clock is an argument.

/** A review may come at most this long before the card is due and still count. */
export const EARLY_WINDOW_MAX_MS = 60 * 60 * 1000;
/** …and at most this share of the card's current interval, so a card due in 10 minutes is not reviewable for an hour. */
const EARLY_WINDOW_SHARE = 0.1;

export interface ScheduledCard {
  due: Date;
  /** The last review that scheduled the card (its first answer, or a counted review); null for a card never reviewed. */
  lastReview: Date | null;
  reps: number;
}

/**
 * How early a review of this card may come: the smaller of an hour and a tenth of its interval (due minus last
 * review). An hour covers a queue page left open and small clock differences; the tenth keeps learning steps of a
 * few minutes from being reviewed again straight away.
 */
export function earlyWindowMs(card: ScheduledCard): number {
  if (!card.lastReview) return 0;
  const interval = Math.max(0, card.due.getTime() - card.lastReview.getTime());
  return Math.min(EARLY_WINDOW_MAX_MS, Math.floor(interval * EARLY_WINDOW_SHARE));
}

/**
 * 'review' when a review at `now` counts and reschedules the card; 'practice' when the card is not due yet. Because
 * the window is at most a tenth of the interval, a time before the card's last review is always practice, so a review
 * can never be recorded before the one that scheduled the card.
 */
export function reviewKind(card: ScheduledCard, now: Date): 'review' | 'practice' {
  return now.getTime() >= card.due.getTime() - earlyWindowMs(card) ? 'review' : 'practice';
}

/**
 * What the client sends back with a review to say which state of the card it was shown. Every counted review adds a
 * repetition and practice changes nothing, so the repetition count changes exactly when the schedule does; a review
 * made from an older state (a second tab, a page left open) is refused rather than counted against the new one.
 */
export function cardVersion(card: Pick<ScheduledCard, 'reps'>): number {
  return card.reps;
}
