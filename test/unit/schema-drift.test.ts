import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestMigration, migrationFolders, MIGRATIONS_DIR } from '../../scripts/lib/migrations';

describe('schema and migrations', () => {
  it('the latest migration was written from the current schema (run npm run db:new-migration -- <name> if not)', () => {
    const latest = latestMigration();
    expect(latest).toBeDefined();
    const snapshot = fs.readFileSync(path.join(MIGRATIONS_DIR, latest!, 'schema.prisma'), 'utf8');
    expect(snapshot).toBe(fs.readFileSync('prisma/schema.prisma', 'utf8'));
  });

  it('every migration folder has its SQL and schema snapshot', () => {
    for (const m of migrationFolders()) {
      expect(fs.existsSync(path.join(MIGRATIONS_DIR, m, 'migration.sql')), m).toBe(true);
      expect(fs.existsSync(path.join(MIGRATIONS_DIR, m, 'schema.prisma')), m).toBe(true);
    }
  });
});
