import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../lib/auth/password';

describe('password hashing', () => {
  it('stores scrypt at OWASP cost with a per-hash salt, never the password', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).toMatch(/^scrypt\$131072\$8\$1\$/);
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
});
