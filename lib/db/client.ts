import 'server-only';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.ts';
import { PrismaClient as PgPrismaClient } from './generated-pg/client.ts';
import { env } from '../env';
import { resolveSqliteFile, storeKind } from './url';
import { sqliteWriteGate } from './fast-sqlite';

/**
 * The Prisma client for `url`: SQLite for a file: URL, PostgreSQL for postgres:// or postgresql://. Both clients
 * are generated from the same models (prisma/postgres/schema.prisma is derived from prisma/schema.prisma), so
 * their model APIs are the same and the rest of lib/db only ever sees the SQLite client's type.
 */
export function createClient(url: string = env.DATABASE_URL): PrismaClient {
  if (storeKind(url) === 'postgres') {
    // Per process: DATABASE_POOL_SIZE connections at most; several servers share the database's max_connections.
    const adapter = new PrismaPg({
      connectionString: url,
      max: env.DATABASE_POOL_SIZE,
      connectionTimeoutMillis: 10_000,
      application_name: 'goalpost',
    });
    return new PgPrismaClient({ adapter }) as unknown as PrismaClient;
  }
  // timeout = SQLite busy timeout (ms): writers wait for the lock instead of failing with SQLITE_BUSY.
  const adapter = new PrismaBetterSQLite3({ url: `file:${resolveSqliteFile(url)}`, timeout: 5000 });
  return new PrismaClient({ adapter });
}

// One client per process; Next dev reloads modules, so the instance lives on globalThis.
const globalForDb = globalThis as unknown as { goalpostDb?: PrismaClient };

export const db: PrismaClient = globalForDb.goalpostDb ?? createClient();
if (env.NODE_ENV !== 'production') globalForDb.goalpostDb = db;

type TransactionFn<T> = (tx: Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]) => Promise<T>;

/**
 * Every interactive transaction goes through here. On SQLite it passes the write gate, so the raw answer path
 * (lib/db/fast-sqlite.ts) never commits in the middle of it.
 */
export function transaction<T>(fn: TransactionFn<T>, options?: { timeout?: number; maxWait?: number }): Promise<T> {
  const run = () => db.$transaction((tx) => fn(tx as never), options);
  return storeKind(env.DATABASE_URL) === 'sqlite' ? sqliteWriteGate(run) : run();
}
