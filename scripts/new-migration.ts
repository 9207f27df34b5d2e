// Writes a new migration for both stores: the SQL that takes the schema of the latest migration (its schema.prisma
// snapshot) to the current prisma/schema.prisma, once for SQLite (prisma/migrations) and once for PostgreSQL
// (prisma/postgres/migrations, same folder name, from the derived schema). `prisma migrate dev` and
// `migrate diff --from-migrations` cannot run offline through the driver adapter, but diffing two schema files can.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from './lib/run';
import { latestMigration, migrationFolders, MIGRATIONS_DIR, PG_MIGRATIONS_DIR, schemaDiff } from './lib/migrations';
import { derivePostgresSchema, POSTGRES_SCHEMA, SQLITE_SCHEMA, writePostgresSchema } from './lib/postgres-schema';

const name = (process.argv[2] ?? '')
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, '_')
  .replace(/^_|_$/g, '');
if (!name) {
  console.error('Usage: npm run db:new-migration -- <name>   (e.g. add_review_settings)');
  process.exit(2);
}

/** The SQL from one schema file (or nothing) to another; '' when they match. */
function diff(from: string | undefined, to: string): string {
  const sql = schemaDiff(from, to);
  return /\b(CREATE|ALTER|DROP|INSERT)\b/.test(sql) ? sql : '';
}

function writeMigration(dir: string, sql: string, schema: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
  fs.writeFileSync(path.join(dir, 'schema.prisma'), schema);
}

if (writePostgresSchema()) console.log(`Updated ${POSTGRES_SCHEMA} from ${SQLITE_SCHEMA}.`);

// Any SQLite migration without its PostgreSQL twin (one written before PostgreSQL support, or by hand) gets one,
// generated from the SQLite migration's own snapshot, so both lists always have the same names.
let previous: string | undefined;
for (const m of migrationFolders()) {
  const pgDir = path.join(PG_MIGRATIONS_DIR, m);
  if (!fs.existsSync(pgDir)) {
    const snapshot = derivePostgresSchema(fs.readFileSync(path.join(MIGRATIONS_DIR, m, 'schema.prisma'), 'utf8'));
    const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-pg-')), 'schema.prisma');
    fs.writeFileSync(tmp, snapshot);
    writeMigration(pgDir, diff(previous && path.join(PG_MIGRATIONS_DIR, previous, 'schema.prisma'), tmp), snapshot);
    fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
    console.log(`Wrote the missing PostgreSQL twin ${pgDir}/migration.sql.`);
  }
  previous = m;
}

const latest = latestMigration();
const sqliteSql = diff(latest && path.join(MIGRATIONS_DIR, latest, 'schema.prisma'), SQLITE_SCHEMA);
if (!sqliteSql) {
  console.log('prisma/schema.prisma matches the latest migration; nothing to write.');
  process.exit(0);
}
const pgSql = diff(latest && path.join(PG_MIGRATIONS_DIR, latest, 'schema.prisma'), POSTGRES_SCHEMA);
const folder = `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${name}`;
writeMigration(path.join(MIGRATIONS_DIR, folder), sqliteSql, fs.readFileSync(SQLITE_SCHEMA, 'utf8'));
writeMigration(path.join(PG_MIGRATIONS_DIR, folder), pgSql, fs.readFileSync(POSTGRES_SCHEMA, 'utf8'));
// Both clients follow the new models right away.
run('npm', ['run', '--silent', 'db:generate']);
console.log(
  `Wrote ${MIGRATIONS_DIR}/${folder}/migration.sql (SQLite) and ${PG_MIGRATIONS_DIR}/${folder}/migration.sql (PostgreSQL),\n` +
    'each with a snapshot of its schema beside it, and regenerated both clients. Review both SQL files, then run npm run db:migrate.',
);
