import next from 'eslint-config-next';

// The layers (README, "How it is built"), enforced rather than described. A test writes a violation into the tree and
// expects these rules to catch it (test/unit/layers-lint.test.ts).
//   app -> components -> lib: components never import app; lib never imports components or app.
//   Only lib/db touches Prisma and the database client; interactive transactions only in lib/db/client.ts.
//   lib/learning and lib/toys are pure: nothing of the app outside themselves, no Node built-ins, no Next.
//   Instructor capabilities are issued only in lib/auth (lib/auth/capability.ts).

const LAYERS =
  'The layers are app -> components -> lib (README, "How it is built"): move the shared code down into lib, or pass it in as props.';
const DB_ONLY = 'Only lib/db uses the database client and Prisma: call (or add) a data function in lib/db instead.';
const PURE = 'lib/learning and lib/toys are pure (no I/O, clock and seed passed in): pass the data in from the caller instead.';

const zones = [
  { target: './components/**', from: './app/**', message: LAYERS },
  { target: './lib/**', from: ['./app/**', './components/**'], message: LAYERS },
  { target: ['./app/**', './components/**', './lib/!(db)/**', './lib/*'], from: './lib/db/client.ts', message: DB_ONLY },
  {
    target: ['./app/**', './components/**', './lib/!(db)/**', './lib/*'],
    from: ['./lib/db/generated/**', './lib/db/generated-pg/**'],
    message: DB_ONLY,
  },
  { target: ['./lib/learning/**', './lib/toys/**'], from: ['./lib/!(learning|toys)/**', './lib/*', './content/**'], message: PURE },
];

const prisma = {
  group: ['@prisma/*', '@prisma/*/**', '@auth/prisma-adapter', '**/db/generated/**', '**/db/generated-pg/**', '**/generated/client'],
  message: DB_ONLY,
};
// Capabilities are minted in lib/auth only. Scripts and tests may verify a named user (verifyInstructor runs the same
// database checks); routes, pages and actions get theirs from requireInstructor, which reads the session.
const minting = {
  group: ['**/auth/capability'],
  importNames: ['grantInstructor', 'grantClass'],
  message: 'Only lib/auth issues capabilities: call requireInstructor() (lib/auth/session.ts).',
};
const verifying = {
  group: ['**/auth/capability'],
  importNames: ['verifyInstructor'],
  message: 'verifyInstructor does not read the session; routes, pages and actions call requireInstructor() (lib/auth/session.ts).',
};
const impure = {
  group: [
    'node:*',
    'fs',
    'fs/*',
    'path',
    'os',
    'child_process',
    'net',
    'http',
    'https',
    'worker_threads',
    'next',
    'next/*',
    'next-auth',
    'next-auth/*',
    'server-only',
    'react',
    'react-dom',
    'idb-keyval',
  ],
  message: PURE,
};
// zod's eval probe is a policy violation in the browser; lib/learning/zod.ts turns it off before any schema is built.
const RAW_ZOD =
  "Import z from '@/lib/learning/zod' (in lib/learning: './zod'): it turns off zod's eval probe in the browser, which the pages' Content-Security-Policy reports as a violation.";
const restrict = (...patterns) => ['error', { patterns }];
// The same, and the zod package itself only through lib/learning/zod.ts (exact names: a pattern would match './zod').
const restrictWithZod = (...patterns) => [
  'error',
  { paths: ['zod', 'zod/v4', 'zod/mini'].map((name) => ({ name, message: RAW_ZOD })), patterns },
];

const config = [
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      'lib/db/generated/**',
      'lib/db/generated-pg/**',
      'lib/content/generated/**',
      'test-results/**',
      'playwright-report/**',
      'data/**',
      'public/**',
    ],
  },
  ...next,
  {
    rules: {
      'import/no-restricted-paths': ['error', { zones }],
      'no-restricted-imports': restrict(prisma, minting, verifying),
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='$transaction']",
          message: 'Use transaction() from lib/db/client.ts: on SQLite it passes the write gate that the raw answer path relies on.',
        },
      ],
    },
  },
  // Each block below replaces no-restricted-imports for its files (flat config does not merge a rule's options).
  { files: ['lib/learning/**', 'lib/toys/**'], rules: { 'no-restricted-imports': restrictWithZod(prisma, minting, verifying, impure) } },
  { files: ['lib/learning/zod.ts'], rules: { 'no-restricted-imports': restrict(prisma, minting, verifying, impure) } },
  { files: ['components/**'], rules: { 'no-restricted-imports': restrictWithZod(prisma, minting, verifying) } },
  { files: ['lib/auth/**'], rules: { 'no-restricted-imports': restrict(prisma) } },
  { files: ['lib/db/**'], rules: { 'no-restricted-imports': restrict(minting, verifying) } },
  { files: ['prisma.config.ts', 'prisma/**', 'scripts/**', 'test/**'], rules: { 'no-restricted-imports': restrict(minting) } },
  { files: ['lib/db/client.ts', 'test/**'], rules: { 'no-restricted-syntax': 'off' } },
];

export default config;
