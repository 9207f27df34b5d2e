import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { resolveSqliteFile, storeKind } from './lib/db/url';

// Prisma 6.19's CLI runs offline only through a JS driver adapter (its native schema engine is a download).
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    const url = process.env.DATABASE_URL ?? 'file:./data/goalpost.db';
    // The CLI only ever works on SQLite here: Prisma 6.19 cannot migrate PostgreSQL offline (README, "PostgreSQL").
    if (storeKind(url) === 'postgres') {
      throw new Error('The Prisma CLI is set up for SQLite only. For PostgreSQL use npm run db:migrate (or npm start).');
    }
    return new PrismaBetterSQLite3({ url: `file:${resolveSqliteFile(url)}` }, { shadowDatabaseUrl: 'file::memory:' });
  },
});
