'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { signUpAction } from '@/lib/auth/actions';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form';

export function SignUpForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState(signUpAction, null);
  const fe = state?.fieldErrors;
  return (
    <form action={action} className="form" noValidate>
      <FormAlert state={state} />
      <input type="hidden" name="next" value={next ?? ''} />
      <Field name="name" defaultValue={state?.values?.name} label="Name" autoComplete="name" required maxLength={80} errors={fe?.name} />
      <Field name="email" defaultValue={state?.values?.email} label="Email" type="email" autoComplete="email" required errors={fe?.email} />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="8 to 128 characters. Any characters work, including spaces and emoji; a long passphrase is best."
        required
        errors={fe?.password}
      />
      <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend>I am joining as</legend>
        <div className="radio-row">
          <label>
            <input type="radio" name="role" value="learner" defaultChecked={state?.values?.role !== 'instructor'} /> a learner
          </label>
          <label>
            <input type="radio" name="role" value="instructor" defaultChecked={state?.values?.role === 'instructor'} /> an instructor (I
            will run classes)
          </label>
        </div>
        {fe?.role && <span className="error">{fe.role.join(' ')}</span>}
      </fieldset>
      <button className="button" type="submit" disabled={pending}>
        {pending ? 'Creating your account…' : 'Create account'}
      </button>
      <p className="muted">
        Already have an account? <Link href={next ? `/signin?next=${encodeURIComponent(next)}` : '/signin'}>Sign in</Link>
      </p>
    </form>
  );
}
