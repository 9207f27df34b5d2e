'use client';
import { useActionState } from 'react';
import { joinClassAction } from '@/lib/actions/classes';
import { Field } from '@/components/ui/field';

/** Join by typing the code; case, spaces and dashes do not matter (the action normalises it). */
export function JoinByCodeForm() {
  const [state, action, pending] = useActionState(joinClassAction, null);
  return (
    <form action={action} className="form" noValidate>
      {state?.message && !state.ok && (
        <div role="alert" className="alert alert--error">
          {state.message}
        </div>
      )}
      <Field
        name="code"
        label="Class code"
        hint="10 letters and digits from your teacher, like 7KQ2M-9XH4C."
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={40}
        defaultValue={state?.values?.code}
        errors={state?.fieldErrors?.code}
        required
      />
      <div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Joining…' : 'Join class'}
        </button>
      </div>
    </form>
  );
}

/** The invite link's one button: the code is already known. */
export function JoinInviteForm({ code, title }: { code: string; title: string }) {
  const [state, action, pending] = useActionState(joinClassAction, null);
  return (
    <form action={action} className="form">
      {state?.message && !state.ok && (
        <div role="alert" className="alert alert--error">
          {state.message}
        </div>
      )}
      <input type="hidden" name="code" value={code} />
      <div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Joining…' : `Join ${title}`}
        </button>
      </div>
    </form>
  );
}
