'use server';
import { cookies, headers } from 'next/headers';
import { AuthError, CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { signIn, signOut } from './config';
import { HASH_BUSY_RETRY_SECONDS, HashBusyError, hashingAtCapacity, hashPassword, holdBusyAnswer, verifyPassword } from './password';
import { changePasswordSchema, safeNext, signInSchema, signUpSchema } from './schemas';
import { currentUser } from './session';
import { bumpSessionVersion, createUser, EmailTakenError, findUserForSignIn, updatePasswordHash } from '../db/users';
import { clearSignInFailures, recordSignInFailure, signInThrottle, signUpThrottle, type SignInSource } from '../db/throttle';
import { now } from '../clock';
import { clientAddress } from './ip';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE, deviceIdFor, newDeviceToken } from './device';
import { defineAction, withValues, type ActionResult } from '../actions/safe-action';
import { WELCOME_COOKIE } from './welcome';

const GENERIC_SIGN_IN_ERROR = 'That email and password do not match an account. Check them and try again.';
// Said for a taken email whose password does not match: it must not confirm that the email is registered.
const GENERIC_SIGN_UP_ERROR = 'We could not create an account with these details. If you already have an account, sign in instead.';

const minutesText = (seconds: number) => {
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
};

const BUSY: ActionResult = {
  ok: false,
  status: 503,
  message: `Sign-in is very busy right now, so nothing was checked. Wait ${HASH_BUSY_RETRY_SECONDS} seconds and try again.`,
};

const isBusy = (e: unknown) => e instanceof HashBusyError || (e instanceof CredentialsSignin && e.code === 'busy');

/** This request's source for the sign-in limits: its device cookie for this account if it has one, else its address. */
async function signInSource(email: string): Promise<SignInSource> {
  return { address: clientAddress(await headers()), deviceId: deviceIdFor(email, (await cookies()).get(DEVICE_COOKIE)?.value) };
}

/** After a successful sign-in: this browser is now a known device of the account (lib/auth/device.ts). */
async function rememberDevice(email: string): Promise<void> {
  const token = newDeviceToken(email);
  if (!token) return;
  const https = (await headers()).get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
  (await cookies()).set(DEVICE_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: https, path: '/', maxAge: DEVICE_COOKIE_MAX_AGE });
}

/** signIn() ends in a redirect (thrown) when it succeeds; remember the device on the way out. */
async function signInAndRemember(email: string, password: string, redirectTo: string): Promise<void> {
  try {
    await signIn('credentials', { email, password, redirectTo });
  } catch (e) {
    const digest = (e as { digest?: unknown } | null)?.digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) await rememberDevice(email);
    throw e;
  }
}

async function throttledMessage(email: string, source: SignInSource, t: Date): Promise<string | null> {
  const state = await signInThrottle(email, source, t);
  if (!state.limited) return null;
  return `Too many failed attempts. For your security, wait ${minutesText(state.retryAfterSeconds)} and try again.`;
}

const runSignIn = defineAction(signInSchema, { auth: 'public' }, async ({ email, password, next }): Promise<ActionResult> => {
  if (hashingAtCapacity()) {
    await holdBusyAnswer();
    return BUSY;
  }
  const source = await signInSource(email);
  const limited = await throttledMessage(email, source, await now());
  if (limited) return { ok: false, status: 429, message: limited };
  try {
    await signInAndRemember(email, password, safeNext(next));
  } catch (e) {
    if (isBusy(e)) return BUSY;
    if (e instanceof AuthError) {
      return { ok: false, status: 401, message: (await throttledMessage(email, source, await now())) ?? GENERIC_SIGN_IN_ERROR };
    }
    throw e; // the redirect on success
  }
  return { ok: true };
});

/**
 * Sign-up without email verification cannot hide whether an email is registered (the account is either created or
 * not), so it gives away as little as it can: a taken email whose password matches simply signs that person in (they
 * already have the account they asked for); any other taken email gets a neutral message. Every outcome costs the
 * same (one scrypt hash, then one scrypt verify inside signIn), a wrong password for a taken email counts as a failed
 * sign-in, and attempts are limited per address so emails cannot be checked in bulk.
 */
const runSignUp = defineAction(signUpSchema, { auth: 'public' }, async ({ name, email, password, role, next }): Promise<ActionResult> => {
  const t = await now();
  const limit = await signUpThrottle(clientAddress(await headers()), t);
  if (limit.limited) {
    return {
      ok: false,
      status: 429,
      message: `Too many sign-up attempts from your network. Wait ${minutesText(limit.retryAfterSeconds)} and try again, or sign in if you already have an account.`,
    };
  }
  let passwordHash: string;
  try {
    passwordHash = await hashPassword(password);
  } catch (e) {
    if (isBusy(e)) return BUSY;
    throw e;
  }
  let created = true;
  try {
    await createUser({ name, email, passwordHash, role });
  } catch (e) {
    if (!(e instanceof EmailTakenError)) throw e;
    created = false;
  }
  // Failed sign-ins recorded before this account existed were not guesses at its password.
  if (created) await clearSignInFailures(email);
  // The page they return to greets them once and says what to do next (components/account/welcome-banner.tsx).
  if (created) (await cookies()).set(WELCOME_COOKIE, role, { sameSite: 'lax', path: '/', maxAge: 600 });
  try {
    await signInAndRemember(email, password, safeNext(next));
  } catch (e) {
    if (!(e instanceof AuthError)) throw e; // the redirect on success
    if (isBusy(e))
      return created
        ? { ...BUSY, message: 'Your account is ready, but sign-in is very busy right now. Wait a few seconds, then sign in.' }
        : BUSY;
    if (created) {
      return {
        ok: false,
        status: 429,
        message: 'Your account is ready, but too many sign-in attempts came from your network just now. Wait a few minutes, then sign in.',
      };
    }
    return { ok: false, status: 400, message: GENERIC_SIGN_UP_ERROR };
  }
  return { ok: true };
});

/**
 * Changing the password checks the current one (failures count towards the sign-in throttle, so a borrowed session
 * cannot be used to guess it), stores the new hash and moves the session version on, which ends every session of
 * the account; then this browser signs in again with the new password, so it alone stays signed in.
 */
const runChangePassword = defineAction(
  changePasswordSchema,
  { auth: 'user' },
  async ({ currentPassword, newPassword }, { user }): Promise<ActionResult> => {
    const source = await signInSource(user.email);
    const t = await now();
    const limited = await throttledMessage(user.email, source, t);
    if (limited) return { ok: false, status: 429, message: limited };
    const record = await findUserForSignIn(user.email);
    if (!record?.passwordHash) {
      return { ok: false, status: 400, message: 'This account signs in with GitHub or Google, so it has no password to change here.' };
    }
    let newHash: string;
    try {
      if (!(await verifyPassword(currentPassword, record.passwordHash))) {
        await recordSignInFailure(user.email, source, t);
        return {
          ok: false,
          status: 400,
          message: (await throttledMessage(user.email, source, t)) ?? 'Your current password is not right, so nothing was changed.',
          fieldErrors: { currentPassword: ['That is not your current password.'] },
        };
      }
      newHash = await hashPassword(newPassword);
    } catch (e) {
      if (isBusy(e))
        return { ...BUSY, message: 'The server is very busy right now, so nothing was changed. Wait a few seconds and try again.' };
      throw e;
    }
    await updatePasswordHash(user.id, newHash);
    try {
      await signIn('credentials', { email: user.email, password: newPassword, redirect: false });
    } catch (e) {
      if (!(e instanceof AuthError)) throw e;
      return { ok: false, status: 401, message: 'Your password has been changed. Sign in again with the new one.' };
    }
    return { ok: true, message: 'Your password has been changed. Every other session of this account has been signed out.' };
  },
);

export async function signInAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return withValues(formData, await runSignIn(formData));
}

export async function signUpAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return withValues(formData, await runSignUp(formData));
}

export async function changePasswordAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runChangePassword(formData);
}

/**
 * A session is a signed token, so deleting the cookie alone would leave any copy of it working until it expires.
 * Signing out therefore moves the account's session version on: this session and every other one of the account end.
 */
export async function signOutAction(): Promise<void> {
  const user = await currentUser();
  if (user) await bumpSessionVersion(user.id);
  await signOut({ redirectTo: '/' });
}

const providerSchema = z.object({ provider: z.enum(['github', 'google']) });
export async function oauthSignInAction(formData: FormData): Promise<void> {
  // A hand-made request may send something other than the form (it used to crash with a 500).
  const parsed = providerSchema.safeParse({ provider: formData instanceof FormData ? formData.get('provider') : undefined });
  if (!parsed.success) return;
  await signIn(parsed.data.provider, { redirectTo: '/account' });
}
