import { afterEach, describe, expect, it, vi } from 'vitest';

// lib/env.ts parses process.env once, when first imported; each case imports a fresh copy.
const saved = { ...process.env };
async function loadEnv(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  return (await import('../../lib/env')).env;
}

afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

describe('environment (issue 14: TRUST_PROXY, HSTS_MAX_AGE, AUTH_HASH_CONCURRENCY, AUTH_BUSY_HOLD_MS)', () => {
  it('defaults: no proxy trusted, HSTS for a year, busy answers held a second', async () => {
    const env = await loadEnv({
      TRUST_PROXY: undefined,
      HSTS_MAX_AGE: undefined,
      AUTH_HASH_CONCURRENCY: undefined,
      AUTH_BUSY_HOLD_MS: undefined,
    });
    expect(env.TRUST_PROXY).toBe(0);
    expect(env.HSTS_MAX_AGE).toBe(31_536_000);
    expect(env.AUTH_HASH_CONCURRENCY).toBeUndefined();
    expect(env.AUTH_BUSY_HOLD_MS).toBe(1000);
  });

  it('reads the configured values', async () => {
    const env = await loadEnv({ TRUST_PROXY: '2', HSTS_MAX_AGE: '600', AUTH_HASH_CONCURRENCY: '3', AUTH_BUSY_HOLD_MS: '0' });
    expect([env.TRUST_PROXY, env.HSTS_MAX_AGE, env.AUTH_HASH_CONCURRENCY, env.AUTH_BUSY_HOLD_MS]).toEqual([2, 600, 3, 0]);
  });

  it('stops with a message naming the variable for a bad value', async () => {
    await expect(loadEnv({ TRUST_PROXY: 'yes' })).rejects.toThrow(/TRUST_PROXY: must be a whole number/);
    await expect(loadEnv({ TRUST_PROXY: '-1' })).rejects.toThrow(/TRUST_PROXY: cannot be negative/);
    await expect(loadEnv({ HSTS_MAX_AGE: '1e12' })).rejects.toThrow(/HSTS_MAX_AGE: at most two years/);
    await expect(loadEnv({ AUTH_BUSY_HOLD_MS: '60000' })).rejects.toThrow(/AUTH_BUSY_HOLD_MS/);
  });
});
