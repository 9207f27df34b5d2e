'use client';
import { useActionState } from 'react';
import { changePasswordAction } from '@/lib/auth/actions';
import { Field } from '@/components/ui/field';
import { FormStatus, SubmitButton } from '@/components/ui/form';

export function ChangePasswordForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const fe = state?.fieldErrors;
  return (
    <form action={action} className="form" noValidate>
      {/* Tells password managers which account the new password belongs to. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        errors={fe?.currentPassword}
      />
      <Field
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="8 to 128 characters. Any characters work, including spaces and emoji; a long passphrase is best."
        required
        errors={fe?.newPassword}
      />
      <Field
        name="confirmPassword"
        label="New password again"
        type="password"
        autoComplete="new-password"
        required
        errors={fe?.confirmPassword}
      />
      <p className="muted" style={{ margin: 0 }}>
        Changing your password signs this account out everywhere else; this browser stays signed in.
      </p>
      <SubmitButton pending={pending} label="Change password" pendingLabel="Changing your password…" />
      <FormStatus state={state} />
    </form>
  );
}
