import 'server-only';
import { headers } from 'next/headers';
import { clientAddress } from '../auth/ip';
import { memoryLimiter } from '../http/memory-limit';
import { ActionError } from '../actions/safe-action';

// Guests' answers are graded on the server and kept in their browser: the grading endpoints store nothing, so their
// limits live in memory, per address and per process. Without a trusted proxy every guest is the same "shared"
// address (lib/auth/ip.ts), and that bucket gets the whole per-process budget rather than one person's.
const PER_ADDRESS = 120;
const PER_PROCESS = 3000;
const limiter = memoryLimiter({ perKey: PER_ADDRESS, total: PER_PROCESS, windowMs: 60_000 });
const shared = memoryLimiter({ perKey: PER_PROCESS, total: PER_PROCESS, windowMs: 60_000 });

/** Refuses a guest grading request over the per-address or per-process budget (429, with the wait in the message). */
export async function guestGradingBudget(): Promise<void> {
  const address = clientAddress(await headers());
  const wait = address.trusted ? limiter.take(address.key) : shared.take('shared');
  if (wait) throw new ActionError(`Too many answers at once. Wait ${wait} seconds, then press Check again.`, 429);
}
