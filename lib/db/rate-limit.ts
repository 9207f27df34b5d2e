import 'server-only';
import { db } from './client';

export interface RateLimitState {
  limited: boolean;
  retryAfterSeconds: number;
}

/**
 * Sliding-window limit: when `key` has had `max` or more hits in the last `windowMs` it is limited (and this hit is
 * not recorded); otherwise this hit is recorded. `retryAfterSeconds` says when the oldest counted hit leaves the window.
 */
export async function takeRateLimit(key: string, max: number, windowMs: number, now = new Date()): Promise<RateLimitState> {
  const since = new Date(now.getTime() - windowMs);
  const recent = await db.rateLimitHit.findMany({
    where: { key, createdAt: { gt: since } },
    orderBy: { createdAt: 'asc' },
    select: { createdAt: true },
    take: max,
  });
  if (recent.length >= max) {
    const oldest = recent[0]!.createdAt.getTime();
    return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - now.getTime()) / 1000)) };
  }
  await db.rateLimitHit.create({ data: { key, createdAt: now } });
  if (Math.random() < 0.05) await db.rateLimitHit.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 24 * 3600_000) } } });
  return { limited: false, retryAfterSeconds: 0 };
}

/** Sliding-window limit: true when `key` has had `max` or more hits in the last `windowMs`; records this hit if not. */
export async function hitRateLimit(key: string, max: number, windowMs: number, now = new Date()): Promise<boolean> {
  return (await takeRateLimit(key, max, windowMs, now)).limited;
}
