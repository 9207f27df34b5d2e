'use client';
import { useActionState, useState } from 'react';
import { deleteAccountAction } from '@/lib/actions/account';
import { Field } from '@/components/ui/field';

export function DeleteAccountForm({ email }: { email: string }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(deleteAccountAction, null);
  if (!open)
    return (
      <button type="button" className="button button--ghost" onClick={() => setOpen(true)}>
        Delete my account…
      </button>
    );
  return (
    <form action={action} className="form" noValidate>
      <p>
        This deletes your account and everything in it: answers, review schedule, progress, imported scenario sets, and any classes you own.
        It cannot be undone. Export your data first if you want a copy.
      </p>
      <Field name="confirmEmail" label={`Type ${email} to confirm`} autoComplete="off" errors={state?.fieldErrors?.confirmEmail} />
      {state?.message && !state.ok && (
        <p role="alert" className="alert alert--error">
          {state.message}
        </p>
      )}
      <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
        <button type="submit" className="button" style={{ background: 'var(--bad)', borderColor: 'var(--bad)' }} disabled={pending}>
          {pending ? 'Deleting…' : 'Delete everything'}
        </button>
        <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>
          Keep my account
        </button>
      </div>
    </form>
  );
}
