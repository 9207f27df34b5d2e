import fs from 'node:fs';
import path from 'node:path';
import { bin, runQuiet } from './run';

export const MIGRATIONS_DIR = path.join('prisma', 'migrations');
/** The PostgreSQL twins of MIGRATIONS_DIR's folders: same names, SQL and snapshot generated from the same schema. */
export const PG_MIGRATIONS_DIR = path.join('prisma', 'postgres', 'migrations');

/** Migration folders in the order they apply. Each holds migration.sql and the schema.prisma it produces. */
export function migrationFolders(dir = MIGRATIONS_DIR): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export function latestMigration(dir = MIGRATIONS_DIR): string | undefined {
  return migrationFolders(dir).at(-1);
}

/**
 * `prisma migrate diff` between two schema files (or from nothing, `from` undefined), as SQL for the provider of
 * `to`. No database is involved, but the CLI still opens prisma.config.ts's SQLite adapter, so it gets an
 * in-memory one whatever DATABASE_URL says (a postgres:// URL there would make the CLI fail).
 */
export function schemaDiff(from: string | undefined, to: string): string {
  const fromArgs = from ? ['--from-schema-datamodel', from] : ['--from-empty'];
  return runQuiet(bin('prisma'), ['migrate', 'diff', ...fromArgs, '--to-schema-datamodel', to, '--script'], {
    env: { ...process.env, DATABASE_URL: 'file::memory:' },
  });
}
