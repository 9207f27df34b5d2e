'use client';
import { useActionState } from 'react';

/** The shape every action returns that a form shows (see lib/actions/safe-action.ts ActionResult). */
interface ShownResult {
  ok: boolean;
  message?: string;
}

/** A failed action's message, announced; nothing while the form has not failed. */
export function FormAlert({ state }: { state: ShownResult | null | undefined }) {
  if (!state?.message || state.ok) return null;
  return (
    <div role="alert" className="alert alert--error">
      {state.message}
    </div>
  );
}

/** A form that is one button: the value it sends is already known (an invite code or token in the link). */
export function OneButtonForm<R extends ShownResult>({
  action: serverAction,
  name,
  value,
  label,
  pendingLabel,
}: {
  action: (prev: R | null, formData: FormData) => Promise<R>;
  name: string;
  value: string;
  label: string;
  pendingLabel: string;
}) {
  const [state, action, pending] = useActionState(serverAction, null);
  return (
    <form action={action} className="form">
      <FormAlert state={state} />
      <input type="hidden" name={name} value={value} />
      <SubmitButton pending={pending} label={label} pendingLabel={pendingLabel} />
    </form>
  );
}

/** A form's submit button, which says what it is doing while the action runs. */
export function SubmitButton({ pending, label, pendingLabel }: { pending: boolean; label: string; pendingLabel: string }) {
  return (
    <div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
    </div>
  );
}

/** A settings form's outcome, success or failure, in one polite live region that is always in the page. */
export function FormStatus({ state }: { state: ShownResult | null | undefined }) {
  return (
    <p
      role="status"
      aria-live="polite"
      className={state?.ok ? 'alert alert--ok' : state?.message ? 'alert alert--error' : 'visually-hidden'}
    >
      {state?.message}
    </p>
  );
}

/** An inline error in a client form (a failed save, a bad file), announced when it appears; styled by the caller. */
export function InlineError({ message, className }: { message: string | null | undefined; className?: string }) {
  if (!message) return null;
  return (
    <p className={className} role="alert">
      {message}
    </p>
  );
}
