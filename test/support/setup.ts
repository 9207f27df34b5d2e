import '@testing-library/jest-dom/vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, inject } from 'vitest';

// Each test file (its own process) gets a private copy of the migrated template database, set before any
// app module reads DATABASE_URL.
const template = inject('templateDb');
if (template) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-file-'));
  const file = path.join(dir, 'test.db');
  fs.copyFileSync(template, file);
  for (const ext of ['-wal', '-shm']) if (fs.existsSync(template + ext)) fs.copyFileSync(template + ext, file + ext);
  process.env.DATABASE_URL = `file:${file}`;
  process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-123456';
}

// Component tests opt into jsdom with a `// @vitest-environment jsdom` docblock; clean up their DOM between tests.
afterEach(async () => {
  if (typeof document !== 'undefined') {
    const { cleanup } = await import('@testing-library/react');
    cleanup();
  }
});
