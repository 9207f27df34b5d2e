// A guest's review cards, rebuilt from what the browser stored (first answers plus reviews) with the same FSRS
// mapping the server uses. Pure: the data and the clock are arguments.
import { newCard, ratingFor, reviewCard, type Card, type Grade } from '../learning/srs';
import { utcDay } from '../learning/queue';
import { splitDue } from '../learning/due';
import type { GuestData } from './store';

export interface GuestCard {
  id: string; // "quiz:<id>" or "scenario:<id>"
  itemKind: 'quiz' | 'scenario';
  itemId: string;
  card: Card;
  createdAt: Date;
  introducedAt: Date | null;
}

function guestCardId(itemKind: string, itemId: string): string {
  return `${itemKind}:${itemId}`;
}

export function buildGuestCards(data: GuestData): GuestCard[] {
  const cards = new Map<string, GuestCard>();
  const firsts = data.attempts.filter((a) => a.firstAttempt).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const a of firsts) {
    const at = new Date(a.createdAt);
    const rating = ratingFor({ correct: a.correct, confident: a.confident, durationMs: a.durationMs, itemKind: a.itemKind });
    const card = reviewCard(newCard(at), at, rating, data.settings.desiredRetention).card;
    cards.set(guestCardId(a.itemKind, a.itemId), {
      id: guestCardId(a.itemKind, a.itemId),
      itemKind: a.itemKind,
      itemId: a.itemId,
      card,
      createdAt: at,
      introducedAt: null,
    });
  }
  for (const r of [...data.reviews].sort((a, b) => a.review.localeCompare(b.review))) {
    const c = cards.get(guestCardId(r.itemKind, r.itemId));
    if (!c) continue;
    const at = new Date(r.review);
    c.card = reviewCard(c.card, at, r.rating as Grade, r.retention).card;
    c.introducedAt ??= at;
  }
  return [...cards.values()];
}

/** A guest's cards due now, later today and held back, by the same rule as an account's (lib/learning/due.ts). */
export function guestDueCards(data: GuestData, now: Date): { due: GuestCard[]; laterToday: number; heldBackNew: number } {
  const cards = buildGuestCards(data);
  const today = utcDay(now);
  const introducedToday = cards.filter((c) => c.introducedAt && utcDay(c.introducedAt) === today).length;
  const newLeft = Math.max(0, data.settings.newCardsPerDay - introducedToday);
  const split = splitDue(
    cards.map((c) => ({ ...c, due: c.card.due })),
    now,
    newLeft,
  );
  return { due: split.now, laterToday: split.laterToday, heldBackNew: split.heldBackNew };
}
