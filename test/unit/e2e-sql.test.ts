import { describe, expect, it } from 'vitest';
import { toPostgresSql } from '../e2e/support';

// The browser tests check stored rows with SQLite-flavoured SQL; on PostgreSQL it is translated.
describe('toPostgresSql', () => {
  it('quotes model and field names, numbers parameters and reads booleans as 0/1', () => {
    expect(toPostgresSql(`SELECT id FROM User WHERE email = ? AND "Attempt".firstAttempt = 1 AND itemKind = ?`)).toBe(
      `SELECT "id" FROM "User" WHERE "email" = $1 AND "Attempt"."firstAttempt"::int = 1 AND "itemKind" = $2`,
    );
  });

  it('leaves string literals, SQL words and unknown names alone', () => {
    expect(toPostgresSql(`SELECT COUNT(*) AS n FROM "ReviewLog" WHERE idempotencyKey NOT LIKE 'first-? userId'`)).toBe(
      `SELECT COUNT(*) AS n FROM "ReviewLog" WHERE "idempotencyKey" NOT LIKE 'first-? userId'`,
    );
  });
});
