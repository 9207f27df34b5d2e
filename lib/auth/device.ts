import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { env } from '../env';

// A "device cookie" (OWASP, Slow Down Online Guessing Attacks with Device Cookies): after a successful sign-in the
// browser keeps a signed token naming the account. A sign-in attempt that presents it is counted in that device's
// own budget, so failures from anyone else (even from the same network) never refuse or slow the owner's usual
// browser. It proves only that this browser signed in to this account before; it grants no access by itself.

export const DEVICE_COOKIE = 'goalpost-device';
export const DEVICE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

function mac(secret: string, email: string, nonce: string): Buffer {
  return createHmac('sha256', secret).update(`goalpost-device\u0000${email}\u0000${nonce}`).digest();
}

/** A new device token for `email` (normalised), or null when no secret is configured. */
export function newDeviceToken(email: string, secret = env.AUTH_SECRET): string | null {
  if (!secret) return null;
  const nonce = randomBytes(12).toString('base64url');
  return `${nonce}.${mac(secret, email, nonce).toString('base64url')}`;
}

/** The device's id when `token` was issued for `email` by this server; null otherwise. */
export function deviceIdFor(email: string, token: string | undefined | null, secret = env.AUTH_SECRET): string | null {
  if (!secret || !token || token.length > 200) return null;
  const [nonce, sig] = token.split('.');
  if (!nonce || !sig || !/^[\w-]{16}$/.test(nonce)) return null;
  const given = Buffer.from(sig, 'base64url');
  const expected = mac(secret, email, nonce);
  return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : null;
}

/** The device cookie's value from a Cookie header. */
export function deviceCookieFrom(cookieHeader: string | null): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === DEVICE_COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}
