import 'server-only';
import { pgFast } from './pg-fast';
import { RECORD_ANSWER_FUNCTION } from './pg-functions';
import type { AnswerPlan } from './answer-plan';
import type { StoredAttempt } from './attempts';

// The answer path on PostgreSQL: one call of the server-side function (lib/db/pg-functions.ts) as a named prepared
// statement (lib/db/pg-fast.ts), so an answer costs one round trip and no query planning after the first. Through
// Prisma's interactive transaction it cost about eight round trips (bench:load, issue 16).

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
  const pool = pgFast();
  if (!pool) throw new Error('recordAnswerPg needs a PostgreSQL DATABASE_URL.');
  const { rows } = await pool.query<Row>({ ...STATEMENT, values: [JSON.stringify(plan)] });
  const r = rows[0];
  if (!r) throw new Error('The answer function returned no row.');
  return {
    attempt: { id: r.id, itemId: r.itemId, correct: r.correct, firstAttempt: r.firstAttempt, createdAt: new Date(r.createdAt) },
    duplicate: r.duplicate,
  };
}
