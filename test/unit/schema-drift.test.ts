import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestMigration, migrationFolders, MIGRATIONS_DIR, PG_MIGRATIONS_DIR } from '../../scripts/lib/migrations';
import { derivePostgresSchema, POSTGRES_SCHEMA, SQLITE_SCHEMA } from '../../scripts/lib/postgres-schema';

const read = (...p: string[]) => fs.readFileSync(path.join(...p), 'utf8');

describe('schema and migrations', () => {
  it('the latest migration was written from the current schema (run npm run db:new-migration -- <name> if not)', () => {
    const latest = latestMigration();
    expect(latest).toBeDefined();
    expect(read(MIGRATIONS_DIR, latest!, 'schema.prisma')).toBe(read(SQLITE_SCHEMA));
  });

  it('every migration folder has its SQL and schema snapshot, for both stores', () => {
    for (const dir of [MIGRATIONS_DIR, PG_MIGRATIONS_DIR]) {
      for (const m of migrationFolders(dir)) {
        expect(fs.existsSync(path.join(dir, m, 'migration.sql')), `${dir}/${m}`).toBe(true);
        expect(fs.existsSync(path.join(dir, m, 'schema.prisma')), `${dir}/${m}`).toBe(true);
      }
    }
  });
});

// One source of truth: everything PostgreSQL is generated from prisma/schema.prisma and its migration snapshots.
// The fix for any failure here is `npm run db:new-migration -- <name>` (or `npm run db:generate`), never an edit.
describe('the PostgreSQL schema and migrations follow the SQLite ones', () => {
  it('prisma/postgres/schema.prisma is what the generator derives from prisma/schema.prisma now', () => {
    expect(read(POSTGRES_SCHEMA)).toBe(derivePostgresSchema(read(SQLITE_SCHEMA)));
  });

  it('the derivation changes only the provider, its URL and the generated client folder', () => {
    const sqlite = read(SQLITE_SCHEMA).split('\n');
    const postgres = read(POSTGRES_SCHEMA).split('\n');
    const body = postgres.slice(postgres.length - sqlite.length);
    const changed = body.filter((line, i) => line !== sqlite[i]).map((l) => l.trim().split(/\s*=\s*/)[0]);
    expect(changed).toEqual(['output', 'provider', 'url']);
  });

  it('both stores have the same migrations, by name', () => {
    expect(migrationFolders(PG_MIGRATIONS_DIR)).toEqual(migrationFolders(MIGRATIONS_DIR));
  });

  it("each PostgreSQL migration's snapshot is the schema derived from the SQLite snapshot of the same step", () => {
    for (const m of migrationFolders(MIGRATIONS_DIR)) {
      expect(read(PG_MIGRATIONS_DIR, m, 'schema.prisma'), m).toBe(derivePostgresSchema(read(MIGRATIONS_DIR, m, 'schema.prisma')));
    }
  });
});
