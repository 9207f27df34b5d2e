import 'server-only';
import { db } from './client';
import { takeRateLimit, type RateLimitState } from './rate-limit';
import type { ClientAddress } from '../auth/ip';

// Failed sign-ins are counted in a sliding window, by (account, source), by address and by account. The source is
// the browser's device cookie when it has signed in to this account before (lib/auth/device.ts), else its address.
//  - (account, source): five failures refuse that source for that account until the window passes. Only the
//    source that failed is refused, so nobody can lock the owner out by failing from somewhere else.
//  - address: thirty failures across any accounts refuse that address (password spraying). Without a trusted
//    proxy every client is one "shared" address, with ten times the budget: a forged header buys nothing.
//  - account: from the sixth failure on, attempts from sources the account has not seen are slowed (250 ms,
//    doubling, at most 5 s) but never refused, so a botnet's guesses cost it time while the owner still gets in.
export const THROTTLE = {
  windowMs: 15 * 60 * 1000,
  maxPerSource: 5,
  maxPerAddress: 30,
  slowAfter: 5,
  baseDelayMs: 250,
  maxDelayMs: 5000,
} as const;

/** Without a trusted proxy all clients share one address; its budgets are this many times one address's. */
export const SHARED_BUDGET_FACTOR = 10;

export function addressBudget(address: ClientAddress, perAddress: number): number {
  return address.trusted ? perAddress : perAddress * SHARED_BUDGET_FACTOR;
}

export interface SignInSource {
  address: ClientAddress;
  /** Set when the request carries this account's device cookie. */
  deviceId: string | null;
}

export interface ThrottleState {
  limited: boolean;
  retryAfterSeconds: number;
  /** How long to wait before checking the password (the account-wide slow-down); 0 for a known device. */
  delayMs: number;
}

const accountKey = (email: string) => `signin:account:${email}`;
// A space cannot occur in a validated email, so one account's keys never prefix another's.
const sourceKey = (email: string, s: SignInSource) =>
  `${accountKey(email)} via:${s.deviceId ? `device:${s.deviceId}` : `addr:${s.address.key}`}`;
const addressKey = (a: ClientAddress) => `signin:addr:${a.key}`;

async function stateFor(key: string, max: number, now: Date): Promise<{ limited: boolean; retryAfterSeconds: number }> {
  const since = new Date(now.getTime() - THROTTLE.windowMs);
  const recent = await db.signInFailure.findMany({
    where: { key, createdAt: { gt: since } },
    orderBy: { createdAt: 'asc' },
    select: { createdAt: true },
    take: max,
  });
  if (recent.length < max) return { limited: false, retryAfterSeconds: 0 };
  const oldest = recent[0]!.createdAt.getTime();
  return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((oldest + THROTTLE.windowMs - now.getTime()) / 1000)) };
}

/** The slow-down after `failures` recent failures against the account. */
export function slowDownMs(failures: number): number {
  if (failures < THROTTLE.slowAfter) return 0;
  return Math.min(THROTTLE.maxDelayMs, THROTTLE.baseDelayMs * 2 ** Math.min(20, failures - THROTTLE.slowAfter));
}

export async function signInThrottle(email: string, source: SignInSource, now = new Date()): Promise<ThrottleState> {
  const bySource = await stateFor(sourceKey(email, source), THROTTLE.maxPerSource, now);
  // A known device is limited by its own failures only: it names one account, so it cannot spray.
  const byAddress = source.deviceId
    ? bySource
    : await stateFor(addressKey(source.address), addressBudget(source.address, THROTTLE.maxPerAddress), now);
  const limited = bySource.limited || byAddress.limited;
  let delayMs = 0;
  if (!limited && !source.deviceId) {
    const since = new Date(now.getTime() - THROTTLE.windowMs);
    delayMs = slowDownMs(await db.signInFailure.count({ where: { key: accountKey(email), createdAt: { gt: since } } }));
  }
  return { limited, retryAfterSeconds: Math.max(bySource.retryAfterSeconds, byAddress.retryAfterSeconds), delayMs };
}

export async function recordSignInFailure(email: string, source: SignInSource, now = new Date()): Promise<void> {
  const rows = [
    { key: accountKey(email), createdAt: now },
    { key: sourceKey(email, source), createdAt: now },
  ];
  if (!source.deviceId) rows.push({ key: addressKey(source.address), createdAt: now });
  await db.signInFailure.createMany({ data: rows });
  // Keep the table small: drop anything older than the window.
  await db.signInFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - THROTTLE.windowMs) } } });
}

/**
 * After a successful sign-in, that source's failures are forgiven; the account-wide count stays, since it records
 * someone else's guessing. Without a source (a new account) everything counted against the email goes.
 */
export async function clearSignInFailures(email: string, source?: SignInSource): Promise<void> {
  if (source) {
    await db.signInFailure.deleteMany({ where: { key: sourceKey(email, source) } });
    return;
  }
  await db.signInFailure.deleteMany({ where: { OR: [{ key: accountKey(email) }, { key: { startsWith: `${accountKey(email)} via:` } }] } });
}

// Sign-up attempts per address. Without email verification a sign-up cannot hide whether an email is registered
// (it either creates the account or does not), so attempts are limited to keep anyone from checking emails in bulk.
// The window is an hour rather than minutes so a whole class behind one school address can sign up together: 40 an
// hour is the same sustained rate as 10 every 15 minutes. Without a trusted proxy the shared address gets ten times that.
export const SIGN_UP_LIMIT = {
  windowMs: 60 * 60 * 1000,
  maxPerIp: 40,
} as const;

/** Counts one sign-up attempt from `address` and says whether it is over the limit (an over-limit attempt is not counted). */
export async function signUpThrottle(address: ClientAddress, now = new Date()): Promise<RateLimitState> {
  return takeRateLimit(`signup:addr:${address.key}`, addressBudget(address, SIGN_UP_LIMIT.maxPerIp), SIGN_UP_LIMIT.windowMs, now);
}
