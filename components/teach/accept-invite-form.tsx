'use client';
import { useActionState } from 'react';
import { acceptCoInstructorInviteAction } from '@/lib/actions/classes';

/** The co-instructor invite's one button: the token is already in the link. */
export function AcceptInviteForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(acceptCoInstructorInviteAction, null);
  return (
    <form action={action} className="form">
      {state?.message && !state.ok && (
        <div role="alert" className="alert alert--error">
          {state.message}
        </div>
      )}
      <input type="hidden" name="token" value={token} />
      <div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Accepting…' : 'Accept and co-teach'}
        </button>
      </div>
    </form>
  );
}
