// Writes a new migration: the SQL that takes the schema of the latest migration (its schema.prisma snapshot) to
// the current prisma/schema.prisma. `prisma migrate dev` and `migrate diff --from-migrations` cannot run offline
// through the driver adapter, but diffing two schema files can.
import fs from 'node:fs';
import path from 'node:path';
import { bin, runQuiet } from './lib/run';
import { latestMigration, MIGRATIONS_DIR } from './lib/migrations';

const name = (process.argv[2] ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
if (!name) {
  console.error('Usage: npm run db:new-migration -- <name>   (e.g. add_review_settings)');
  process.exit(2);
}
const latest = latestMigration();
const from = latest ? ['--from-schema-datamodel', path.join(MIGRATIONS_DIR, latest, 'schema.prisma')] : ['--from-empty'];
const sql = runQuiet(bin('prisma'), ['migrate', 'diff', ...from, '--to-schema-datamodel', 'prisma/schema.prisma', '--script']);
if (!/\b(CREATE|ALTER|DROP|INSERT)\b/.test(sql)) {
  console.log('prisma/schema.prisma matches the latest migration; nothing to write.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
fs.copyFileSync('prisma/schema.prisma', path.join(dir, 'schema.prisma'));
console.log(`Wrote ${dir}/migration.sql (and a snapshot of the schema beside it).\nReview the SQL, then run npm run db:migrate.`);
