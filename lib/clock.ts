import 'server-only';
import { cookies } from 'next/headers';

export const TEST_CLOCK_COOKIE = 'goalpost-clock-offset';
export const testClockEnabled = () => process.env.GOALPOST_TEST_CLOCK === '1';

/**
 * The server's idea of "now". Browser tests move time forward (a day, a week) without waiting: when the server runs
 * with GOALPOST_TEST_CLOCK=1 (only scripts/e2e-server.ts sets it), a cookie can carry an offset in milliseconds.
 */
export async function now(): Promise<Date> {
  if (testClockEnabled()) {
    try {
      const raw = (await cookies()).get(TEST_CLOCK_COOKIE)?.value;
      const offset = raw ? Number(raw) : 0;
      if (Number.isFinite(offset)) return new Date(Date.now() + offset);
    } catch {
      // Outside a request (scripts, unit tests): real time.
    }
  }
  return new Date();
}
