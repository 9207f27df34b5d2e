import { z } from 'zod';

// Shared by the forms (client hints) and the actions (the check that counts).
const codePoints = (s: string) => [...s].length;

export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .min(1, 'Enter your email address.')
  .max(254, 'That email address is too long.')
  .pipe(z.email({ error: 'Enter an email address like name@example.com.' }))
  .transform((e) => e.toLowerCase());

export const passwordSchema = z
  .string({ error: 'Enter a password.' })
  .refine((p) => codePoints(p) >= 8, 'Use at least 8 characters.')
  .refine((p) => codePoints(p) <= 128, 'Use at most 128 characters.');

export const signUpSchema = z.object({
  name: z
    .string({ error: 'Enter your name.' })
    .trim()
    .min(1, 'Enter your name.')
    .max(80, 'Keep your name under 80 characters.'),
  email: emailSchema,
  password: passwordSchema,
  role: z.enum(['learner', 'instructor'], { error: 'Choose learner or instructor.' }).default('learner'),
  next: z.string().optional(),
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

/** Only same-site relative paths are allowed as a post-sign-in destination. */
export function safeNext(next: string | undefined, fallback = '/account'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
