'use client';
import { acceptCoInstructorInviteAction } from '@/lib/actions/classes';
import { OneButtonForm } from '@/components/ui/form';

/** The co-instructor invite's one button: the token is already in the link. */
export function AcceptInviteForm({ token }: { token: string }) {
  return (
    <OneButtonForm
      action={acceptCoInstructorInviteAction}
      name="token"
      value={token}
      label="Accept and co-teach"
      pendingLabel="Accepting…"
    />
  );
}
