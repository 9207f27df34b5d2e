import fs from 'node:fs';
import path from 'node:path';

// prisma/schema.prisma is the one source of truth. The PostgreSQL schema is derived from it: the same models, only
// the datasource provider and the generated client's folder differ. Nobody edits the derived file by hand; a unit
// test fails when it is stale (test/unit/schema-drift.test.ts).

export const SQLITE_SCHEMA = path.join('prisma', 'schema.prisma');
export const POSTGRES_SCHEMA = path.join('prisma', 'postgres', 'schema.prisma');

const HEADER =
  '// GENERATED from prisma/schema.prisma by scripts/gen-postgres-schema.ts (npm run db:generate). Do not edit:\n' +
  "// change prisma/schema.prisma, then npm run db:new-migration -- <name> writes both stores' migrations.\n\n";

// Never used to connect: the client and the migration runner both connect to DATABASE_URL through the pg driver.
// Prisma only needs a syntactically valid URL for the provider.
const PLACEHOLDER_URL = 'postgresql://localhost:5432/goalpost';

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  const matches = text.match(new RegExp(pattern.source, 'gm'));
  if (matches?.length !== 1) throw new Error(`Cannot derive the PostgreSQL schema: expected exactly one ${what} in prisma/schema.prisma.`);
  return text.replace(new RegExp(pattern.source, 'm'), replacement);
}

/** The PostgreSQL twin of an SQLite schema (the current one or a migration's snapshot). Pure. */
export function derivePostgresSchema(sqlite: string): string {
  let s = replaceOnce(sqlite, /^(\s*provider\s*=\s*)"sqlite"/, '$1"postgresql"', 'provider = "sqlite" line');
  s = replaceOnce(s, /^(\s*url\s*=\s*)"file:[^"]*"/, `$1"${PLACEHOLDER_URL}"`, 'url = "file:…" line');
  s = replaceOnce(
    s,
    /^(\s*output\s*=\s*)"\.\.\/lib\/db\/generated"/,
    '$1"../../lib/db/generated-pg"',
    'output = "../lib/db/generated" line',
  );
  return HEADER + s;
}

/** Writes prisma/postgres/schema.prisma from prisma/schema.prisma. Returns true if the file changed. */
export function writePostgresSchema(): boolean {
  const next = derivePostgresSchema(fs.readFileSync(SQLITE_SCHEMA, 'utf8'));
  const prev = fs.existsSync(POSTGRES_SCHEMA) ? fs.readFileSync(POSTGRES_SCHEMA, 'utf8') : null;
  if (prev === next) return false;
  fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  fs.writeFileSync(POSTGRES_SCHEMA, next);
  return true;
}
