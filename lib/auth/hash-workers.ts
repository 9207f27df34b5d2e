import { Worker } from 'node:worker_threads';
import type { ScryptOptions } from 'node:crypto';

// Password hashes run on worker threads that lower their own scheduling priority (nice 19, Linux: setpriority on the
// thread's id affects that thread alone). The kernel then gives a hash only the CPU that pages and answers leave
// idle: during a flood of failing sign-ins the hashing thread no longer takes a core from the event loop
// (bench:signin-flood; issue 14, finding 7). Where a thread's priority cannot be set, the hash still runs, at normal
// priority. The worker's source is inline so that it survives bundling by Next (no separate file to resolve).
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
let niced = false;
try {
  const self = require('node:fs').readlinkSync('/proc/thread-self');
  const tid = Number(self.split('/').pop());
  if (Number.isInteger(tid) && tid > 0) {
    require('node:os').setPriority(tid, 19);
    niced = require('node:os').getPriority(tid) === 19;
  }
} catch {}
parentPort.postMessage({ ready: true, niced });
parentPort.on('message', (job) => {
  try {
    const key = scryptSync(job.password, Buffer.from(job.salt), job.keylen, job.opts);
    parentPort.postMessage({ id: job.id, key });
  } catch (e) {
    parentPort.postMessage({ id: job.id, error: String(e && e.message || e) });
  }
});
`;

type Job = { resolve: (key: Buffer) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; busy: boolean; job: number | null; niced: Promise<boolean> };

const POOL = Symbol.for('goalpost.password-hash-workers');
type Pool = { slots: Slot[]; jobs: Map<number, Job>; nextId: number };
const pool: Pool = ((globalThis as Record<symbol, unknown>)[POOL] as Pool | undefined) ?? { slots: [], jobs: new Map(), nextId: 1 };
(globalThis as Record<symbol, unknown>)[POOL] = pool;

function spawn(): Slot {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  // An idle pool must not keep a script (seed, tests, benchmarks) alive.
  worker.unref();
  let markReady: (niced: boolean) => void = () => {};
  const slot: Slot = { worker, busy: false, job: null, niced: new Promise((r) => (markReady = r)) };
  worker.on('message', (m: { ready?: true; niced?: boolean; id?: number; key?: Uint8Array; error?: string }) => {
    if (m.ready) return markReady(Boolean(m.niced));
    const job = pool.jobs.get(m.id!);
    if (!job) return;
    pool.jobs.delete(m.id!);
    slot.busy = false;
    slot.job = null;
    worker.unref();
    if (m.error !== undefined) job.reject(new Error(m.error));
    else job.resolve(Buffer.from(m.key!));
  });
  // A crashed worker is replaced at the next hash; its job (if any) fails rather than hanging.
  const retire = () => {
    pool.slots = pool.slots.filter((s) => s !== slot);
    markReady(false);
    const job = slot.job === null ? undefined : pool.jobs.get(slot.job);
    if (job) {
      pool.jobs.delete(slot.job!);
      job.reject(new Error('The password hashing worker stopped.'));
    }
  };
  worker.on('error', retire);
  worker.on('exit', retire);
  pool.slots.push(slot);
  return slot;
}

/**
 * scrypt on a low-priority worker thread. The caller bounds how many run at once (lib/auth/password.ts); a free
 * worker is reused, and a new one is started when all are busy.
 */
export function scryptLowPriority(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  const slot = pool.slots.find((s) => !s.busy) ?? spawn();
  slot.busy = true;
  slot.worker.ref();
  const id = pool.nextId++;
  slot.job = id;
  return new Promise<Buffer>((resolve, reject) => {
    pool.jobs.set(id, { resolve, reject });
    slot.worker.postMessage({ id, password, salt: new Uint8Array(salt), keylen, opts });
  });
}

/** Whether the hashing threads run at the lowest priority here (false where the OS does not allow it). */
export async function hashThreadsAreLowPriority(): Promise<boolean> {
  const slot = pool.slots.find((s) => !s.busy) ?? spawn();
  return slot.niced;
}
