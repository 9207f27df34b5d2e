'use server';
import { headers } from 'next/headers';
import { AuthError } from 'next-auth';
import { z } from 'zod';
import { signIn, signOut } from './config';
import { hashPassword } from './password';
import { safeNext, signInSchema, signUpSchema } from './schemas';
import { createUser, EmailTakenError } from '../db/users';
import { signInThrottle } from '../db/throttle';
import { clientIp } from './ip';
import { defineAction, withValues, type ActionResult } from '../actions/safe-action';

const GENERIC_SIGN_IN_ERROR = 'That email and password do not match an account. Check them and try again.';

async function throttledMessage(email: string): Promise<string | null> {
  const state = await signInThrottle(email, clientIp(await headers()));
  if (!state.limited) return null;
  const minutes = Math.ceil(state.retryAfterSeconds / 60);
  return `Too many failed attempts. For your security, wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`;
}

const runSignIn = defineAction(signInSchema, async ({ email, password, next }): Promise<ActionResult> => {
  const limited = await throttledMessage(email);
  if (limited) return { ok: false, status: 429, message: limited };
  try {
    await signIn('credentials', { email, password, redirectTo: safeNext(next) });
  } catch (e) {
    if (e instanceof AuthError) {
      return { ok: false, status: 401, message: (await throttledMessage(email)) ?? GENERIC_SIGN_IN_ERROR };
    }
    throw e; // the redirect on success
  }
  return { ok: true };
});

const runSignUp = defineAction(signUpSchema, async ({ name, email, password, role, next }): Promise<ActionResult> => {
  const passwordHash = await hashPassword(password);
  try {
    await createUser({ name, email, passwordHash, role });
  } catch (e) {
    if (e instanceof EmailTakenError) {
      return {
        ok: false,
        status: 409,
        message: 'An account with this email already exists. Sign in instead, or use another email.',
        fieldErrors: { email: ['An account with this email already exists.'] },
      };
    }
    throw e;
  }
  await signIn('credentials', { email, password, redirectTo: safeNext(next) });
  return { ok: true };
});

export async function signInAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return withValues(formData, await runSignIn(formData));
}

export async function signUpAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return withValues(formData, await runSignUp(formData));
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}

const providerSchema = z.object({ provider: z.enum(['github', 'google']) });
export async function oauthSignInAction(formData: FormData): Promise<void> {
  // A hand-made request may send something other than the form (it used to crash with a 500).
  const parsed = providerSchema.safeParse({ provider: formData instanceof FormData ? formData.get('provider') : undefined });
  if (!parsed.success) return;
  await signIn(parsed.data.provider, { redirectTo: '/account' });
}
