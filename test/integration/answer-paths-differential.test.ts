import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordAttempt, type NewAttempt } from '../../lib/db/attempts';
import { createUser } from '../../lib/db/users';
import { db } from '../../lib/db/client';
import { storeKind } from '../../lib/db/url';

// Issue 16: every path that stores an answer writes the same rows. On SQLite the store's own path is the raw
// prepared-statement transaction, on PostgreSQL the server-side function; both run here next to the Prisma path, on
// one script of answers that exercises every rule of lib/db/answer-plan.ts, and every column of every row they write
// is compared: with each other, and with one expected dump (test/fixtures/answer-path-rows.json) that both stores
// must match, so SQLite and PostgreSQL agree too. The columns come from prisma/schema.prisma, so a new column is
// compared without anyone adding it here.

const TABLES = { Attempt: 'attempt', StudyDay: 'studyDay', ReviewCard: 'reviewCard', ReviewLog: 'reviewLog' } as const;
type Model = keyof typeof TABLES;

/** The scalar fields (columns) of a model in prisma/schema.prisma: name and type. */
function columnsOf(model: Model): { name: string; type: string }[] {
  const schema = fs.readFileSync(path.join(process.cwd(), 'prisma/schema.prisma'), 'utf8');
  const body = new RegExp(`^model ${model} \\{([\\s\\S]*?)^\\}`, 'm').exec(schema)?.[1];
  if (!body) throw new Error(`No model ${model} in prisma/schema.prisma`);
  const out: { name: string; type: string }[] = [];
  for (const line of body.split('\n')) {
    const m = /^\s+(\w+)\s+(String|Int|Float|Boolean|DateTime|Json|BigInt|Decimal|Bytes)\??(\s|$)/.exec(line);
    if (m) out.push({ name: m[1]!, type: m[2]! });
  }
  return out;
}

const T0 = Date.parse('2026-03-09T23:59:59.250Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const base = (key: string, itemId: string, minutes: number, extra: Partial<NewAttempt> = {}): NewAttempt => ({
  idempotencyKey: key,
  itemKind: 'quiz',
  itemId,
  chapter: 'introduction',
  response: { selected: [1, 2] },
  correct: true,
  confident: true,
  durationMs: 4321,
  createdAt: at(minutes),
  schedule: { concept: 'goal misgeneralization', retention: 0.9 },
  ...extra,
});

/** One learner's answers, covering each rule: duplicates, first and later attempts, merges, days, classes, cards. */
const SCRIPT: NewAttempt[] = [
  base('k1', 'intro-q1', 0),
  base('k1', 'intro-q1', 1, { correct: false }), // the same key again: nothing new
  base('k2', 'intro-q1', 2, { correct: false, confident: false, durationMs: null }), // not the first attempt
  base('k3', 'intro-q2', 3, { merged: true, correct: false }), // merged: never first, but makes the card
  base('k4', 'intro-q2', 4), // the first signed-in answer after a merge is first; the card exists
  base('k5', 'scn-1', 5, { itemKind: 'scenario', chapter: null, response: { label: 'GMG' }, schedule: undefined }), // no schedule
  base('k6', 'intro-q3', 6, { classId: 'class-x', confident: false, correct: false, schedule: { concept: null, retention: 0.85 } }),
  base('k7', 'intro-q1', 60 * 24 + 3), // another UTC day
];

async function runScript(userId: string, via: 'store' | 'prisma', prefix: string) {
  let n = 0;
  const ids = () => `${prefix}${String(++n).padStart(3, '0')}`;
  const results = [];
  for (const a of SCRIPT) results.push(await recordAttempt(userId, a, { ids, ...(via === 'prisma' ? { via } : {}) }));
  return results.map((r) => ({ duplicate: r.duplicate, id: r.attempt.id.slice(prefix.length), first: r.attempt.firstAttempt }));
}

/** Every row the learner has in the four tables, every schema column, ids and the user made path-independent. */
async function dump(userId: string, prefix: string) {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const model of Object.keys(TABLES) as Model[]) {
    const columns = columnsOf(model);
    const delegate = db[TABLES[model]] as unknown as { findMany: (q: object) => Promise<Record<string, unknown>[]> };
    const rows = await delegate.findMany({ where: { userId } });
    out[model] = rows
      .map((row) => {
        // Prisma returns every scalar column; one the schema list lacks (or vice versa) fails here.
        expect(Object.keys(row).sort(), model).toEqual(columns.map((c) => c.name).sort());
        const norm: Record<string, unknown> = {};
        for (const { name, type } of columns) {
          const v = row[name];
          norm[name] =
            name === 'userId'
              ? 'USER'
              : v instanceof Date
                ? v.toISOString()
                : typeof v === 'string' && v.startsWith(prefix)
                  ? `#${v.slice(prefix.length)}`
                  : type === 'Float' && typeof v === 'number'
                    ? Number(v.toPrecision(12))
                    : v;
        }
        return norm;
      })
      .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
  }
  return out;
}

describe(`every answer path writes the same rows (${storeKind(process.env.DATABASE_URL ?? '')})`, () => {
  it('the store path and the Prisma path: the same results and every column of every row equal, and equal to the expected dump', async () => {
    const paths = ['store', 'prisma'] as const;
    const dumps: Record<string, unknown> = {};
    for (const via of paths) {
      const u = await createUser({ name: via, email: `diff-${via}@example.com`, passwordHash: 'x', role: 'learner' });
      const prefix = `dx${via[0]}`;
      const results = await runScript(u.id, via, prefix);
      dumps[via] = { results, rows: await dump(u.id, prefix) };
    }
    expect(dumps.store).toEqual(dumps.prisma);

    const fixture = path.join(process.cwd(), 'test/fixtures/answer-path-rows.json');
    if (process.env.UPDATE_FIXTURES === '1') fs.writeFileSync(fixture, `${JSON.stringify(dumps.store, null, 2)}\n`);
    expect(dumps.store, 'test/fixtures/answer-path-rows.json (UPDATE_FIXTURES=1 rewrites it after a deliberate change)').toEqual(
      JSON.parse(fs.readFileSync(fixture, 'utf8')),
    );
  });

  it('the column list really comes from the schema: it names every column of the four tables', () => {
    expect(columnsOf('Attempt').map((c) => c.name)).toEqual(expect.arrayContaining(['merged', 'firstAttempt', 'classId', 'createdAt']));
    expect(columnsOf('ReviewLog').map((c) => c.name)).toEqual(
      expect.arrayContaining(['requestRetention', 'practice', 'merged', 'shownItemId']),
    );
    expect(columnsOf('StudyDay').map((c) => c.name)).toEqual(['userId', 'day', 'answers', 'reviews']);
  });
});
