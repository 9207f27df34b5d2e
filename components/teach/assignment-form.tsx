'use client';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useState } from 'react';
import { createAssignmentAction } from '@/lib/actions/classes';
import { Field } from '@/components/ui/field';
import styles from './teach.module.css';
import { SubmitButton } from '@/components/ui/form';

export interface DrillOption {
  value: string;
  label: string;
}

type Kind = 'chapter' | 'drill' | 'review' | 'workshop';
const KINDS: { value: Kind; label: string }[] = [
  { value: 'chapter', label: 'Read a chapter and answer its questions' },
  { value: 'drill', label: 'A classifier drill set' },
  { value: 'review', label: 'A number of reviews' },
  { value: 'workshop', label: 'The scenario workshop (write and classify)' },
];

/** An ISO instant as the value of a datetime-local input, in the browser's time zone. */
function toLocalInput(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function SelectField({
  name,
  label,
  errors,
  defaultValue,
  children,
}: {
  name: string;
  label: string;
  errors?: string[];
  defaultValue?: string;
  children: React.ReactNode;
}) {
  const id = `field-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
      >
        {children}
      </select>
      {errors?.length ? (
        <span id={`${id}-error`} className="error">
          {errors.join(' ')}
        </span>
      ) : null}
    </div>
  );
}

export function AssignmentForm({
  classId,
  chapters,
  drills,
  importedSets,
  defaults,
}: {
  classId: string;
  chapters: { slug: string; title: string; quizzes: number }[];
  drills: DrillOption[];
  importedSets: DrillOption[];
  defaults: { opensAt: string; dueAt: string };
}) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(createAssignmentAction, null);
  const [kind, setKind] = useState<Kind>((state?.values?.kind as Kind | undefined) ?? 'chapter');
  const fe = state?.fieldErrors;
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);

  // datetime-local has no time zone; send the instant the instructor meant (their browser's zone). Without
  // JavaScript the form still works and the server reads the times in its own zone.
  function submit(fd: FormData) {
    for (const k of ['opensAt', 'dueAt']) {
      const v = fd.get(k);
      if (typeof v === 'string' && v) {
        const d = new Date(v);
        if (!Number.isNaN(d.getTime())) fd.set(k, d.toISOString());
      }
    }
    formAction(fd);
  }

  return (
    <form action={submit} className={`form ${styles.fitForm}`} noValidate aria-labelledby="new-assignment-h">
      <h3 id="new-assignment-h">New assignment</h3>
      <input type="hidden" name="classId" value={classId} />
      {state?.message && (
        <div role={state.ok ? 'status' : 'alert'} className={`alert ${state.ok ? 'alert--ok' : 'alert--error'}`}>
          {state.message}
        </div>
      )}
      <fieldset className={`field ${styles.plain}`}>
        <legend>What to assign</legend>
        <div className="radio-row">
          {KINDS.map((k) => (
            <label key={k.value}>
              <input type="radio" name="kind" value={k.value} checked={kind === k.value} onChange={() => setKind(k.value)} /> {k.label}
            </label>
          ))}
        </div>
        {fe?.kind && <span className="error">{fe.kind.join(' ')}</span>}
      </fieldset>
      <div className={styles.formGrid}>
        {kind === 'chapter' && (
          <SelectField name="chapter" label="Chapter" errors={fe?.chapter} defaultValue={state?.values?.chapter}>
            {chapters.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.title} ({c.quizzes} questions)
              </option>
            ))}
          </SelectField>
        )}
        {kind === 'drill' && (
          <SelectField name="drill" label="Drill set" errors={fe?.drill} defaultValue={state?.values?.drill}>
            <optgroup label="Built-in scenarios">
              {drills.map((d) => (
                <option key={d.value} value={d.value}>
                  {d.label}
                </option>
              ))}
            </optgroup>
            {importedSets.length > 0 && (
              <optgroup label="Sets you imported">
                {importedSets.map((d) => (
                  <option key={d.value} value={d.value}>
                    {d.label}
                  </option>
                ))}
              </optgroup>
            )}
          </SelectField>
        )}
        {kind === 'review' && (
          <Field
            name="reviews"
            type="number"
            label="Reviews to do"
            hint="Between 1 and 500, counted from the open date."
            min={1}
            max={500}
            defaultValue={state?.values?.reviews ?? '20'}
            errors={fe?.reviews}
          />
        )}
        {kind === 'workshop' && (
          <>
            <Field
              name="write"
              type="number"
              label="Scenarios to write"
              hint="Each learner; 0 to 5."
              min={0}
              max={5}
              defaultValue={state?.values?.write ?? '1'}
              errors={fe?.write}
            />
            <Field
              name="classify"
              type="number"
              label="Classmates' scenarios to classify"
              hint="Each learner; 0 to 50 (fewer when the class has written fewer)."
              min={0}
              max={50}
              defaultValue={state?.values?.classify ?? '5'}
              errors={fe?.classify}
            />
            <div className="field">
              <label>
                <input type="checkbox" name="graded" value="on" defaultChecked={state?.values?.graded === 'on'} /> Counts toward the
                gradebook
              </label>
              <span className="hint">Unticked, learners see progress only and no score is recorded for it.</span>
            </div>
          </>
        )}
        <Field
          name="title"
          label="Title (optional)"
          hint="Left empty, a title is made from what you assign."
          maxLength={120}
          defaultValue={state?.values?.title}
          errors={fe?.title}
        />
        <Field
          name="opensAt"
          type="datetime-local"
          label="Opens"
          hint="In your time zone; lists show UTC."
          defaultValue={toLocalInput(state?.values?.opensAt) ?? defaults.opensAt}
          errors={fe?.opensAt}
          required
        />
        <Field
          name="dueAt"
          type="datetime-local"
          label="Due"
          hint="Work finished after this counts as late."
          defaultValue={toLocalInput(state?.values?.dueAt) ?? defaults.dueAt}
          errors={fe?.dueAt}
          required
        />
      </div>
      <SubmitButton pending={pending} label="Create assignment" pendingLabel="Creating…" />
    </form>
  );
}
