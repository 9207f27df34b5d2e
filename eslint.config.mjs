import next from 'eslint-config-next';

const config = [
  {
    ignores: ['node_modules/**', '.next/**', 'lib/db/generated/**', 'lib/db/generated-pg/**', 'lib/content/generated/**', 'test-results/**', 'playwright-report/**', 'data/**', 'public/**'],
  },
  ...next,
  {
    rules: {
      // lib/db is the only door to Prisma (STYLE.md).
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@prisma/client', '@prisma/client/*', '**/db/generated/**', '**/db/generated-pg/**', '**/generated/client'],
              message: 'Only lib/db may import Prisma; call a data function from lib/db instead.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/db/**', 'prisma/**', 'scripts/**', 'test/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
];

export default config;
