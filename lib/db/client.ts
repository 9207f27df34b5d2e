import 'server-only';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from './generated/client.ts';
import { env } from '../env';
import { resolveSqliteFile, storeKind } from './url';

export type Db = PrismaClient;

export function createClient(url: string = env.DATABASE_URL): PrismaClient {
  if (storeKind(url) === 'postgres') {
    throw new Error('PostgreSQL support is not built yet; use a file: DATABASE_URL.');
  }
  // timeout = SQLite busy timeout (ms): writers wait for the lock instead of failing with SQLITE_BUSY.
  const adapter = new PrismaBetterSQLite3({ url: `file:${resolveSqliteFile(url)}`, timeout: 5000 });
  return new PrismaClient({ adapter });
}

// One client per process; Next dev reloads modules, so the instance lives on globalThis.
const globalForDb = globalThis as unknown as { goalpostDb?: PrismaClient };

export const db: PrismaClient = globalForDb.goalpostDb ?? createClient();
if (env.NODE_ENV !== 'production') globalForDb.goalpostDb = db;
