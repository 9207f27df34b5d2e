import type { KnipConfig } from 'knip';

// `npm test` runs knip (scripts/test-all.ts): it fails on a file nothing imports, an export nobody imports, and a
// dependency nothing uses. Its Next.js, Vitest, Playwright, ESLint and Prisma plugins find the app's own entries
// (app/**/page.tsx, layout.tsx, route.ts, proxy.ts, next.config.mjs), the tests and the configs; what they cannot
// know is below. Folders by glob, since files move between components/ and lib/. Generated code (lib/db/generated*,
// lib/content/generated) is git-ignored, and knip skips what git ignores.
const config: KnipConfig = {
  entry: [
    // Run by npm scripts, by other scripts (test-all, e2e, screenshots) or by the browser tests' web server.
    'scripts/*.ts',
    // Spawned by path by bench:load --profile.
    'scripts/lib/load-profile.ts',
    // The file vitest.config.ts aliases `server-only` to.
    'test/support/empty.ts',
    // Compile-fail fixtures: nothing imports them, `npm run typecheck` checks them.
    'test/types/*.ts',
    // Chapters, read from disk and compiled by lib/content (so an import in one is followed, like any other).
    'content/**/*.mdx',
  ],
  project: [
    'app/**/*.{ts,tsx}',
    'components/**/*.{ts,tsx}',
    'lib/**/*.{ts,tsx}',
    'scripts/**/*.ts',
    'prisma/**/*.ts',
    // The two schemas (the snapshots beside each migration are data for the drift tests).
    'prisma/{,postgres/}*.prisma',
    'test/**/*.{ts,tsx}',
    'content/**/*.mdx',
    '*.{ts,mjs}',
  ],
  // Loaded with createRequire (it ships no types; scripts/lib/load-cannon.ts types the little it uses).
  ignoreDependencies: ['autocannon'],
};

export default config;
