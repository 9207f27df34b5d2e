import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../scripts/lib/migrate';

// Migrate one template database with the real migrations; each test file then works on its own copy.
export default function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-test-'));
  const template = path.join(dir, 'template.db');
  migrate(`file:${template}`);
  project.provide('templateDb', template);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDb: string;
  }
}
