import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../scripts/lib/migrate';

describe('committed migrations', () => {
  it('create the whole schema on an empty file, in WAL mode with foreign keys enforced', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-mig-'));
    const file = path.join(dir, 'fresh.db');
    migrate(`file:${file}`);
    const sqlite = new Database(file);
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%'")
      .all()
      .map((r) => (r as { name: string }).name)
      .sort();
    const schema = fs.readFileSync('prisma/schema.prisma', 'utf8');
    const models = [...schema.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]).sort();
    expect(tables).toEqual(models);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    // An attempt for a user that does not exist violates the foreign key.
    expect(() =>
      sqlite
        .prepare(
          "INSERT INTO Attempt (id,userId,idempotencyKey,itemKind,itemId,response,correct,confident,firstAttempt,createdAt) VALUES ('a','ghost','k','quiz','q','[]',1,1,1,0)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
