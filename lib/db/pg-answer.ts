import 'server-only';
import pg from 'pg';
import { env } from '../env';
import { RECORD_ANSWER_FUNCTION } from './pg-functions';
import type { AnswerPlan } from './answer-plan';
import type { StoredAttempt } from './attempts';

// The answer path on PostgreSQL: one call of the server-side function (lib/db/pg-functions.ts) as a named prepared
// statement on a small pool of its own, so an answer costs one round trip and no query planning after the first.
// Through Prisma's interactive transaction it cost about eight round trips (bench:load, issue 16).

const POOL = Symbol.for('goalpost.pg-answer-pool');
type Holder = { pool?: pg.Pool };
const holder: Holder = ((globalThis as Record<symbol, unknown>)[POOL] as Holder | undefined) ?? {};
(globalThis as Record<symbol, unknown>)[POOL] = holder;

function pool(): pg.Pool {
  if (!holder.pool) {
    holder.pool = new pg.Pool({
      connectionString: env.DATABASE_URL,
      max: env.DATABASE_POOL_SIZE,
      connectionTimeoutMillis: 10_000,
      application_name: 'goalpost-answers',
    });
    // An idle connection that the server ends (a restart, an administrator) must not take the process down: the
    // pool drops it and opens a new one for the next answer.
    holder.pool.on('error', (e) => console.error(`PostgreSQL closed an idle answer connection: ${e.message}`));
  }
  return holder.pool;
}

const STATEMENT = { name: 'goalpost_record_answer', text: `SELECT * FROM ${RECORD_ANSWER_FUNCTION}($1::jsonb)` };

interface Row {
  id: string;
  itemId: string;
  correct: boolean;
  firstAttempt: boolean;
  createdAt: string;
  duplicate: boolean;
}

export async function recordAnswerPg(plan: AnswerPlan): Promise<{ attempt: StoredAttempt; duplicate: boolean }> {
  const { rows } = await pool().query<Row>({ ...STATEMENT, values: [JSON.stringify(plan)] });
  const r = rows[0];
  if (!r) throw new Error('The answer function returned no row.');
  return {
    attempt: { id: r.id, itemId: r.itemId, correct: r.correct, firstAttempt: r.firstAttempt, createdAt: new Date(r.createdAt) },
    duplicate: r.duplicate,
  };
}
