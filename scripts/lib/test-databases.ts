import { randomBytes } from 'node:crypto';
import pg from 'pg';

// Throwaway PostgreSQL databases for the tests, on the server TEST_DATABASE_URL points at (its user needs
// CREATEDB). Vitest migrates one template per run and gives each test file `CREATE DATABASE … TEMPLATE` (about
// 50 ms, far less than migrating); the browser tests' server gets a fresh one. All of them are dropped at the end.

const NAME = /^[a-z0-9_]{1,63}$/;

function ident(name: string): string {
  if (!NAME.test(name)) throw new Error(`Not a safe database name: ${name}`);
  return `"${name}"`;
}

/** A unique database name under `prefix` (lower case, digits and underscores). */
export const uniqueDbName = (prefix: string) => `${prefix}_${randomBytes(4).toString('hex')}`;

/** The browser tests' server database: one name per port, so a run killed before cleaning up is cleaned by the next. */
export const e2eDatabaseName = (port = process.env.E2E_PORT ?? '3100') => `goalpost_e2e_${port}`;

/** The same server and credentials as `url`, another database. */
function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withAdmin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, application_name: 'goalpost-tests' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates `name` (empty, or a copy of `template`, which must have no open connections); returns its URL. Its
 * sessions run in `timeZone` when given: the tests use one far from UTC so a query that depends on the server's
 * time zone fails here rather than in a deployment.
 */
export async function createDatabase(adminUrl: string, name: string, template?: string, timeZone?: string): Promise<string> {
  await withAdmin(adminUrl, async (c) => {
    await c.query(`CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ''}`);
    if (timeZone) await c.query(`ALTER DATABASE ${ident(name)} SET TimeZone TO ${c.escapeLiteral(timeZone)}`);
  });
  return databaseUrl(adminUrl, name);
}

/** UTC+14: every UTC time after 10:00 is already tomorrow there. */
export const TEST_TIME_ZONE = 'Pacific/Kiritimati';

/** Drops the named databases and every database whose name starts with `prefix_`, closing their connections. */
export async function dropDatabases(adminUrl: string, { names = [], prefix }: { names?: string[]; prefix?: string }): Promise<void> {
  await withAdmin(adminUrl, async (c) => {
    const all = [...names];
    if (prefix) {
      const { rows } = await c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [`${prefix}_`]);
      all.push(...rows.map((r) => r.datname));
    }
    for (const name of new Set(all)) await c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
  });
}
