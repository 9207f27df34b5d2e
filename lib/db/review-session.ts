import 'server-only';
import { chapterOfItem, publicReviewItem, reviewItemFor, type PublicReviewItem } from '../content/review-items';
import { cardVersion } from '../learning/review-window';
import { getDueQueue, nextDueAt } from './reviews';
import { getSettings } from './settings';

export interface ReviewEntry {
  cardId: string;
  /** The card's version when this page was made; the server refuses an answer to a card that has changed since. */
  cardVersion: number;
  isNew: boolean;
  item: PublicReviewItem;
}

/** What /review starts from: the cards due now, the counts the dashboard also shows, and when the next card comes due. */
export interface ReviewSessionData {
  entries: ReviewEntry[];
  dueCount: number;
  laterToday: number;
  heldBackNew: number;
  nextDue: string | null;
  /** The server's clock when this was made (tests move it), so the page counts down from the server's time. */
  now: string;
}

export async function loadReviewSession(userId: string, now: Date): Promise<ReviewSessionData> {
  const settings = await getSettings(userId);
  const queue = await getDueQueue(userId, now, { newPerDay: settings.newCardsPerDay, chapterOf: chapterOfItem });
  const entries: ReviewEntry[] = queue.cards.flatMap((c) => {
    const item = reviewItemFor(c);
    return item ? [{ cardId: c.id, cardVersion: cardVersion(c), isNew: c.isNew, item: publicReviewItem(item) }] : [];
  });
  const next = entries.length === 0 ? await nextDueAt(userId, now) : null;
  return {
    entries,
    dueCount: queue.dueCount,
    laterToday: queue.laterToday,
    heldBackNew: queue.heldBackNew,
    nextDue: next?.toISOString() ?? null,
    now: now.toISOString(),
  };
}
