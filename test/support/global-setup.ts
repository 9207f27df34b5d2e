import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../scripts/lib/migrate';
import { createDatabase, dropDatabases, uniqueDbName } from '../../scripts/lib/test-databases';

// Migrate one template database with the real migrations; each test file then works on its own copy. The store
// is SQLite, or PostgreSQL when TEST_DATABASE_URL is set (a server where its user may CREATE DATABASE).
export default async function setup(project: TestProject) {
  const admin = process.env.TEST_DATABASE_URL;
  if (admin) {
    const prefix = uniqueDbName('goalpost_test');
    const template = `${prefix}_template`;
    await migrate(await createDatabase(admin, template));
    project.provide('templateDb', { kind: 'postgres', name: template, prefix });
    return () => dropDatabases(admin, { prefix });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-test-'));
  const template = path.join(dir, 'template.db');
  await migrate(`file:${template}`);
  project.provide('templateDb', { kind: 'sqlite', file: template });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDb: { kind: 'sqlite'; file: string } | { kind: 'postgres'; name: string; prefix: string };
  }
}
