// Writes a new migration from the difference between the schema the committed migrations build and
// prisma/schema.prisma. (`prisma migrate dev` cannot run offline through the driver adapter.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from './lib/migrate';
import { bin, runQuiet } from './lib/run';

const name = (process.argv[2] ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
if (!name) {
  console.error('Usage: npm run db:new-migration -- <name>   (e.g. add_review_settings)');
  process.exit(2);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-migrate-'));
const url = `file:${path.join(tmp, 'current.db')}`;
migrate(url); // the schema as the committed migrations leave it
const sql = runQuiet(bin('prisma'), ['migrate', 'diff', '--from-url', url, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'], {
  env: { ...process.env, DATABASE_URL: url },
});
fs.rmSync(tmp, { recursive: true, force: true });
if (!/\b(CREATE|ALTER|DROP|INSERT)\b/.test(sql)) {
  console.log('The schema matches the migrations; nothing to write.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join('prisma', 'migrations', `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
console.log(`Wrote ${dir}/migration.sql. Review it, then run npm run db:migrate.`);
