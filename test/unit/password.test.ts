import { describe, expect, it } from 'vitest';
import { HashBusyError, hashConcurrency, hashPassword, needsRehash, verifyPassword } from '../../lib/auth/password';

describe('password hashing', () => {
  it('stores scrypt at an OWASP cost (N=2^14, r=8, p=8: 16 MiB) with a per-hash salt, never the password', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).toMatch(/^scrypt\$16384\$8\$8\$/);
    expect(a).not.toContain('correct horse');
    expect(a).not.toBe(b);
  });

  it('accepts the right password and refuses a wrong one', async () => {
    const h = await hashPassword('goalpost-learner');
    expect(await verifyPassword('goalpost-learner', h)).toBe(true);
    expect(await verifyPassword('goalpost-learner ', h)).toBe(false);
    expect(await verifyPassword('', h)).toBe(false);
  });

  it('handles any Unicode and treats composed and decomposed forms alike', async () => {
    const h = await hashPassword('Caf\u00e9 \u{1F511} pass');
    expect(await verifyPassword('Cafe\u0301 \u{1F511} pass', h)).toBe(true);
  });

  it('refuses malformed stored hashes instead of throwing', async () => {
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$1$2$3$4$5')).toBe(false);
  });

  it('still verifies hashes made with the old parameters (N=2^17, p=1), and marks them for re-hashing', async () => {
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync('goalpost-learner', salt, 64, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
    const old = ['scrypt', 2 ** 17, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
    expect(await verifyPassword('goalpost-learner', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword('goalpost-learner'))).toBe(false);
  });

  it('runs at most hashConcurrency() hashes at once and refuses the rest at once, without queueing (issue 14, finding 7)', async () => {
    const limit = hashConcurrency();
    const started = Date.now();
    const results = await Promise.allSettled(Array.from({ length: limit + 3 }, (_, i) => hashPassword(`burst ${i}`)));
    const refused = results.filter((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(limit);
    expect(refused).toHaveLength(3);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(HashBusyError);
    expect(Date.now() - started).toBeLessThan(5000);
    // The slots are free again afterwards.
    expect(await verifyPassword('burst 0', await hashPassword('burst 0'))).toBe(true);
  });
});

describe('hashing threads', () => {
  it('run at the lowest scheduling priority on Linux, so a flood of sign-ins only gets CPU that pages leave idle', async () => {
    const { hashThreadsAreLowPriority } = await import('../../lib/auth/hash-workers');
    if (process.platform !== 'linux') return;
    expect(await hashThreadsAreLowPriority()).toBe(true);
    // And the pool still hashes after being asked.
    expect(await verifyPassword('nice', await hashPassword('nice'))).toBe(true);
  });
});
