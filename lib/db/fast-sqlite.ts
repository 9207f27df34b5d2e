import 'server-only';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { env } from '../env';
import { resolveSqliteFile, storeKind } from './url';

// The answer path on SQLite, without Prisma: storing an answer is the one write every learner makes many times a
// minute, and through Prisma's interactive transaction it cost ~8 queries and ~5 ms. Here it is one synchronous
// BEGIN IMMEDIATE … COMMIT of prepared statements on a second connection to the same file (tens of microseconds).
//
// Two connections, one process: this one never waits for a lock (busy_timeout 0; a busy database is retried after
// yielding to the event loop, so a Prisma transaction in flight can finish), and it never runs while one of
// Prisma's own transactions is open (see `sqliteWriteGate`), so Prisma never finds its snapshot overtaken.
//
// Durability: WAL with synchronous=NORMAL. A killed process loses nothing that was committed (the WAL is in the
// OS page cache); a power cut can lose the last moments of commits. bench:crash checks the first claim.

export interface FastSqlite {
  db: Database.Database;
  /** Statements prepared once. */
  stmt: <T extends Database.Statement>(sql: string) => T;
}

let handle: FastSqlite | null | undefined;

/** The raw connection, or null when the store is PostgreSQL (or an in-memory database that a second connection cannot share). */
export function fastSqlite(): FastSqlite | null {
  if (handle !== undefined) return handle;
  if (storeKind(env.DATABASE_URL) !== 'sqlite' || resolveSqliteFile(env.DATABASE_URL) === ':memory:') return (handle = null);
  const db = new Database(resolveSqliteFile(env.DATABASE_URL), { timeout: 0 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const cache = new Map<string, Database.Statement>();
  const stmt = <T extends Database.Statement>(sql: string): T => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = db.prepare(sql)));
    return s as T;
  };
  handle = { db, stmt };
  return handle;
}

export const fromSqliteTime = (s: string): Date => new Date(s);

/** A fresh primary key in the shape of Prisma's cuid(): 'c' + time + randomness, 25 characters. */
export function newId(): string {
  return `c${Date.now().toString(36).padStart(9, '0')}${randomBytes(10).toString('hex').slice(0, 15)}`;
}

function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

// ---- One gate between this connection's writes and Prisma's transactions ----

let openPrismaTransactions = 0;
const waiting: Array<() => void> = [];

/** Wrap every Prisma interactive transaction on SQLite in this (lib/db/client.ts `transaction`). */
export async function sqliteWriteGate<T>(fn: () => Promise<T>): Promise<T> {
  openPrismaTransactions++;
  try {
    return await fn();
  } finally {
    openPrismaTransactions--;
    if (openPrismaTransactions === 0) for (const w of waiting.splice(0)) w();
  }
}

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Runs `work` as one BEGIN IMMEDIATE transaction on the raw connection, after any open Prisma transaction. A busy
 * database (another process writing) is retried with a short backoff for up to `budgetMs`, then reported.
 */
export async function immediateWrite<T>(fast: FastSqlite, work: () => T, budgetMs = 5000): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    while (openPrismaTransactions > 0) await new Promise<void>((r) => waiting.push(r));
    try {
      return fast.db.transaction(work).immediate();
    } catch (e) {
      if (!isBusy(e) || Date.now() - started > budgetMs) throw e;
      await pause(Math.min(50, 1 + attempt * 2));
    }
  }
}
