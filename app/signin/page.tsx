import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { OAuthButtons } from '@/components/auth/oauth-buttons';
import { currentUser } from '@/lib/auth/session';
import { safeNext } from '@/lib/auth/schemas';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const nextPath = typeof next === 'string' ? safeNext(next) : undefined;
  if (await currentUser()) redirect(nextPath ?? '/account');
  return (
    <div className="page narrow">
      <h1>Sign in</h1>
      <p className="muted">Your quiz results and review schedule are saved to your account.</p>
      <SignInForm next={nextPath} />
      <OAuthButtons />
    </div>
  );
}
