import 'server-only';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';
import { PrismaAdapter } from '@auth/prisma-adapter';
import { db } from '../db/client';
import { findUserForSignIn, getUserById } from '../db/users';
import { clearSignInFailures, recordSignInFailure, signInThrottle } from '../db/throttle';
import { env, oauth } from '../env';
import { now } from '../clock';
import { dummyPasswordHash, verifyPassword } from './password';
import { signInSchema } from './schemas';
import { clientIp } from './ip';

export class ThrottledSignIn extends CredentialsSignin {
  code = 'throttled';
}

const providers: NextAuthConfig['providers'] = [
  Credentials({
    credentials: { email: {}, password: {} },
    async authorize(raw, request) {
      const parsed = signInSchema.safeParse(raw);
      if (!parsed.success) return null;
      const { email, password } = parsed.data;
      const ip = clientIp(request.headers);
      const t = await now();
      if ((await signInThrottle(email, ip, t)).limited) throw new ThrottledSignIn();
      const user = await findUserForSignIn(email);
      // Unknown email and wrong password take the same path and the same time.
      const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
      if (!user || !user.passwordHash || !ok) {
        await recordSignInFailure(email, ip, t);
        return null;
      }
      await clearSignInFailures(email);
      return { id: user.id, name: user.name, email: user.email };
    },
  }),
];
if (oauth.github) providers.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
if (oauth.google) providers.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));

export const { handlers, auth, signIn, signOut } = NextAuth({
  // The adapter stores OAuth users and accounts; sessions are JWTs so credentials sign-in needs no session rows.
  adapter: PrismaAdapter(db),
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  secret: env.AUTH_SECRET,
  providers,
  pages: { signIn: '/signin' },
  callbacks: {
    async jwt({ token, user }) {
      if (user?.id) {
        const u = await getUserById(user.id);
        if (u) {
          token.sub = u.id;
          token.sv = u.sessionVersion;
        }
        return token;
      }
      // Every later read of the session: if the account is gone or its session version has moved on (sign-out,
      // password or role change), the session ends here and its cookie is cleared, so the header's "signed in as"
      // (/api/auth/session) agrees with requireUser(), which checks the same again next to the data.
      const u = token.sub ? await getUserById(token.sub) : null;
      if (!u || token.sv !== u.sessionVersion) return null;
      return token;
    },
    async session({ session, token }) {
      if (token.sub) {
        (session.user as { id?: string }).id = token.sub;
        (session as unknown as { sv?: unknown }).sv = token.sv;
      }
      return session;
    },
  },
});
