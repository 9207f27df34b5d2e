import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { migrate, migratePostgres, PG_MIGRATIONS_TABLE } from '../../scripts/lib/migrate';
import { migrationFolders, PG_MIGRATIONS_DIR, schemaDiff } from '../../scripts/lib/migrations';
import { POSTGRES_SCHEMA } from '../../scripts/lib/postgres-schema';
import { createDatabase, dropDatabases, uniqueDbName } from '../../scripts/lib/test-databases';

const models = () => [...fs.readFileSync('prisma/schema.prisma', 'utf8').matchAll(/^model (\w+) \{/gm)].map((m) => m[1]!).sort();

describe('committed migrations', () => {
  it('create the whole schema on an empty file, in WAL mode with foreign keys enforced', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-mig-'));
    const file = path.join(dir, 'fresh.db');
    await migrate(`file:${file}`);
    const sqlite = new Database(file);
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%'")
      .all()
      .map((r) => (r as { name: string }).name)
      .sort();
    expect(tables).toEqual(models());
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    // An attempt for a user that does not exist violates the foreign key.
    expect(() =>
      sqlite
        .prepare(
          "INSERT INTO Attempt (id,userId,idempotencyKey,itemKind,itemId,response,correct,confident,firstAttempt,createdAt) VALUES ('a','ghost','k','quiz','q','[]',1,1,1,0)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

// Runs in the PostgreSQL pass of npm test (TEST_DATABASE_URL set); each test makes its own databases.
describe.skipIf(!process.env.TEST_DATABASE_URL)('committed PostgreSQL migrations (our runner)', () => {
  const admin = process.env.TEST_DATABASE_URL!;
  const provided = inject('templateDb');
  const prefix = provided?.kind === 'postgres' ? provided.prefix : uniqueDbName('goalpost_migtest');
  const folders = migrationFolders(PG_MIGRATIONS_DIR);
  afterAll(() => (provided?.kind === 'postgres' ? undefined : dropDatabases(admin, { prefix })));

  async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query<T>(sql, params)).rows;
    } finally {
      await c.end();
    }
  }

  /** Tables, columns, indexes and constraints of the public schema, as comparable text (bookkeeping excluded). */
  async function catalog(url: string): Promise<string[]> {
    const rows = await query<{ line: string }>(
      url,
      `SELECT format('column %s.%s %s null=%s default=%s', table_name, column_name, format_type(a.atttypid, a.atttypmod), is_nullable, column_default) AS line
         FROM information_schema.columns c
         JOIN pg_attribute a ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND a.attname = c.column_name
        WHERE table_schema = 'public' AND table_name <> $1
       UNION ALL
       SELECT format('index %s', indexdef) FROM pg_indexes WHERE schemaname = 'public' AND tablename <> $1
       UNION ALL
       SELECT format('constraint %s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
         FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid NOT IN (SELECT oid FROM pg_class WHERE relname = $1)`,
      [PG_MIGRATIONS_TABLE],
    );
    return rows.map((r) => r.line).sort();
  }

  it('create the whole schema on an empty database, record each migration once, and a second run does nothing', async () => {
    const url = await createDatabase(admin, uniqueDbName(prefix));
    const first = await migratePostgres(url);
    expect(first.applied).toEqual(folders);
    const tables = await query<{ tablename: string }>(
      url,
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    expect(
      tables
        .map((t) => t.tablename)
        .filter((t) => t !== PG_MIGRATIONS_TABLE)
        .sort(),
    ).toEqual(models());
    const recorded = await query<{ name: string }>(url, `SELECT "name" FROM "${PG_MIGRATIONS_TABLE}" ORDER BY "name"`);
    expect(recorded.map((r) => r.name)).toEqual(folders);
    expect((await migratePostgres(url)).applied).toEqual([]);
    // Foreign keys hold, as on SQLite.
    await expect(
      query(
        url,
        `INSERT INTO "Attempt" ("id","userId","idempotencyKey","itemKind","itemId","response","correct","confident","firstAttempt") VALUES ('a','ghost','k','quiz','q','[]',true,true,true)`,
      ),
    ).rejects.toThrow(/foreign key/);
  });

  it('bring a database at the previous version up to date, with its data', async () => {
    expect(folders.length).toBeGreaterThan(1);
    const url = await createDatabase(admin, uniqueDbName(prefix));
    const previous = folders.slice(0, -1);
    expect((await migratePostgres(url, { only: previous })).applied).toEqual(previous);
    await query(url, `INSERT INTO "User" ("id","email","updatedAt") VALUES ('u1','kept@example.com', now())`);
    expect((await migratePostgres(url)).applied).toEqual(folders.slice(-1));
    expect(await query(url, `SELECT "email" FROM "User"`)).toEqual([{ email: 'kept@example.com' }]);
  });

  it('end at exactly the schema prisma/postgres/schema.prisma describes (the migrations cannot drift from the models)', async () => {
    const migrated = await createDatabase(admin, uniqueDbName(prefix));
    await migratePostgres(migrated);
    const direct = await createDatabase(admin, uniqueDbName(prefix));
    const sql = schemaDiff(undefined, POSTGRES_SCHEMA);
    await query(direct, sql);
    const [a, b] = [await catalog(migrated), await catalog(direct)];
    expect(a.length).toBeGreaterThan(50);
    expect(a).toEqual(b);
  });

  it('let only one of several servers starting at once apply them', async () => {
    const url = await createDatabase(admin, uniqueDbName(prefix));
    const runs = await Promise.all([migratePostgres(url), migratePostgres(url), migratePostgres(url)]);
    expect(runs.map((r) => r.applied.length).sort()).toEqual([0, 0, folders.length]);
  });

  it('refuse to run when an applied migration was edited afterwards', async () => {
    const url = await createDatabase(admin, uniqueDbName(prefix));
    await migratePostgres(url);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-edited-'));
    fs.cpSync(PG_MIGRATIONS_DIR, dir, { recursive: true });
    const first = path.join(dir, folders[0]!, 'migration.sql');
    fs.appendFileSync(first, '\n-- edited after the fact\n');
    await expect(migratePostgres(url, { dir })).rejects.toThrow(new RegExp(`Migration ${folders[0]} was changed after it was applied`));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
