'use client';
import { useActionState } from 'react';
import { createClassAction } from '@/lib/actions/classes';
import { Field } from '@/components/ui/field';

/** Creates a class; on success the action goes straight to the new class's page. */
export function CreateClassForm() {
  const [state, action, pending] = useActionState(createClassAction, null);
  return (
    <form action={action} className="form" noValidate aria-labelledby="create-class-h">
      {state?.message && !state.ok && (
        <div role="alert" className="alert alert--error">
          {state.message}
        </div>
      )}
      <Field
        name="title"
        label="Class name"
        hint="Learners see this name when they join, e.g. “AI safety seminar, spring term”."
        defaultValue={state?.values?.title}
        required
        maxLength={120}
        errors={state?.fieldErrors?.title}
      />
      <div>
        <button className="button" type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create class'}
        </button>
      </div>
    </form>
  );
}
