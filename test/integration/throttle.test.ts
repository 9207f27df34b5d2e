import { describe, expect, it } from 'vitest';
import {
  clearSignInFailures,
  recordSignInFailure,
  SHARED_BUDGET_FACTOR,
  SIGN_UP_LIMIT,
  signInThrottle,
  signUpThrottle,
  slowDownMs,
  THROTTLE,
  type SignInSource,
} from '../../lib/db/throttle';
import { SHARED_ADDRESS } from '../../lib/auth/ip';
import { db } from '../../lib/db/client';

const t0 = new Date('2026-01-01T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const from = (ip: string): SignInSource => ({ address: { key: ip, trusted: true }, deviceId: null });
const device = (id: string, ip = '198.51.100.250'): SignInSource => ({ address: { key: ip, trusted: true }, deviceId: id });

describe('sign-in throttling', () => {
  it('refuses an (account, address) pair after repeated failures, and lifts it once the window has passed', async () => {
    const email = 'target@example.com';
    const attacker = from('198.51.100.1');
    for (let i = 0; i < THROTTLE.maxPerSource - 1; i++) await recordSignInFailure(email, attacker, at(i * 1000));
    expect((await signInThrottle(email, attacker, at(10_000))).limited).toBe(false);
    await recordSignInFailure(email, attacker, at(5000));
    const limited = await signInThrottle(email, attacker, at(10_000));
    expect(limited.limited).toBe(true);
    expect(limited.retryAfterSeconds).toBeGreaterThan(0);
    // Not locked out for good: after the window that address can try again.
    expect((await signInThrottle(email, attacker, at(THROTTLE.windowMs + 6000))).limited).toBe(false);
  });

  it("never refuses the owner for someone else's failures: other sources are slowed, a known device is not even slowed", async () => {
    const email = 'owner@example.com';
    // Three attackers fail five times each: each is refused for this account.
    for (const ip of ['203.0.113.1', '203.0.113.2', '203.0.113.3'])
      for (let i = 0; i < THROTTLE.maxPerSource; i++) await recordSignInFailure(email, from(ip), at(i));
    expect((await signInThrottle(email, from('203.0.113.1'), at(100))).limited).toBe(true);
    const owner = await signInThrottle(email, from('192.0.2.10'), at(100));
    expect(owner.limited).toBe(false);
    expect(owner.delayMs).toBe(THROTTLE.maxDelayMs);
    const usual = await signInThrottle(email, device('owner-phone', '203.0.113.1'), at(100));
    expect(usual).toEqual({ limited: false, retryAfterSeconds: 0, delayMs: 0 });
  });

  it('slows by doubling from the sixth failure, up to the cap', () => {
    expect([0, 4, 5, 6, 7, 9, 10, 50].map(slowDownMs)).toEqual([0, 0, 250, 500, 1000, 4000, 5000, 5000]);
  });

  it('refuses an address that guesses across many emails; another address is not affected', async () => {
    const ip = '203.0.113.50';
    for (let i = 0; i < THROTTLE.maxPerAddress; i++) await recordSignInFailure(`user${i}@example.com`, from(ip), at(i));
    expect((await signInThrottle('fresh@example.com', from(ip), at(100))).limited).toBe(true);
    expect((await signInThrottle('fresh@example.com', from('203.0.113.51'), at(100))).limited).toBe(false);
  });

  it('without a trusted address all clients share one budget, ten times an address', async () => {
    for (let i = 0; i < THROTTLE.maxPerAddress; i++)
      await recordSignInFailure(`shared${i}@example.com`, { address: SHARED_ADDRESS, deviceId: null }, at(i));
    expect((await signInThrottle('someone@example.com', { address: SHARED_ADDRESS, deviceId: null }, at(100))).limited).toBe(false);
    expect(await db.signInFailure.count({ where: { key: 'signin:addr:shared' } })).toBe(THROTTLE.maxPerAddress);
    expect(SHARED_BUDGET_FACTOR).toBe(10);
  });

  it('a successful sign-in clears that source only; a new account clears everything against its email', async () => {
    const email = 'clear@example.com';
    for (let i = 0; i < THROTTLE.maxPerSource; i++) await recordSignInFailure(email, from('192.0.2.1'), at(i));
    for (let i = 0; i < THROTTLE.maxPerSource; i++) await recordSignInFailure(email, from('192.0.2.2'), at(i));
    await clearSignInFailures(email, from('192.0.2.1'));
    expect((await signInThrottle(email, from('192.0.2.1'), at(10))).limited).toBe(false);
    expect((await signInThrottle(email, from('192.0.2.2'), at(10))).limited).toBe(true);
    await clearSignInFailures(email);
    expect((await signInThrottle(email, from('192.0.2.2'), at(10))).limited).toBe(false);
    expect(await db.signInFailure.count({ where: { key: { startsWith: `signin:account:${email}` } } })).toBe(0);
  });
});

describe('sign-up throttling', () => {
  it('limits sign-up attempts per address, says when to come back, and lifts after the window', async () => {
    const address = { key: '198.51.100.77', trusted: true };
    for (let i = 0; i < SIGN_UP_LIMIT.maxPerIp; i++) expect((await signUpThrottle(address, at(i * 1000))).limited).toBe(false);
    const refused = await signUpThrottle(address, at(60_000));
    expect(refused.limited).toBe(true);
    // The oldest counted attempt (at 0 s) leaves the window one hour later.
    expect(refused.retryAfterSeconds).toBe(SIGN_UP_LIMIT.windowMs / 1000 - 60);
    // A refused attempt is not counted, so being refused does not extend the wait.
    expect(await db.rateLimitHit.count({ where: { key: `signup:addr:${address.key}` } })).toBe(SIGN_UP_LIMIT.maxPerIp);
    // Another address is not affected.
    expect((await signUpThrottle({ key: '198.51.100.78', trusted: true }, at(60_000))).limited).toBe(false);
    // Once the first attempt is more than an hour old there is room again.
    expect((await signUpThrottle(address, at(SIGN_UP_LIMIT.windowMs + 500))).limited).toBe(false);
  });
});
