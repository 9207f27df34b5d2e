import { z } from 'zod';
import { passwordStrength } from './password-strength';

// Shared by the actions (the check that counts) and the forms, which show these messages beside the field.
const codePoints = (s: string) => [...s].length;

const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .min(1, 'Enter your email address.')
  .max(254, 'That email address is too long.')
  .pipe(z.email({ error: 'Enter an email address like name@example.com.' }))
  .transform((e) => e.toLowerCase());

const passwordSchema = z.string({ error: 'Enter a password.' }).superRefine((p, ctx) => {
  const n = codePoints(p);
  if (n < 8) return void ctx.addIssue({ code: 'custom', message: 'Use at least 8 characters.' });
  if (n > 128) return void ctx.addIssue({ code: 'custom', message: 'Use at most 128 characters.' });
  // Common and guessable passwords (password, 12345678, qwertyuiop…) are refused, saying why.
  const verdict = passwordStrength(p);
  if (!verdict.ok) ctx.addIssue({ code: 'custom', message: verdict.message });
});

export const signUpSchema = z
  .object({
    name: z.string({ error: 'Enter your name.' }).trim().min(1, 'Enter your name.').max(80, 'Keep your name under 80 characters.'),
    email: emailSchema,
    password: passwordSchema,
    role: z.enum(['learner', 'instructor'], { error: 'Choose learner or instructor.' }).default('learner'),
    next: z.string().optional(),
  })
  .check((ctx) => {
    // A password made of the person's own name or email is among the first things tried. Judged only once every
    // field is valid, so a password already refused above is not refused twice.
    if (ctx.issues.length > 0) return;
    const verdict = passwordStrength(ctx.value.password, [ctx.value.name, ctx.value.email]);
    if (!verdict.ok) ctx.issues.push({ code: 'custom', path: ['password'], message: verdict.message, input: ctx.value.password });
  });

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(1024),
  next: z.string().optional(),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: 'Enter your current password.' }).min(1, 'Enter your current password.').max(1024),
    newPassword: passwordSchema,
    confirmPassword: z.string({ error: 'Type the new password again.' }).min(1, 'Type the new password again.'),
  })
  .refine((v) => v.confirmPassword === v.newPassword, { path: ['confirmPassword'], message: 'The two new passwords do not match.' })
  .refine((v) => v.newPassword.normalize('NFC') !== v.currentPassword.normalize('NFC'), {
    path: ['newPassword'],
    message: 'Choose a password different from your current one.',
  });

/**
 * Where to send someone after signing in: only a path on this site. The value is parsed as a URL against a
 * placeholder origin and kept only if it stays there; anything a browser might read as another host is refused:
 * control characters (browsers drop tabs and newlines, so "/\t/evil.example" becomes "//evil.example"),
 * backslashes (read as slashes), percent-encoded slashes, backslashes or control characters, and paths that
 * normalise to "//" ("/..//evil.example"). The result is the URL's own serialisation, never the raw input.
 */
export function safeNext(next: string | undefined | null, fallback = '/account'): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2048) return fallback;
  if (/[\u0000-\u001f\u007f-\u009f\\]/.test(next)) return fallback;
  if (/%(2f|5c|[01][0-9a-f]|7f)/i.test(next)) return fallback;
  if (!next.startsWith('/') || next.startsWith('//')) return fallback;
  const origin = 'http://next.invalid';
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin || url.pathname.startsWith('//')) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * The page someone came from, when a link to sign-up or sign-in did not say (`next`): the Referer, kept only when it
 * is this site (same host as the request) and not a sign-in or sign-up page itself, then passed through safeNext.
 */
export function cameFrom(referer: string | null | undefined, host: string | null | undefined): string | undefined {
  if (!referer || !host) return undefined;
  let url: URL;
  try {
    url = new URL(referer);
  } catch {
    return undefined;
  }
  if (url.host !== host || !/^https?:$/.test(url.protocol)) return undefined;
  if (/^\/(signin|signup)(\/|$)/.test(url.pathname)) return undefined;
  const path = safeNext(`${url.pathname}${url.search}`, '');
  return path || undefined;
}
