// A guest's progress lives in the browser (localStorage) until they sign up and bring it along.
import type { AnswerRecord } from '../learning/stored-response';

const GUEST_KEY = 'goalpost-guest-v1';

export interface GuestAttempt extends AnswerRecord {
  idempotencyKey: string;
  firstAttempt: boolean;
  createdAt: string;
}

export interface GuestReview {
  idempotencyKey: string;
  itemKind: 'quiz' | 'scenario';
  itemId: string; // the card's item (the first one answered)
  shownItemId: string;
  /** The choice: options of a question, or the failure mode picked for a scenario. A merge re-grades from it. */
  selected?: number[];
  label?: string;
  rating: number; // ts-fsrs Rating
  review: string; // ISO time
  retention: number;
  correct: boolean;
  confident: boolean;
  durationMs: number | null;
}

export interface GuestData {
  version: 1;
  attempts: GuestAttempt[];
  reviews: GuestReview[];
  completed: Record<string, string>; // chapter slug -> ISO date
  positions: Record<string, string>; // chapter slug -> heading anchor
  settings: { desiredRetention: number; newCardsPerDay: number };
}

const empty = (): GuestData => ({
  version: 1,
  attempts: [],
  reviews: [],
  completed: {},
  positions: {},
  settings: { desiredRetention: 0.9, newCardsPerDay: 20 },
});

export function readGuest(storage: Storage | undefined = globalThis.localStorage): GuestData {
  try {
    const raw = storage?.getItem(GUEST_KEY);
    if (!raw) return empty();
    const data = JSON.parse(raw) as Partial<GuestData>;
    return { ...empty(), ...data, version: 1 };
  } catch {
    return empty();
  }
}

export function writeGuest(data: GuestData, storage: Storage | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(GUEST_KEY, JSON.stringify(data));
  } catch {
    // Storage full or blocked: progress just is not kept; nothing else breaks.
  }
}

/** Adds an attempt once per idempotency key; the first attempt at an item is marked as the one that counts. */
export function addGuestAttempt(
  attempt: Omit<GuestAttempt, 'firstAttempt' | 'createdAt'>,
  now = new Date(),
  storage?: Storage,
): GuestAttempt {
  const data = readGuest(storage);
  const existing = data.attempts.find((a) => a.idempotencyKey === attempt.idempotencyKey);
  if (existing) return existing;
  const stored: GuestAttempt = {
    ...attempt,
    firstAttempt: !data.attempts.some((a) => a.itemId === attempt.itemId),
    createdAt: now.toISOString(),
  };
  data.attempts.push(stored);
  writeGuest(data, storage);
  return stored;
}

export function guestAttemptsFor(itemId: string, storage?: Storage): GuestAttempt[] {
  return readGuest(storage).attempts.filter((a) => a.itemId === itemId);
}

/** Records a guest review once per idempotency key. */
export function addGuestReview(review: GuestReview, storage?: Storage): void {
  const data = readGuest(storage);
  if (data.reviews.some((r) => r.idempotencyKey === review.idempotencyKey)) return;
  data.reviews.push(review);
  writeGuest(data, storage);
}

export function hasGuestProgress(storage?: Storage): boolean {
  const d = readGuest(storage);
  return d.attempts.length > 0 || d.reviews.length > 0 || Object.keys(d.completed).length > 0;
}

export function clearGuest(storage: Storage | undefined = globalThis.localStorage): void {
  try {
    storage?.removeItem(GUEST_KEY);
  } catch {
    // nothing to clear
  }
}
