'use client';
import { useActionState } from 'react';
import { saveReviewSettings } from '@/lib/actions/review';
import { Field } from '@/components/ui/field';
import { FormStatus, SubmitButton } from '@/components/ui/form';

export function ReviewSettingsForm({ desiredRetention, newCardsPerDay }: { desiredRetention: number; newCardsPerDay: number }) {
  const [state, action, pending] = useActionState(saveReviewSettings, null);
  return (
    <form action={action} className="form" noValidate>
      <Field
        name="desiredRetention"
        label="Desired retention"
        type="number"
        step="0.01"
        min="0.7"
        max="0.97"
        defaultValue={String(state?.values?.desiredRetention ?? desiredRetention)}
        hint="How likely you want to be to remember a card when it comes back, from 0.70 to 0.97. Higher means more frequent reviews."
        errors={state?.fieldErrors?.desiredRetention}
      />
      <Field
        name="newCardsPerDay"
        label="New cards per day"
        type="number"
        step="1"
        min="0"
        max="200"
        defaultValue={String(state?.values?.newCardsPerDay ?? newCardsPerDay)}
        hint="How many cards may enter your review queue for the first time each day (0 to 200)."
        errors={state?.fieldErrors?.newCardsPerDay}
      />
      <SubmitButton pending={pending} label="Save review settings" pendingLabel="Saving…" />
      <FormStatus state={state} />
    </form>
  );
}
