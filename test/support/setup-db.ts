import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, inject } from 'vitest';
import { createDatabase, dropDatabases, TEST_TIME_ZONE, uniqueDbName } from '../../scripts/lib/test-databases';

// Each integration test file (its own process) gets a private copy of the migrated template database, set before any
// app module reads DATABASE_URL: a copied SQLite file, or on PostgreSQL a database created from the template. It is
// removed when the file's tests end (the global setup also drops any PostgreSQL copy left by a killed run).
const template = inject('templateDb');
if (template?.kind === 'sqlite') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-file-'));
  const file = path.join(dir, 'test.db');
  fs.copyFileSync(template.file, file);
  for (const ext of ['-wal', '-shm']) if (fs.existsSync(template.file + ext)) fs.copyFileSync(template.file + ext, file + ext);
  process.env.DATABASE_URL = `file:${file}`;
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
} else if (template?.kind === 'postgres') {
  const name = uniqueDbName(template.prefix);
  process.env.DATABASE_URL = await createDatabase(process.env.TEST_DATABASE_URL!, name, template.name, TEST_TIME_ZONE);
  afterAll(() => dropDatabases(process.env.TEST_DATABASE_URL!, { names: [name] }));
}
