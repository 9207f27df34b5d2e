import 'server-only';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';
import { authAdapter } from '../db/auth-adapter';
import { bumpSessionVersion, findUserForSignIn, getUserById, replacePasswordHash } from '../db/users';
import { clearSignInFailures, recordSignInFailure, signInThrottle, type SignInSource } from '../db/throttle';
import { env, oauth } from '../env';
import { now } from '../clock';
import { dummyPasswordHash, HashBusyError, hashingAtCapacity, hashPassword, needsRehash, verifyPassword } from './password';
import { safeNext, signInSchema } from './schemas';
import { clientAddress } from './ip';
import { deviceCookieFrom, deviceIdFor } from './device';

async function upgradePasswordHash(userId: string, oldHash: string, password: string): Promise<void> {
  await replacePasswordHash(userId, oldHash, await hashPassword(password));
}

class ThrottledSignIn extends CredentialsSignin {
  code = 'throttled';
}

/** Every hashing slot was taken: refused before any hashing or query (lib/auth/password.ts). */
class BusySignIn extends CredentialsSignin {
  code = 'busy';
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const providers: NextAuthConfig['providers'] = [
  Credentials({
    credentials: { email: {}, password: {} },
    async authorize(raw, request) {
      if (hashingAtCapacity()) throw new BusySignIn();
      const parsed = signInSchema.safeParse(raw);
      if (!parsed.success) return null;
      const { email, password } = parsed.data;
      const source: SignInSource = {
        address: clientAddress(request.headers),
        deviceId: deviceIdFor(email, deviceCookieFrom(request.headers.get('cookie'))),
      };
      const t = await now();
      const throttle = await signInThrottle(email, source, t);
      if (throttle.limited) throw new ThrottledSignIn();
      // Someone has been failing against this account: an unfamiliar source waits (it is never refused for it).
      if (throttle.delayMs > 0) await sleep(throttle.delayMs);
      const user = await findUserForSignIn(email);
      let ok: boolean;
      try {
        // Unknown email and wrong password take the same path and the same time.
        ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
      } catch (e) {
        if (e instanceof HashBusyError) throw new BusySignIn();
        throw e;
      }
      if (!user || !user.passwordHash || !ok) {
        await recordSignInFailure(email, source, t);
        return null;
      }
      await clearSignInFailures(email, source);
      // Hashes made with older parameters are replaced while the password is at hand (if a slot is free now).
      if (needsRehash(user.passwordHash)) await upgradePasswordHash(user.id, user.passwordHash, password).catch(() => undefined);
      return { id: user.id, name: user.name, email: user.email };
    },
  }),
];
if (oauth.github) providers.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
if (oauth.google) providers.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));

export const { handlers, auth, signIn, signOut } = NextAuth({
  // The adapter stores OAuth users and accounts; sessions are JWTs so credentials sign-in needs no session rows.
  adapter: authAdapter(),
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  secret: env.AUTH_SECRET,
  providers,
  pages: { signIn: '/signin' },
  // A wrong password is an expected event, not a server error: logging each with a stack trace made a flood of
  // failing sign-ins cost far more than refusing them.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === 'CredentialsSignin') return;
      console.error('[auth][error]', error);
    },
  },
  events: {
    // Auth.js's own POST /api/auth/signout only deletes the cookie; a copy of a JWT session would live on. Moving
    // the session version on ends this session and every copy, as the app's sign-out action does (when the action
    // has already done so the token's version is stale and nothing more happens).
    async signOut(message) {
      const token = 'token' in message ? message.token : null;
      if (!token?.sub) return;
      const user = await getUserById(token.sub);
      if (user && token.sv === user.sessionVersion) await bumpSessionVersion(user.id);
    },
  },
  callbacks: {
    // Where Auth.js may send the browser (callbackUrl, redirectTo): only a same-origin path, checked like ?next=.
    redirect({ url, baseUrl }) {
      // A hand-made request can put anything in callbackUrl (an array, a number): only a string is considered.
      if (typeof url !== 'string') return baseUrl;
      let target: URL;
      try {
        target = new URL(url, baseUrl);
      } catch {
        return baseUrl;
      }
      if (target.origin !== new URL(baseUrl).origin) return baseUrl;
      return `${baseUrl.replace(/\/$/, '')}${safeNext(url.startsWith('/') ? url : `${target.pathname}${target.search}${target.hash}`, '/')}`;
    },
    async jwt({ token, user }) {
      if (user?.id) {
        const u = await getUserById(user.id);
        if (u) {
          token.sub = u.id;
          token.sv = u.sessionVersion;
          token.role = u.role;
        }
        return token;
      }
      // Every later read of the session: if the account is gone or its session version has moved on (sign-out,
      // password or role change), the session ends here and its cookie is cleared, so the header's "signed in as"
      // (/api/auth/session) agrees with requireUser(), which checks the same again next to the data.
      const u = token.sub ? await getUserById(token.sub) : null;
      if (!u || token.sv !== u.sessionVersion) return null;
      // The role is read with the account on every request anyway; the header shows "Teach" from it (client-side).
      token.role = u.role;
      return token;
    },
    async session({ session, token }) {
      if (token.sub) {
        (session.user as { id?: string }).id = token.sub;
        (session.user as { role?: unknown }).role = token.role === 'instructor' ? 'instructor' : 'learner';
        (session as unknown as { sv?: unknown }).sv = token.sv;
      }
      return session;
    },
  },
});
