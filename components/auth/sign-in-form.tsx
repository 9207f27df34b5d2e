'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { signInAction } from '@/lib/auth/actions';
import { Field } from '@/components/ui/field';

export function SignInForm({ next, signUpNext = next }: { next?: string; signUpNext?: string }) {
  const [state, action, pending] = useActionState(signInAction, null);
  return (
    <form action={action} className="form" noValidate aria-describedby={state?.message ? 'signin-error' : undefined}>
      {state?.message && !state.ok && (
        <div id="signin-error" role="alert" className="alert alert--error">
          {state.message}
        </div>
      )}
      <input type="hidden" name="next" value={next ?? ''} />
      <Field
        name="email"
        defaultValue={state?.values?.email}
        label="Email"
        type="email"
        autoComplete="email"
        required
        errors={state?.fieldErrors?.email}
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        errors={state?.fieldErrors?.password}
      />
      <button className="button" type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
      <p className="muted">
        New here? <Link href={signUpNext ? `/signup?next=${encodeURIComponent(signUpNext)}` : '/signup'}>Create an account</Link>
      </p>
    </form>
  );
}
