import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client';
import { dayOf, num, ts } from '../../lib/db/sql';
import { createUser } from '../../lib/db/users';

// npm test runs the integration tests once per store; make sure each pass really talks to the store it names.
const postgres = Boolean(process.env.TEST_DATABASE_URL);

describe(`the store under test (${postgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('is the one this pass asked for', async () => {
    if (postgres) {
      expect(process.env.DATABASE_URL).toMatch(/^postgresql:\/\//);
      const [row] = await db.$queryRaw<{ v: string }[]>`SELECT version() AS v`;
      expect(row!.v).toMatch(/^PostgreSQL/);
    } else {
      expect(process.env.DATABASE_URL).toMatch(/^file:/);
      const [row] = await db.$queryRaw<{ v: string }[]>`SELECT sqlite_version() AS v`;
      expect(row!.v).toMatch(/^3\./);
    }
  });

  it('groups timestamps by their UTC day and compares them with ts(), whatever the server time zone', async () => {
    const u = await createUser({ name: 'T', email: 'store-tz@example.com', passwordHash: 'x', role: 'learner' });
    // 23:30 UTC: the next day east of UTC, the same day west of it.
    const late = new Date('2026-03-01T23:30:00Z');
    const early = new Date('2026-03-02T00:30:00Z');
    for (const [i, due] of [late, early].entries()) {
      await db.reviewCard.create({
        data: {
          userId: u.id,
          itemKind: 'quiz',
          itemId: `tz-${i}`,
          due,
          stability: 1,
          difficulty: 5,
          elapsedDays: 0,
          scheduledDays: 0,
          reps: 1,
          lapses: 0,
          state: 1,
        },
      });
    }
    const rows = await db.$queryRaw<{ d: string; n: unknown }[]>`
      SELECT ${dayOf('due')} AS d, count(*) AS n FROM "ReviewCard" WHERE "userId" = ${u.id} AND "due" <= ${ts(late)} GROUP BY d`;
    expect(rows.map((r) => ({ d: r.d, n: num(r.n) }))).toEqual([{ d: '2026-03-01', n: 1 }]);
    const stored = await db.reviewCard.findMany({
      where: { userId: u.id },
      orderBy: { due: 'asc' },
      select: { due: true, createdAt: true },
    });
    expect(stored.map((c) => c.due.toISOString())).toEqual([late.toISOString(), early.toISOString()]);
    // Defaults filled in by Prisma are UTC too: a fresh row was created within the last minute.
    expect(Math.abs(stored[0]!.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
  });
});
