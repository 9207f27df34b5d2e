import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { resolveSqliteFile, storeKind } from '../../lib/db/url';
import { bin, runQuiet } from './run';

/**
 * Applies prisma/migrations to the database at `url` with `prisma migrate deploy` (the supported offline path
 * for SQLite through the driver adapter), then switches the file to WAL so readers never block the writer.
 */
export function migrate(url: string): void {
  if (storeKind(url) !== 'sqlite') throw new Error('Only SQLite migrations are supported so far.');
  const file = resolveSqliteFile(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  runQuiet(bin('prisma'), ['migrate', 'deploy'], { env: { ...process.env, DATABASE_URL: url } });
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
  } finally {
    sqlite.close();
  }
}
