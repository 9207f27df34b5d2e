// The server the browser tests run against: the production build, on a fresh temporary database seeded like a
// real first start.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from './lib/migrate';
import { bin, runAsync } from './lib/run';

const port = process.env.E2E_PORT ?? '3100';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-e2e-'));
const url = `file:${path.join(dir, 'e2e.db')}`;
process.env.DATABASE_URL = url;
process.env.AUTH_SECRET ??= 'e2e-secret-e2e-secret-e2e-secret-0123456789';
process.env.NEXT_TELEMETRY_DISABLED = '1';
fs.writeFileSync(path.join(os.tmpdir(), `goalpost-e2e-${port}.json`), JSON.stringify({ databaseUrl: url }));

migrate(url);
const { seed } = await import('../prisma/seed');
await seed();
const code = await runAsync(bin('next'), ['start', '-p', port], { env: { ...process.env, NODE_ENV: 'production', GOALPOST_TEST_CLOCK: '1' } });
fs.rmSync(dir, { recursive: true, force: true });
process.exit(code);
