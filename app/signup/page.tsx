import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { currentUser } from '@/lib/auth/session';
import { cameFrom, safeNext } from '@/lib/auth/schemas';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const h = await headers();
  // Back to where they were: the link's `next`, or else the page that linked here (same site only).
  const nextPath = typeof next === 'string' ? safeNext(next) : cameFrom(h.get('referer'), h.get('host'));
  if (await currentUser()) redirect(nextPath ?? '/account');
  return (
    <div className="page narrow">
      <h1>Create an account</h1>
      <p className="muted">Free. Keeps your answers and your spaced-review schedule across devices.</p>
      <SignUpForm next={nextPath} />
    </div>
  );
}
