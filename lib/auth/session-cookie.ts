import 'server-only';
import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import { env } from '../env';

// Who is asking, read straight from the session cookie: the same JWE that next-auth sets, decrypted with the same
// secret and salt (the cookie's name), and remembered by its exact text. `auth()` would decrypt it and encrypt a
// renewed copy on every call; on the answer path that was most of a request's CPU. A remembered token is only
// trusted until its own expiry, and who the user is and whether the session still counts (its version) are
// re-read from the database on every request by currentUser.

const COOKIE_NAMES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;
const MAX_REMEMBERED = 10_000;

export interface SessionClaims {
  sub: string;
  sv: number | undefined;
  /** Seconds since the epoch. */
  exp: number;
}

const remembered = new Map<string, SessionClaims | null>();

function remember(key: string, value: SessionClaims | null) {
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  remembered.set(key, value);
}

/**
 * The session's claims; null when there is no valid session cookie; 'unreadable' when this shortcut cannot read it
 * (no secret configured, or a cookie split in chunks) and the caller should ask next-auth.
 */
export async function sessionClaims(): Promise<SessionClaims | null | 'unreadable'> {
  const secret = env.AUTH_SECRET;
  if (!secret) return 'unreadable';
  const jar = await cookies();
  for (const name of COOKIE_NAMES) {
    const token = jar.get(name)?.value;
    if (!token) {
      if (jar.has(`${name}.0`)) return 'unreadable';
      continue;
    }
    const key = `${name}\u0000${token}`;
    let claims = remembered.get(key);
    if (claims === undefined) {
      try {
        const payload = await decode({ token, secret, salt: name });
        claims =
          payload && typeof payload.sub === 'string' && typeof payload.exp === 'number'
            ? { sub: payload.sub, sv: typeof payload.sv === 'number' ? payload.sv : undefined, exp: payload.exp }
            : null;
      } catch {
        claims = null; // not ours, tampered with, or expired
      }
      remember(key, claims);
    }
    if (!claims || claims.exp * 1000 <= Date.now()) return null;
    return claims;
  }
  return null;
}
