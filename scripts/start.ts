// `npm start`: everything a fresh clone needs, then the server. A second run reuses the database, the secret and
// the build, and only rebuilds when a source file changed.
import fs from 'node:fs';
import { ensureAuthSecret } from './lib/dotenv';
import { migrate } from './lib/migrate';
import { bin, run, runAsync } from './lib/run';
import { serverCommand, serverEnv } from './lib/server-env';
import { buildIsFresh, recordBuild } from './lib/build-state';
import { DEFAULT_DATABASE_URL, redactUrl } from '../lib/db/url';

const dev = process.argv.includes('--dev');
const t0 = Date.now();
const step = (msg: string) => console.log(`\n▸ ${msg}`);

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  if (ensureAuthSecret()) step('Generated AUTH_SECRET and saved it to .env (not committed)');
  process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL;
  fs.mkdirSync('data', { recursive: true });

  step(`Applying migrations to ${redactUrl(process.env.DATABASE_URL)}`);
  await migrate(process.env.DATABASE_URL);

  step('Seeding demo data');
  const { seed, printDemoAccounts } = await import('../prisma/seed');
  await seed();
  printDemoAccounts();

  if (!dev) {
    if (buildIsFresh()) {
      step('Build is up to date');
    } else {
      step('Building (first run or sources changed)');
      run('npm', ['run', '--silent', 'build'], { env: { ...process.env, NODE_ENV: 'production' } });
      recordBuild();
    }
  }

  const port = process.env.PORT ?? '3000';
  step(`Ready in ${((Date.now() - t0) / 1000).toFixed(1)} s. Serving on http://localhost:${port}`);
  // Development: Next's own dev server. Production: scripts/server.ts (Next's handler, plus the prerendered reading
  // pages answered from the build with their compressed copies).
  const { cmd, args } = dev ? { cmd: bin('next'), args: ['dev', '-p', port] } : serverCommand(port);
  const code = await runAsync(cmd, args, {
    env: serverEnv({ ...process.env, NODE_ENV: dev ? 'development' : 'production' }),
  });
  process.exit(code);
}

main().catch((e: unknown) => {
  console.error(`\nnpm start failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
