import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { OAuthButtons } from '@/components/auth/oauth-buttons';
import { currentUser } from '@/lib/auth/session';
import { cameFrom, safeNext } from '@/lib/auth/schemas';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const nextPath = typeof next === 'string' ? safeNext(next) : undefined;
  if (await currentUser()) redirect(nextPath ?? '/account');
  const h = await headers();
  // "Create an account" from here goes back to the page that sent them to sign in, when it is this site's.
  const signUpNext = nextPath ?? cameFrom(h.get('referer'), h.get('host'));
  return (
    <div className="page narrow">
      <h1>Sign in</h1>
      <p className="muted">Your quiz results and review schedule are saved to your account.</p>
      <SignInForm next={nextPath} signUpNext={signUpNext} />
      <OAuthButtons />
    </div>
  );
}
