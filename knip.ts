import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  entry: ['scripts/*.ts', 'scripts/lib/load-profile.ts'],
  project: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}', 'scripts/**/*.ts', 'prisma/**/*.ts', 'test/**/*.{ts,tsx}', '*.{ts,mjs}'],
  ignoreDependencies: ['autocannon'],
};

export default config;
