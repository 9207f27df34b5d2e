'use client';
import { useActionState } from 'react';
import { joinClassAction } from '@/lib/actions/classes';
import { Field } from '@/components/ui/field';
import { FormAlert, OneButtonForm, SubmitButton } from '@/components/ui/form';

/** Join by typing the code; case, spaces and dashes do not matter (the action normalises it). */
export function JoinByCodeForm() {
  const [state, action, pending] = useActionState(joinClassAction, null);
  return (
    <form action={action} className="form" noValidate>
      <FormAlert state={state} />
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
      <SubmitButton pending={pending} label="Join class" pendingLabel="Joining…" />
    </form>
  );
}

/** The invite link's one button: the code is already known. */
export function JoinInviteForm({ code, title }: { code: string; title: string }) {
  return <OneButtonForm action={joinClassAction} name="code" value={code} label={`Join ${title}`} pendingLabel="Joining…" />;
}
