'use server';
import { headers } from 'next/headers';
import { AuthError } from 'next-auth';
import { z } from 'zod';
import { signIn, signOut } from './config';
import { hashPassword, verifyPassword } from './password';
import { changePasswordSchema, safeNext, signInSchema, signUpSchema } from './schemas';
import { currentUser, requireUser } from './session';
import { bumpSessionVersion, createUser, EmailTakenError, findUserForSignIn, updatePasswordHash } from '../db/users';
import { clearSignInFailures, recordSignInFailure, signInThrottle, signUpThrottle } from '../db/throttle';
import { now } from '../clock';
import { clientIp } from './ip';
import { defineAction, withValues, type ActionResult } from '../actions/safe-action';

const GENERIC_SIGN_IN_ERROR = 'That email and password do not match an account. Check them and try again.';
// Said for a taken email whose password does not match: it must not confirm that the email is registered.
const GENERIC_SIGN_UP_ERROR = 'We could not create an account with these details. If you already have an account, sign in instead.';

const minutesText = (seconds: number) => {
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
};

async function throttledMessage(email: string, ip: string | null, t: Date): Promise<string | null> {
  const state = await signInThrottle(email, ip, t);
  if (!state.limited) return null;
  return `Too many failed attempts. For your security, wait ${minutesText(state.retryAfterSeconds)} and try again.`;
}

const runSignIn = defineAction(signInSchema, async ({ email, password, next }): Promise<ActionResult> => {
  const ip = clientIp(await headers());
  const limited = await throttledMessage(email, ip, await now());
  if (limited) return { ok: false, status: 429, message: limited };
  try {
    await signIn('credentials', { email, password, redirectTo: safeNext(next) });
  } catch (e) {
    if (e instanceof AuthError) {
      return { ok: false, status: 401, message: (await throttledMessage(email, ip, await now())) ?? GENERIC_SIGN_IN_ERROR };
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
const runSignUp = defineAction(signUpSchema, async ({ name, email, password, role, next }): Promise<ActionResult> => {
  const ip = clientIp(await headers());
  const t = await now();
  const limit = await signUpThrottle(ip, t);
  if (limit.limited) {
    return {
      ok: false,
      status: 429,
      message: `Too many sign-up attempts from your network. Wait ${minutesText(limit.retryAfterSeconds)} and try again, or sign in if you already have an account.`,
    };
  }
  const passwordHash = await hashPassword(password);
  let created = true;
  try {
    await createUser({ name, email, passwordHash, role });
  } catch (e) {
    if (!(e instanceof EmailTakenError)) throw e;
    created = false;
  }
  // Failed sign-ins recorded before this account existed were not guesses at its password.
  if (created) await clearSignInFailures(email);
  try {
    await signIn('credentials', { email, password, redirectTo: safeNext(next) });
  } catch (e) {
    if (!(e instanceof AuthError)) throw e; // the redirect on success
    if (created) {
      return { ok: false, status: 429, message: 'Your account is ready, but too many sign-in attempts came from your network just now. Wait a few minutes, then sign in.' };
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
const runChangePassword = defineAction(changePasswordSchema, async ({ currentPassword, newPassword }): Promise<ActionResult> => {
  const user = await requireUser();
  const ip = clientIp(await headers());
  const t = await now();
  const limited = await throttledMessage(user.email, ip, t);
  if (limited) return { ok: false, status: 429, message: limited };
  const record = await findUserForSignIn(user.email);
  if (!record?.passwordHash) {
    return { ok: false, status: 400, message: 'This account signs in with GitHub or Google, so it has no password to change here.' };
  }
  if (!(await verifyPassword(currentPassword, record.passwordHash))) {
    await recordSignInFailure(user.email, ip, t);
    return {
      ok: false,
      status: 400,
      message: (await throttledMessage(user.email, ip, t)) ?? 'Your current password is not right, so nothing was changed.',
      fieldErrors: { currentPassword: ['That is not your current password.'] },
    };
  }
  await updatePasswordHash(user.id, await hashPassword(newPassword));
  try {
    await signIn('credentials', { email: user.email, password: newPassword, redirect: false });
  } catch (e) {
    if (!(e instanceof AuthError)) throw e;
    return { ok: false, status: 401, message: 'Your password has been changed. Sign in again with the new one.' };
  }
  return { ok: true, message: 'Your password has been changed. Every other session of this account has been signed out.' };
});

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
