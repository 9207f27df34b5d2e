'use client';
import { useActionState } from 'react';
import { createClassAction } from '@/lib/actions/classes';
import { Field } from '@/components/ui/field';
import { FormAlert, SubmitButton } from '@/components/ui/form';

/** Creates a class; on success the action goes straight to the new class's page. */
export function CreateClassForm() {
  const [state, action, pending] = useActionState(createClassAction, null);
  return (
    <form action={action} className="form" noValidate aria-labelledby="create-class-h">
      <FormAlert state={state} />
      <Field
        name="title"
        label="Class name"
        hint="Learners see this name when they join, e.g. “AI safety seminar, spring term”."
        defaultValue={state?.values?.title}
        required
        maxLength={120}
        errors={state?.fieldErrors?.title}
      />
      <SubmitButton pending={pending} label="Create class" pendingLabel="Creating…" />
    </form>
  );
}
