import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, inject } from 'vitest';
import { createDatabase, TEST_TIME_ZONE, uniqueDbName } from '../../scripts/lib/test-databases';

// Each test file (its own process) gets a private copy of the migrated template database, set before any
// app module reads DATABASE_URL: a copied SQLite file, or on PostgreSQL a database created from the template
// (the global setup drops them all at the end).
const template = inject('templateDb');
if (template?.kind === 'sqlite') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-file-'));
  const file = path.join(dir, 'test.db');
  fs.copyFileSync(template.file, file);
  for (const ext of ['-wal', '-shm']) if (fs.existsSync(template.file + ext)) fs.copyFileSync(template.file + ext, file + ext);
  process.env.DATABASE_URL = `file:${file}`;
} else if (template?.kind === 'postgres') {
  process.env.DATABASE_URL = await createDatabase(process.env.TEST_DATABASE_URL!, uniqueDbName(template.prefix), template.name, TEST_TIME_ZONE);
}
process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-123456';

// Component tests opt into jsdom with a `// @vitest-environment jsdom` docblock; clean up their DOM between tests.
afterEach(async () => {
  if (typeof document !== 'undefined') {
    const { cleanup } = await import('@testing-library/react');
    cleanup();
  }
});
