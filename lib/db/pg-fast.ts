import 'server-only';
import pg from 'pg';
import { env } from '../env';
import { storeKind } from './url';

// The hot path on PostgreSQL, without Prisma: the reads every signed-in request makes (the user, the settings) and
// the answer write (lib/db/pg-answer.ts), as named prepared statements on a small pool of this module's own. Through
// Prisma each query cost about a millisecond of the app's CPU; a prepared statement on pg costs a tenth of that and
// the database plans it once per connection. (The SQLite twin is lib/db/fast-sqlite.ts.)

const POOL = Symbol.for('goalpost.pg-fast-pool');
type Holder = { pool?: pg.Pool | null };
const holder: Holder = ((globalThis as Record<symbol, unknown>)[POOL] as Holder | undefined) ?? {};
(globalThis as Record<symbol, unknown>)[POOL] = holder;

// Prisma stores DateTime in `timestamp(3)` as the UTC wall clock; pg would read it in the server's local time zone.
const TIMESTAMP = 1114;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP && format !== 'binary'
      ? (v: string) => new Date(`${v.replace(' ', 'T')}Z`)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** The pool, or null when the store is SQLite. */
export function pgFast(): pg.Pool | null {
  if (holder.pool !== undefined) return holder.pool;
  if (storeKind(env.DATABASE_URL) !== 'postgres') return (holder.pool = null);
  const pool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: env.DATABASE_POOL_SIZE,
    connectionTimeoutMillis: 10_000,
    application_name: 'goalpost-fast',
    types,
  });
  // An idle connection that the server ends (a restart, an administrator) must not take the process down: the pool
  // drops it and opens a new one for the next query.
  pool.on('error', (e) => console.error(`PostgreSQL closed an idle connection: ${e.message}`));
  return (holder.pool = pool);
}

/** One named prepared statement's rows. */
export async function pgRows<T extends pg.QueryResultRow>(pool: pg.Pool, name: string, text: string, values: unknown[]): Promise<T[]> {
  return (await pool.query<T>({ name, text, values })).rows;
}
