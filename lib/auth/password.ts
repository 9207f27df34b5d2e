import { availableParallelism } from 'node:os';
import { randomBytes, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { scryptLowPriority } from './hash-workers';
import { env } from '../env';

// scrypt with N=2^14, r=8, p=8: the OWASP Password Storage Cheat Sheet lists N=2^14, r=8, p=5 as equivalent to its
// N=2^17, p=1 minimum; p=8 keeps the CPU cost of the N=2^17 hashes this app used to make (N*p = 2^17) while each hash
// holds 16 MiB instead of 128 MiB, so a flood of sign-ins cannot grow the server by hundreds of megabytes (issue 14).
// Parameters are stored with each hash: older hashes still verify, and are re-hashed at their next sign-in.
const PRODUCTION = { N: 2 ** 14, r: 8, p: 8 } as const;
// The browser tests' server only (scripts/e2e-server.ts sets both flags; GOALPOST_TEST_CLOCK is already the switch
// that marks that server): it signs up and signs in hundreds of throwaway accounts, and at the production cost those
// hashes were a large share of the suite's CPU. A cost of 2^10 keeps every code path (salt, parameters stored with the
// hash, constant-time compare, the hashing slots) and costs about a millisecond. test/unit/password.test.ts pins the
// production parameters, and the hashing-slot browser test starts a server at the production cost.
const TESTS_ONLY = { N: 2 ** 10, r: 8, p: 1 } as const;
const KEY_LEN = 64;

function params(): { N: number; r: number; p: number } {
  return process.env.GOALPOST_TEST_CLOCK === '1' && process.env.GOALPOST_TEST_CHEAP_HASH === '1' ? TESTS_ONLY : PRODUCTION;
}

/** Thrown when every hashing slot is taken: the caller answers "busy, retry shortly" without hashing. */
export class HashBusyError extends Error {
  constructor() {
    super('Password hashing is at capacity.');
  }
}

/** Seconds a refused sign-in is told to wait (Retry-After): about a few hashes' time. */
export const HASH_BUSY_RETRY_SECONDS = 2;

// One counter per process, whichever bundle loaded this module (route handlers and actions may each get a copy).
const SLOTS = Symbol.for('goalpost.password-hash-slots');
type Slots = { busy: number };
const slots: Slots = ((globalThis as Record<symbol, unknown>)[SLOTS] as Slots | undefined) ?? { busy: 0 };
(globalThis as Record<symbol, unknown>)[SLOTS] = slots;

/**
 * How many hashes may run at once. Unbounded, a flood of sign-ins kept every core busy and each hash's memory
 * alive, and pages slowed tenfold. Leaving a core free keeps pages fast; the hashing threads also run at the lowest
 * scheduling priority (lib/auth/hash-workers.ts), so on a busy machine they get only the CPU that is left over.
 */
export function hashConcurrency(): number {
  return env.AUTH_HASH_CONCURRENCY ?? Math.max(1, availableParallelism() - 1);
}

/**
 * True when no hashing slot is free. Sign-in checks this before anything else (before parsing more than the form,
 * before any database query), so a refused attempt of a flood costs almost nothing.
 */
export function hashingAtCapacity(): boolean {
  return slots.busy >= hashConcurrency();
}

/**
 * Waits AUTH_BUSY_HOLD_MS (default 1 s) before a "busy" answer goes out. The attempt never waits for a hash: it is
 * refused as it arrives and only the answer is held. Answered at once, a flood of a dozen connections came straight
 * back hundreds of times a second and the cheap refusals alone took the CPU from pages (bench:signin-flood).
 */
export async function holdBusyAnswer(ms = env.AUTH_BUSY_HOLD_MS): Promise<void> {
  if (ms > 0) await new Promise((r) => setTimeout(r, ms));
}

/** Runs `fn` in a hashing slot, or throws HashBusyError at once when none is free (never queues). */
async function inSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (hashingAtCapacity()) throw new HashBusyError();
  slots.busy++;
  try {
    return await fn();
  } finally {
    slots.busy--;
  }
}

function scrypt(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return inSlot(() => scryptLowPriority(password.normalize('NFC'), salt, keylen, opts));
}

const maxmem = (n: number, r: number, p: number) => 128 * n * r + 128 * r * p + 1024 * 1024;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p } = params();
  const key = await scrypt(password, salt, KEY_LEN, { N, r, p, maxmem: maxmem(N, r, p) });
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltB64, keyB64] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, 'base64');
  const key = await scrypt(password, Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: maxmem(Number(n), Number(r), Number(p)),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** True when `stored` was made with other parameters than today's (re-hash it at the next successful sign-in). */
export function needsRehash(stored: string): boolean {
  const [scheme, n, r, p] = stored.split('$');
  const now = params();
  return scheme !== 'scrypt' || Number(n) !== now.N || Number(r) !== now.r || Number(p) !== now.p;
}

// Verifying against this when the email is unknown makes both failure paths cost the same time.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  if (!dummyHash) {
    const made = hashPassword(randomBytes(12).toString('hex'));
    dummyHash = made;
    // A refused (busy) first attempt must not leave a rejected promise behind for every later caller.
    made.catch(() => {
      if (dummyHash === made) dummyHash = undefined;
    });
  }
  return dummyHash;
}
