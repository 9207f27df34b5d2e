import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { redactUrl, resolveSqliteFile, storeKind } from '../../lib/db/url';
import { PG_FUNCTIONS_SQL } from '../../lib/db/pg-functions';
import { migrationFolders, PG_MIGRATIONS_DIR } from './migrations';
import { bin, runQuiet } from './run';

/** Names of migrations not yet recorded as applied in an existing SQLite file (all of them for a new file). */
function pendingSqliteMigrations(file: string): string[] {
  const all = migrationFolders();
  if (!fs.existsSync(file)) return all;
  const sqlite = new Database(file, { readonly: true });
  try {
    const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='_prisma_migrations'").get();
    if (!table) return all;
    const done = new Set(
      (
        sqlite.prepare('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL').all() as {
          migration_name: string;
        }[]
      ).map((r) => r.migration_name),
    );
    return all.filter((m) => !done.has(m));
  } finally {
    sqlite.close();
  }
}

/**
 * Applies the committed migrations to the database at `url`: prisma/migrations with `prisma migrate deploy` for
 * SQLite (then WAL, so readers never block the writer), prisma/postgres/migrations with our own runner for
 * PostgreSQL. The SQLite path finishes before the returned promise is first awaited.
 */
export async function migrate(url: string): Promise<void> {
  if (storeKind(url) === 'postgres') {
    const { unknown } = await migratePostgres(url);
    if (unknown.length)
      console.warn(`The database has migrations this checkout does not know (${unknown.join(', ')}): a newer release applied them.`);
    return;
  }
  const file = resolveSqliteFile(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Nothing pending (every start after the first): skip the schema engine entirely.
  if (pendingSqliteMigrations(file).length > 0) {
    try {
      runQuiet(bin('prisma'), ['migrate', 'deploy'], { env: { ...process.env, DATABASE_URL: url } });
    } catch (e) {
      const text = (e as Error).message;
      if (/SocketTimeout|database is locked|SQLITE_BUSY/i.test(text)) {
        throw new Error(
          `The database ${file} is locked, so its migrations could not be applied. Is another Goalpost server using it? Stop it and run this again.`,
        );
      }
      throw e;
    }
  }
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
  } finally {
    sqlite.close();
  }
}

/** Where the PostgreSQL runner records what it applied. Not a Prisma table: `prisma migrate` never touches it. */
export const PG_MIGRATIONS_TABLE = '_goalpost_migrations';
// pg_advisory_lock key: any constant shared by every server of this app ("goalpost" in ASCII).
const LOCK_KEY = '7453283026692174708';

/** sha256 of a migration's SQL, ignoring line-ending style so a Windows checkout does not look edited. */
function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

export interface PgMigrationResult {
  applied: string[];
  /** Recorded in the database but not in this checkout: a newer release migrated it. Old code keeps running. */
  unknown: string[];
}

/**
 * PostgreSQL migrations, offline. Prisma 6.19's `migrate deploy` cannot run through @prisma/adapter-pg (it fails
 * reading the catalog: "Column type 'name' could not be deserialized") and its native engine is a download, so:
 * one connection holds an advisory lock (servers starting together migrate one at a time; the others wait, then
 * find nothing to do), and each pending migration's SQL runs in its own transaction together with the row that
 * records it, so a failed migration leaves no trace and the next start retries it. An applied migration whose
 * file has changed stops everything: history must not be rewritten.
 */
export async function migratePostgres(url: string, options: { dir?: string; only?: string[] } = {}): Promise<PgMigrationResult> {
  const dir = options.dir ?? PG_MIGRATIONS_DIR;
  const local = migrationFolders(dir).filter((m) => !options.only || options.only.includes(m));
  const client = new pg.Client({ connectionString: url, application_name: 'goalpost-migrate', connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query('SELECT pg_advisory_lock($1::bigint)', [LOCK_KEY]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${PG_MIGRATIONS_TABLE}" (
         "name" TEXT PRIMARY KEY,
         "checksum" TEXT NOT NULL,
         "applied_at" TIMESTAMPTZ NOT NULL DEFAULT now()
       )`,
    );
  } catch (e) {
    await client.end().catch(() => undefined);
    const code = (e as { code?: string }).code;
    const hint =
      code === '42501'
        ? ' The user in DATABASE_URL must be allowed to create tables: on PostgreSQL 15 and later, make it the owner of the database (CREATE DATABASE goalpost OWNER goalpost).'
        : code === '3D000'
          ? ' Create the database first (createdb, or CREATE DATABASE).'
          : '';
    throw new Error(`Cannot migrate ${redactUrl(url)}: ${e instanceof Error ? e.message : String(e)}.${hint}`);
  }
  try {
    const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT "name", "checksum" FROM "${PG_MIGRATIONS_TABLE}"`);
    const recorded = new Map(rows.map((r) => [r.name, r.checksum]));
    const sqlOf = (m: string) => fs.readFileSync(path.join(dir, m, 'migration.sql'), 'utf8');

    for (const m of local) {
      const was = recorded.get(m);
      if (was !== undefined && was !== migrationChecksum(sqlOf(m))) {
        throw new Error(
          `Migration ${m} was changed after it was applied to this database (checksum differs). ` +
            'Restore its migration.sql and write the change as a new migration (npm run db:new-migration -- <name>).',
        );
      }
    }

    const applied: string[] = [];
    for (const m of local) {
      if (recorded.has(m)) continue;
      const sql = sqlOf(m);
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query(`INSERT INTO "${PG_MIGRATIONS_TABLE}" ("name", "checksum") VALUES ($1, $2)`, [m, migrationChecksum(sql)]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${m} failed and was rolled back: ${e instanceof Error ? e.message : String(e)}`);
      }
      applied.push(m);
    }
    // The functions the app calls, in the version this checkout expects (lib/db/pg-functions.ts).
    if (!options.only) await client.query(PG_FUNCTIONS_SQL);
    const known = new Set(migrationFolders(dir));
    return { applied, unknown: [...recorded.keys()].filter((m) => !known.has(m)).sort() };
  } finally {
    // Ending the session releases the advisory lock too.
    await client.end();
  }
}
