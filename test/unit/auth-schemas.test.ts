import { describe, expect, it } from 'vitest';
import { cameFrom, changePasswordSchema, safeNext, signUpSchema } from '../../lib/auth/schemas';
import { clientAddress, SHARED_ADDRESS } from '../../lib/auth/ip';

const base = { name: 'Ada', email: 'Ada@Example.com ', password: 'long enough', role: 'learner' };

describe('sign-up validation', () => {
  it('normalises the email', () => {
    const r = signUpSchema.parse(base);
    expect(r.email).toBe('ada@example.com');
  });

  it('counts characters, not bytes: eight different emoji are a valid password, seven are not', () => {
    expect(signUpSchema.safeParse({ ...base, password: '🔑🐙🌵🎻🚲🧭🍋🪁' }).success).toBe(true);
    const short = signUpSchema.safeParse({ ...base, password: '🔑🐙🌵🎻🚲🧭🍋' });
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]?.message).toBe('Use at least 8 characters.');
  });

  it('rejects passwords over 128 characters with a message a person can act on', () => {
    const r = signUpSchema.safeParse({ ...base, password: 'a'.repeat(129) });
    expect(r.error?.issues.map((i) => i.message)).toEqual(['Use at most 128 characters.']);
    const longest = 'seven purple otters juggle '.repeat(5).slice(0, 128);
    expect(signUpSchema.safeParse({ ...base, password: longest }).success).toBe(true);
  });

  it('refuses common and guessable passwords, saying why (issue 14, finding 11)', () => {
    const reasonFor = (password: string) =>
      signUpSchema.safeParse({ ...base, password }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(reasonFor('password')).toEqual([
      'password: This password is too easy to guess: it is one of the most used passwords there are. Try a few unrelated words, like a short sentence only you would write.',
    ]);
    expect(reasonFor('12345678')?.[0]).toMatch(
      /^password: This password is too easy to guess: it is one of the most used passwords there are\./,
    );
    expect(reasonFor('qwertyuiop')?.[0]).toMatch(/^password: This password is too easy to guess/);
    expect(reasonFor('aaaaaaaaaaaa')?.[0]).toContain('it repeats the same character');
    expect(reasonFor('P@ssw0rd123')?.[0]).toContain('too easy to guess');
    // The person's own name or email as the password.
    expect(reasonFor('ada@example.com')?.[0]).toContain('too easy to guess');
    for (const fine of ['long enough', 'seven purple otters juggle', 'a brand new passphrase ✓', 'goalpost-learner'])
      expect(reasonFor(fine), fine).toBeUndefined();
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
    expect(safeNext('/practice?family=shuttle&x=1#top')).toBe('/practice?family=shuttle&x=1#top');
    expect(safeNext('https://evil.example')).toBe('/account');
    expect(safeNext('//evil.example')).toBe('/account');
    expect(safeNext('/\\evil.example')).toBe('/account');
    expect(safeNext(undefined)).toBe('/account');
  });

  it('refuses control characters, backslashes, encoded slashes and paths that normalise to another host (issue 14, finding 3)', () => {
    const hostile = [
      '/\t/evil.example/phish',
      '/\n/evil.example',
      '\n',
      '/\r/evil.example',
      '\t//evil.example',
      '/\u0000/evil.example',
      '/\u007f/evil.example',
      '/\\evil.example',
      '/x\\..\\..\\evil',
      '/%2F/evil.example',
      '/%2fevil.example',
      '/%5Cevil.example',
      '/%09/evil.example',
      '/%0A',
      '/..//evil.example',
      '/%2e%2e//evil.example',
      '/./..//evil.example',
      'javascript:alert(1)',
      ' /account',
      'x'.repeat(3000),
    ];
    for (const v of hostile) expect(safeNext(v), JSON.stringify(v)).toBe('/account');
    expect(safeNext('/\t/evil', '/')).toBe('/');
  });

  it('returns the parsed URL, never the raw input', () => {
    expect(safeNext('/chapters/../account')).toBe('/account');
    expect(safeNext('/caf\u00e9?q=a b')).toBe('/caf%C3%A9?q=a%20b');
  });
});

describe('client address for per-address limits (issue 14, finding 6)', () => {
  const xff = (v: string) => new Headers({ 'x-forwarded-for': v });
  it('without TRUST_PROXY no forwarded address is believed: every client is the one shared address', () => {
    expect(clientAddress(xff('203.0.113.9'), 0)).toEqual(SHARED_ADDRESS);
    expect(clientAddress(new Headers(), 0)).toEqual(SHARED_ADDRESS);
  });

  it('behind N proxies the address N from the right counts; what the client wrote before it is ignored', () => {
    expect(clientAddress(xff('203.0.113.9'), 1)).toEqual({ key: '203.0.113.9', trusted: true });
    expect(clientAddress(xff('198.18.0.1, 203.0.113.9'), 1)).toEqual({ key: '203.0.113.9', trusted: true });
    expect(clientAddress(xff('198.18.0.1, 203.0.113.9, 10.0.0.2'), 2)).toEqual({ key: '203.0.113.9', trusted: true });
    expect(clientAddress(xff('::ffff:127.0.0.1'), 1)).toEqual({ key: '127.0.0.1', trusted: true });
    expect(clientAddress(xff('[2001:DB8::1]:443'), 1)).toEqual({ key: '2001:db8::1', trusted: true });
    expect(clientAddress(xff('203.0.113.9:51234'), 1)).toEqual({ key: '203.0.113.9', trusted: true });
  });

  it('a chain shorter than the proxies, or a hop that is not an address, trusts nothing', () => {
    expect(clientAddress(xff('203.0.113.9'), 2)).toEqual(SHARED_ADDRESS);
    expect(clientAddress(xff('not-an-ip'), 1)).toEqual(SHARED_ADDRESS);
    expect(clientAddress(new Headers(), 1)).toEqual(SHARED_ADDRESS);
  });
});

describe('password change validation', () => {
  const ok = { currentPassword: 'old password here', newPassword: 'a new passphrase', confirmPassword: 'a new passphrase' };
  it('refuses a guessable new password with the reason', () => {
    expect(errorsOf({ ...ok, newPassword: 'qwertyuiop', confirmPassword: 'qwertyuiop' }).newPassword).toMatch(
      /^This password is too easy to guess: it is/,
    );
  });

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

describe('where sign-up returns to when the link did not say (cameFrom)', () => {
  const host = 'goalpost.example:3000';
  it('is the page on this site that linked to sign-up, with its query', () => {
    expect(cameFrom('http://goalpost.example:3000/chapters/introduction', host)).toBe('/chapters/introduction');
    expect(cameFrom('https://goalpost.example:3000/practice?chapter=scheming', host)).toBe('/practice?chapter=scheming');
  });
  it('is nothing for another site, a look-alike host, another port, or a non-web scheme', () => {
    for (const ref of [
      'https://evil.example/chapters/introduction',
      'http://goalpost.example.evil.com:3000/x',
      'http://goalpost.example:1/x',
      'javascript://goalpost.example:3000/%0aalert(1)',
      'not a url',
      '',
    ])
      expect(cameFrom(ref, host), ref).toBeUndefined();
    expect(cameFrom('http://goalpost.example:3000/x', null)).toBeUndefined();
  });
  it('is nothing for the sign-in and sign-up pages themselves, or a path safeNext refuses', () => {
    expect(cameFrom('http://goalpost.example:3000/signin?next=/x', host)).toBeUndefined();
    expect(cameFrom('http://goalpost.example:3000/signup', host)).toBeUndefined();
    expect(cameFrom('http://goalpost.example:3000/%2F%2Fevil.example', host)).toBeUndefined();
  });
});
