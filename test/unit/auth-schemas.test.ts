import { describe, expect, it } from 'vitest';
import { changePasswordSchema, safeNext, signUpSchema } from '../../lib/auth/schemas';
import { clientIp } from '../../lib/auth/ip';

const base = { name: 'Ada', email: 'Ada@Example.com ', password: 'long enough', role: 'learner' };

describe('sign-up validation', () => {
  it('normalises the email', () => {
    const r = signUpSchema.parse(base);
    expect(r.email).toBe('ada@example.com');
  });

  it('counts characters, not bytes: eight emoji are a valid password, seven are not', () => {
    expect(signUpSchema.safeParse({ ...base, password: '🔑'.repeat(8) }).success).toBe(true);
    const short = signUpSchema.safeParse({ ...base, password: '🔑'.repeat(7) });
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]?.message).toBe('Use at least 8 characters.');
  });

  it('rejects passwords over 128 characters with a message a person can act on', () => {
    const r = signUpSchema.safeParse({ ...base, password: 'a'.repeat(129) });
    expect(r.error?.issues[0]?.message).toBe('Use at most 128 characters.');
    expect(signUpSchema.safeParse({ ...base, password: 'a'.repeat(128) }).success).toBe(true);
  });

  it('rejects a malformed email and an unknown role', () => {
    const r = signUpSchema.safeParse({ ...base, email: 'ada@', role: 'admin' });
    const paths = r.error?.issues.map((i) => i.path[0]);
    expect(paths).toContain('email');
    expect(paths).toContain('role');
  });
});

describe('post-sign-in destination', () => {
  it('keeps same-site paths and drops anything that leaves the site', () => {
    expect(safeNext('/chapters/introduction')).toBe('/chapters/introduction');
    expect(safeNext('https://evil.example')).toBe('/account');
    expect(safeNext('//evil.example')).toBe('/account');
    expect(safeNext('/\\evil.example')).toBe('/account');
    expect(safeNext(undefined)).toBe('/account');
  });
});

describe('client address for throttling', () => {
  it('uses the first forwarded hop', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '203.0.113.9, 10.0.0.1' }))).toBe('203.0.113.9');
    expect(clientIp(new Headers())).toBe('local');
  });
});

describe('password change validation', () => {
  const ok = { currentPassword: 'old password here', newPassword: 'a new passphrase', confirmPassword: 'a new passphrase' };
  const errorsOf = (input: Record<string, string>) =>
    Object.fromEntries((changePasswordSchema.safeParse(input).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

  it('accepts a new password typed twice', () => {
    expect(changePasswordSchema.safeParse(ok).success).toBe(true);
  });

  it('names the field that is wrong, with a message a person can act on', () => {
    expect(errorsOf({ ...ok, currentPassword: '' })).toEqual({ currentPassword: 'Enter your current password.' });
    expect(errorsOf({ ...ok, newPassword: 'short', confirmPassword: 'short' })).toEqual({ newPassword: 'Use at least 8 characters.' });
    expect(errorsOf({ ...ok, confirmPassword: 'a new passphrasf' })).toEqual({ confirmPassword: 'The two new passwords do not match.' });
    expect(errorsOf({ ...ok, newPassword: ok.currentPassword, confirmPassword: ok.currentPassword })).toEqual({
      newPassword: 'Choose a password different from your current one.',
    });
  });
});
