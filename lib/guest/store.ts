// A guest's progress lives in the browser (localStorage) until they sign up and bring it along.
export const GUEST_KEY = 'goalpost-guest-v1';

export interface GuestAttempt {
  idempotencyKey: string;
  itemKind: 'quiz' | 'scenario';
  itemId: string;
  chapter: string | null;
  response: unknown;
  correct: boolean;
  confident: boolean;
  durationMs: number | null;
  firstAttempt: boolean;
  createdAt: string;
}

export interface GuestData {
  version: 1;
  attempts: GuestAttempt[];
  completed: Record<string, string>; // chapter slug -> ISO date
  positions: Record<string, string>; // chapter slug -> heading anchor
}

const empty = (): GuestData => ({ version: 1, attempts: [], completed: {}, positions: {} });

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
export function addGuestAttempt(attempt: Omit<GuestAttempt, 'firstAttempt' | 'createdAt'>, now = new Date(), storage?: Storage): GuestAttempt {
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
