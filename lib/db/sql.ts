import 'server-only';
import { Prisma } from './generated/client.ts';
import { storeKind } from './url';
import { env } from '../env';

// The few raw-SQL spots (aggregations Prisma cannot express) go through these, so they run on SQLite and PostgreSQL.
const kind = storeKind(env.DATABASE_URL);

/**
 * The UTC calendar day (YYYY-MM-DD) of a timestamp column. Prisma stores UTC in PostgreSQL's `timestamp(3)`
 * (without time zone), so the stored value is already the UTC wall clock: `AT TIME ZONE` would shift it by the
 * session's TimeZone.
 */
export function dayOf(column: string): Prisma.Sql {
  const col = Prisma.raw(`"${column.replace(/"/g, '')}"`);
  return kind === 'postgres' ? Prisma.sql`to_char(${col}, 'YYYY-MM-DD')` : Prisma.sql`substr(${col}, 1, 10)`;
}

/** SQLite's stored form of a DateTime (what Prisma's adapter writes): ISO 8601 with a +00:00 offset. */
export const sqliteTime = (d: Date): string => d.toISOString().replace('Z', '+00:00');

/** A timestamp parameter comparable with stored values. */
export function ts(d: Date): Date | string {
  return kind === 'postgres' ? d : sqliteTime(d);
}

/** Counts come back as bigint on some drivers. */
export const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : Number(v ?? 0));

/**
 * Serializes one learner's answer writes inside a transaction. SQLite already runs one write transaction at a time;
 * PostgreSQL runs them side by side, so two answers to the same item could both see "no earlier attempt" and both
 * count as the first. Locking the learner's row makes the second wait and then see the first.
 */
export async function lockLearner(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  if (kind === 'postgres') await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
}
