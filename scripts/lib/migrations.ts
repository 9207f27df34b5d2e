import fs from 'node:fs';
import path from 'node:path';

export const MIGRATIONS_DIR = path.join('prisma', 'migrations');

/** Migration folders in the order they apply. Each holds migration.sql and the schema.prisma it produces. */
export function migrationFolders(): string[] {
  return fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export function latestMigration(): string | undefined {
  return migrationFolders().at(-1);
}
