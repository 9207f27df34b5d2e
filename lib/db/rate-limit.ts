import 'server-only';
import { db } from './client';

/** Sliding-window limit: true when `key` has had `max` or more hits in the last `windowMs`; records this hit if not. */
export async function hitRateLimit(key: string, max: number, windowMs: number, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - windowMs);
  const recent = await db.rateLimitHit.count({ where: { key, createdAt: { gt: since } } });
  if (recent >= max) return true;
  await db.rateLimitHit.create({ data: { key, createdAt: now } });
  if (Math.random() < 0.05) await db.rateLimitHit.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 24 * 3600_000) } } });
  return false;
}
