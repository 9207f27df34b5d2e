// The server the browser tests run against: the production build, on a fresh temporary database seeded like a
// real first start. SQLite by default; a fresh PostgreSQL database when TEST_DATABASE_URL is set.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from './lib/migrate';
import { runAsync } from './lib/run';
import { serverCommand, serverEnv } from './lib/server-env';
import { createDatabase, dropDatabases, e2eDatabaseName, TEST_TIME_ZONE } from './lib/test-databases';

const port = process.env.E2E_PORT ?? '3100';
const admin = process.env.TEST_DATABASE_URL;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-e2e-'));
const pgName = e2eDatabaseName(port);
if (admin) await dropDatabases(admin, { names: [pgName] });
const url = admin ? await createDatabase(admin, pgName, undefined, TEST_TIME_ZONE) : `file:${path.join(dir, 'e2e.db')}`;
process.env.DATABASE_URL = url;
process.env.AUTH_SECRET ??= 'e2e-secret-e2e-secret-e2e-secret-0123456789';
process.env.NEXT_TELEMETRY_DISABLED = '1';
// As if behind one load balancer: the specs give each browser its own address in X-Forwarded-For, so one spec's
// per-address limits do not use up another's. (test/e2e/auth-hardening.spec.ts starts a second server with 0.)
process.env.TRUST_PROXY ??= '1';
fs.writeFileSync(path.join(os.tmpdir(), `goalpost-e2e-${port}.json`), JSON.stringify({ databaseUrl: url }));

if (process.env.E2E_PRODUCTION_HASH !== '1') {
  process.env.GOALPOST_TEST_CLOCK = '1';
  process.env.GOALPOST_TEST_CHEAP_HASH = '1';
}
await migrate(url);
const { seed } = await import('../prisma/seed');
await seed();
const server = serverCommand(port);
const code = await runAsync(server.cmd, server.args, {
  env: serverEnv({
    ...process.env,
    NODE_ENV: 'production',
    GOALPOST_TEST_CLOCK: '1',
    // Cheap password hashes for the throwaway accounts (lib/auth/password.ts), unless a test needs the real cost.
    GOALPOST_TEST_CHEAP_HASH: process.env.E2E_PRODUCTION_HASH === '1' ? '' : '1',
  }),
});
fs.rmSync(dir, { recursive: true, force: true });
process.exit(code);
