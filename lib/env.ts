import { z } from 'zod';
import { DEFAULT_DATABASE_URL } from './db/url';

// Parsed once; a bad value stops the process with a message that says which variable and why.
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .default(DEFAULT_DATABASE_URL)
    .refine((v) => /^(file:|postgres(ql)?:\/\/)/i.test(v), {
      message: 'must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)',
    }),
  // PostgreSQL only: connections each server process may open (its pool); SQLite uses one file handle.
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (npm start generates one in .env)').optional(),
  AUTH_GITHUB_ID: z.string().min(1).optional(),
  AUTH_GITHUB_SECRET: z.string().min(1).optional(),
  AUTH_GOOGLE_ID: z.string().min(1).optional(),
  AUTH_GOOGLE_SECRET: z.string().min(1).optional(),
  // How many proxies in front of the app append to X-Forwarded-For (a load balancer: 1). The client's address is
  // the entry that many places from the right; anything left of it was written by the client and is ignored.
  // 0 (the default, as `npm start` runs) trusts no forwarded address: every client then shares one budget per limit.
  TRUST_PROXY: z.coerce
    .number({ error: 'must be a whole number: 0 (no proxy, the default) or how many proxies append to X-Forwarded-For' })
    .int('must be a whole number: 0 (no proxy, the default) or how many proxies append to X-Forwarded-For')
    .min(0, 'cannot be negative')
    .max(10, 'more than 10 proxies in a row is surely a mistake')
    .default(0),
  // Strict-Transport-Security max-age in seconds for HTTPS responses; 0 tells browsers to forget it. One year by default.
  HSTS_MAX_AGE: z.coerce
    .number({ error: 'must be a number of seconds, e.g. 31536000 for a year' })
    .int('must be a whole number of seconds')
    .min(0, 'cannot be negative')
    .max(2 * 365 * 24 * 3600, 'at most two years (63072000)')
    .default(365 * 24 * 3600),
  // Password hashes (scrypt) allowed to run at once in this process; a sign-in beyond that is answered "busy" at
  // once. Default: one fewer than the CPUs (at least 1), so a flood of sign-ins cannot take every core from pages.
  AUTH_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  // Milliseconds a "busy" sign-in answer is held before it is sent (0: at once). Holding it costs a timer and makes
  // a client that ignores Retry-After wait anyway: a dozen connections can then no longer resend hundreds of times
  // a second and starve pages of the CPU (bench:signin-flood: pages 7x slower at 0, 1.2x at 1000).
  AUTH_BUSY_HOLD_MS: z.coerce.number().int().min(0).max(5000).default(1000),
  // Test-only: lets browser tests move the clock (never honoured in a normal production start).
  GOALPOST_TEST_CLOCK: z.enum(['1']).optional(),
});

export type Env = z.infer<typeof schema>;

function parse(): Env {
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}

export const env: Env = parse();

export const oauth = {
  github: Boolean(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET),
  google: Boolean(env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET),
};
