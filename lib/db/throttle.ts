import 'server-only';
import { db } from './client';
import { takeRateLimit, type RateLimitState } from './rate-limit';

// Failed sign-ins are counted per email and per IP in a sliding window. Being throttled only delays: once the
// window has passed the real owner can sign in again, so an attacker cannot lock anyone out for good.
export const THROTTLE = {
  windowMs: 15 * 60 * 1000,
  maxPerEmail: 5,
  maxPerIp: 30,
} as const;

export interface ThrottleState {
  limited: boolean;
  retryAfterSeconds: number;
}

async function stateFor(key: string, max: number, now: Date): Promise<ThrottleState> {
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

export async function signInThrottle(email: string, ip: string | null, now = new Date()): Promise<ThrottleState> {
  const byEmail = await stateFor(`email:${email}`, THROTTLE.maxPerEmail, now);
  const byIp = ip ? await stateFor(`ip:${ip}`, THROTTLE.maxPerIp, now) : { limited: false, retryAfterSeconds: 0 };
  return {
    limited: byEmail.limited || byIp.limited,
    retryAfterSeconds: Math.max(byEmail.retryAfterSeconds, byIp.retryAfterSeconds),
  };
}

export async function recordSignInFailure(email: string, ip: string | null, now = new Date()): Promise<void> {
  const rows = [{ key: `email:${email}`, createdAt: now }];
  if (ip) rows.push({ key: `ip:${ip}`, createdAt: now });
  await db.signInFailure.createMany({ data: rows });
  // Keep the table small: drop anything older than the window.
  await db.signInFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - THROTTLE.windowMs) } } });
}

export async function clearSignInFailures(email: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { key: `email:${email}` } });
}

// Sign-up attempts per address. Without email verification a sign-up cannot hide whether an email is registered
// (it either creates the account or does not), so attempts are limited to keep anyone from checking emails in bulk.
// The window is an hour rather than minutes so a whole class behind one school address can sign up together: 40 an
// hour is the same sustained rate as 10 every 15 minutes.
export const SIGN_UP_LIMIT = {
  windowMs: 60 * 60 * 1000,
  maxPerIp: 40,
} as const;

/** Counts one sign-up attempt from `ip` and says whether it is over the limit (an over-limit attempt is not counted). */
export async function signUpThrottle(ip: string | null, now = new Date()): Promise<RateLimitState> {
  return takeRateLimit(`signup:ip:${ip ?? 'unknown'}`, SIGN_UP_LIMIT.maxPerIp, SIGN_UP_LIMIT.windowMs, now);
}
