import { describe, expect, it } from 'vitest';
import { clearSignInFailures, recordSignInFailure, SIGN_UP_LIMIT, signInThrottle, signUpThrottle, THROTTLE } from '../../lib/db/throttle';
import { db } from '../../lib/db/client';

const t0 = new Date('2026-01-01T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('sign-in throttling', () => {
  it('limits an email after repeated failures, and lifts it once the window has passed', async () => {
    const email = 'target@example.com';
    for (let i = 0; i < THROTTLE.maxPerEmail - 1; i++) await recordSignInFailure(email, '198.51.100.1', at(i * 1000));
    expect((await signInThrottle(email, '198.51.100.1', at(10_000))).limited).toBe(false);
    await recordSignInFailure(email, '198.51.100.1', at(5000));
    const limited = await signInThrottle(email, '198.51.100.2', at(10_000));
    expect(limited.limited).toBe(true);
    expect(limited.retryAfterSeconds).toBeGreaterThan(0);
    // Not locked out for good: after the window the owner can try again.
    expect((await signInThrottle(email, '198.51.100.2', at(THROTTLE.windowMs + 6000))).limited).toBe(false);
  });

  it('limits an address that guesses across many emails', async () => {
    const ip = '203.0.113.50';
    for (let i = 0; i < THROTTLE.maxPerIp; i++) await recordSignInFailure(`user${i}@example.com`, ip, at(i));
    expect((await signInThrottle('fresh@example.com', ip, at(100))).limited).toBe(true);
    expect((await signInThrottle('fresh@example.com', '203.0.113.51', at(100))).limited).toBe(false);
  });

  it('a successful sign-in clears the email counter', async () => {
    const email = 'clear@example.com';
    for (let i = 0; i < THROTTLE.maxPerEmail; i++) await recordSignInFailure(email, null, at(i));
    expect((await signInThrottle(email, null, at(10))).limited).toBe(true);
    await clearSignInFailures(email);
    expect((await signInThrottle(email, null, at(10))).limited).toBe(false);
  });
});

describe('sign-up throttling', () => {
  it('limits sign-up attempts per address, says when to come back, and lifts after the window', async () => {
    const ip = '198.51.100.77';
    for (let i = 0; i < SIGN_UP_LIMIT.maxPerIp; i++) expect((await signUpThrottle(ip, at(i * 1000))).limited).toBe(false);
    const refused = await signUpThrottle(ip, at(60_000));
    expect(refused.limited).toBe(true);
    // The oldest counted attempt (at 0 s) leaves the window one hour later.
    expect(refused.retryAfterSeconds).toBe(SIGN_UP_LIMIT.windowMs / 1000 - 60);
    // A refused attempt is not counted, so being refused does not extend the wait.
    expect(await db.rateLimitHit.count({ where: { key: `signup:ip:${ip}` } })).toBe(SIGN_UP_LIMIT.maxPerIp);
    // Another address is not affected.
    expect((await signUpThrottle('198.51.100.78', at(60_000))).limited).toBe(false);
    // Once the first attempt is more than an hour old there is room again.
    expect((await signUpThrottle(ip, at(SIGN_UP_LIMIT.windowMs + 500))).limited).toBe(false);
  });
});
