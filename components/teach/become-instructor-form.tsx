'use client';
import { useActionState, useId, useState, type FormEvent } from 'react';
import { becomeInstructorAction } from '@/lib/actions/account';
import { becomeInstructorSchema } from '@/lib/actions/schemas';

/**
 * How a learner starts teaching: what changes, one box to tick, one button. On /teach it is open; on /account it
 * opens from a button. The action checks the same schema.
 */
export function BecomeInstructorForm({ collapsed = false }: { collapsed?: boolean }) {
  const id = useId();
  const [open, setOpen] = useState(!collapsed);
  const [state, action, pending] = useActionState(becomeInstructorAction, null);
  const [clientError, setClientError] = useState<string | null>(null);
  const error = clientError ?? state?.fieldErrors?.confirm?.join(' ') ?? null;

  if (!open)
    return (
      <button type="button" className="button button--ghost" onClick={() => setOpen(true)}>
        Become an instructor…
      </button>
    );

  function check(e: FormEvent<HTMLFormElement>) {
    const parsed = becomeInstructorSchema.safeParse({ confirm: new FormData(e.currentTarget).get('confirm') ?? undefined });
    if (parsed.success) return setClientError(null);
    e.preventDefault();
    setClientError(parsed.error.issues[0]?.message ?? 'Tick the box to confirm.');
  }

  return (
    <form action={action} onSubmit={check} className="form" noValidate aria-label="Become an instructor">
      <div>
        <p>As an instructor you can:</p>
        <ul>
          <li>create classes and share a join code or invite link with your learners;</li>
          <li>set chapters, practice drills and reviews as assignments with due dates;</li>
          <li>
            see how the learners who join your classes are doing: the roster, the gradebook, item statistics and the cases they mix up.
          </li>
        </ul>
        <p>
          Your own answers, reviews and classes you joined stay as they are. Anyone may run a class with this open course, so there is no
          approval step; you stay signed in.
        </p>
      </div>
      {state?.message && !state.ok && !state.fieldErrors && (
        <p role="alert" className="alert alert--error">
          {state.message}
        </p>
      )}
      <div>
        <label htmlFor={`${id}-confirm`} style={{ display: 'inline-flex', gap: '0.5rem', alignItems: 'center', minHeight: 44 }}>
          <input
            id={`${id}-confirm`}
            type="checkbox"
            name="confirm"
            value="yes"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={() => setClientError(null)}
          />
          I want to run classes with this account.
        </label>
        {error && (
          <p id={`${id}-error`} role="alert" className="alert alert--error" style={{ marginTop: '0.5rem' }}>
            {error}
          </p>
        )}
      </div>
      <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Switching your account…' : 'Become an instructor'}
        </button>
        {collapsed && (
          <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>
            Not now
          </button>
        )}
      </div>
    </form>
  );
}
