import 'server-only';
import { headers } from 'next/headers';
import { clientIp } from '../auth/ip';
import { memoryLimiter } from '../http/memory-limit';
import { ActionError } from '../actions/safe-action';

// Guests' answers are graded on the server and kept in their browser: the grading endpoints store nothing, so their
// limits live in memory, per address and per process.
const guestLimiter = memoryLimiter({ perKey: 120, total: 3000, windowMs: 60_000 });

/** Refuses a guest grading request over the per-address or per-process budget (429, with the wait in the message). */
export async function guestGradingBudget(): Promise<void> {
  const wait = guestLimiter.take(clientIp(await headers()) ?? 'unknown');
  if (wait) throw new ActionError(`Too many answers at once. Wait ${wait} seconds, then press Check again.`, 429);
}
