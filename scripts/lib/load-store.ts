import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import { createClient } from '../../lib/db/client';
import { hashPassword } from '../../lib/auth/password';
import { migrate } from './migrate';
import { createDatabase, dropDatabases, uniqueDbName } from './test-databases';

// A throwaway database for the load benchmarks (SQLite file in a temp dir, or a fresh PostgreSQL database), seeded
// with learners, and a session cookie per learner minted the way next-auth would (no sign-in round trip). With
// seedDemo it is first seeded exactly like `npm start` does it (prisma/seed.ts: demo accounts and demo class).

const SESSION_COOKIE = 'authjs.session-token'; // next-auth's name over plain http (no __Secure- prefix)

interface Learner {
  id: string;
  email: string;
  cookie: string;
}

export interface TempStore {
  kind: 'sqlite' | 'postgres';
  url: string;
  learners: Learner[];
  countAttempts: () => Promise<number>;
  /** Stored Attempt rows whose idempotency key starts with `prefix`: key → number of rows. */
  attemptKeys: (prefix: string) => Promise<Map<string, number>>;
  /** Closes this process's connection to the database (the database itself stays until dispose). */
  disconnect: () => Promise<void>;
  dispose: () => Promise<void>;
}

export interface StoreOptions {
  pgAdmin?: string;
  learners: number;
  secret: string;
  /** Seed the demo accounts and class like `npm start` (prisma/seed.ts, in a child process bound to this database). */
  seedDemo?: boolean;
  /** Names the temp dir / database: goalpost-bench-<label>-… (default "load"). */
  label?: string;
}

/** prisma/seed.ts against `url`, in a child process, since lib/db binds its client to DATABASE_URL when loaded. */
function seedLikeStart(url: string): void {
  const r = spawnSync(process.execPath, [...process.execArgv, 'prisma/seed.ts'], {
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'production' },
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (r.status !== 0) throw new Error(`Seeding failed (${r.status ?? r.signal}):\n${(r.stderr || r.stdout).slice(-2000)}`);
}

export async function createStore(opts: StoreOptions): Promise<TempStore> {
  const label = opts.label ?? 'load';
  let url: string;
  let drop: () => Promise<void>;
  if (opts.pgAdmin) {
    const name = uniqueDbName(`goalpost_bench_${label}`);
    url = await createDatabase(opts.pgAdmin, name);
    drop = () => dropDatabases(opts.pgAdmin!, { names: [name] });
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `goalpost-bench-${label}-`));
    url = `file:${path.join(dir, 'bench.db')}`;
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const client = createClient(url);
  try {
    await migrate(url);
    if (opts.seedDemo) seedLikeStart(url);
    // One hash for everyone: scrypt at N=2^17 takes ~0.3 s, and nobody signs in with it here.
    const passwordHash = await hashPassword('bench-load-password');
    const stamp = Date.now().toString(36);
    const data = Array.from({ length: opts.learners }, (_, i) => ({
      name: `Load Learner ${i}`,
      email: `load-${stamp}-${i}@example.com`,
      passwordHash,
      role: 'learner',
    }));
    // The same fields lib/db/users.ts createUser writes.
    for (const d of data) await client.user.create({ data: d, select: { id: true } });
    const users = await client.user.findMany({
      where: { email: { in: data.map((d) => d.email) } },
      select: { id: true, email: true, name: true, sessionVersion: true },
    });
    const byEmail = new Map(users.map((u) => [u.email, u]));
    const learners: Learner[] = [];
    for (const d of data) {
      const u = byEmail.get(d.email)!;
      const token = await encode({
        secret: opts.secret,
        salt: SESSION_COOKIE,
        token: { sub: u.id, sv: u.sessionVersion, name: u.name, email: u.email },
        maxAge: 24 * 60 * 60,
      });
      learners.push({ id: u.id, email: u.email, cookie: `${SESSION_COOKIE}=${token}` });
    }
    return {
      kind: opts.pgAdmin ? 'postgres' : 'sqlite',
      url,
      learners,
      countAttempts: () => client.attempt.count(),
      attemptKeys: async (prefix) => {
        const rows = await client.attempt.findMany({ where: { idempotencyKey: { startsWith: prefix } }, select: { idempotencyKey: true } });
        const out = new Map<string, number>();
        for (const r of rows) out.set(r.idempotencyKey, (out.get(r.idempotencyKey) ?? 0) + 1);
        return out;
      },
      disconnect: () => client.$disconnect(),
      dispose: async () => {
        await client.$disconnect().catch(() => undefined);
        await drop();
      },
    };
  } catch (e) {
    await client.$disconnect().catch(() => undefined);
    await drop().catch(() => undefined);
    throw e;
  }
}
