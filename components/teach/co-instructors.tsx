'use client';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect } from 'react';
import { addCoInstructorAction, removeCoInstructorAction } from '@/lib/actions/classes';
import { Field } from '@/components/ui/field';
import { ConfirmButton } from './confirm-button';
import styles from './teach.module.css';

export interface Teacher {
  userId: string;
  name: string | null;
  email: string;
}

/** Who teaches the class. Only the owner adds or removes co-instructors (the actions check this too). */
export function CoInstructors({ classId, owner, coInstructors, isOwner }: { classId: string; owner: Teacher; coInstructors: Teacher[]; isOwner: boolean }) {
  const router = useRouter();
  const [state, action, pending] = useActionState(addCoInstructorAction, null);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <section className={`card ${styles.section}`} aria-labelledby="teachers-h">
      <h2 id="teachers-h">Instructors</h2>
      <ul className={styles.assignmentList}>
        <li className={styles.row}>
          <span>
            {owner.name ?? owner.email} <span className={styles.email}>{owner.email}</span>
          </span>
          <span className={styles.badge}>Owner</span>
        </li>
        {coInstructors.map((t) => (
          <li key={t.userId} className={styles.row}>
            <span>
              {t.name ?? t.email} <span className={styles.email}>{t.email}</span>
            </span>
            <span className={styles.badge}>Co-instructor</span>
            {isOwner && (
              <ConfirmButton
                label="Remove"
                accessibleLabel={`Remove ${t.name ?? t.email} as co-instructor`}
                question="They lose access to this class at once."
                confirmLabel="Yes, remove"
                pendingLabel="Removing…"
                onConfirm={async () => {
                  const r = await removeCoInstructorAction({ classId, userId: t.userId });
                  if (!r.ok) return r.message ?? 'They could not be removed.';
                  router.refresh();
                  return null;
                }}
              />
            )}
          </li>
        ))}
      </ul>
      {coInstructors.length === 0 && <p className="muted">No co-instructors. They see the roster and analytics and can set assignments.</p>}
      {isOwner ? (
        <form action={action} className="form" noValidate>
          <input type="hidden" name="classId" value={classId} />
          {state?.message && (
            <div role={state.ok ? 'status' : 'alert'} className={`alert ${state.ok ? 'alert--ok' : 'alert--error'}`}>
              {state.message}
            </div>
          )}
          <Field
            name="email"
            type="email"
            label="Add a co-instructor by email"
            hint="They need an instructor account on Goalpost."
            autoComplete="off"
            defaultValue={state?.values?.email}
            errors={state?.fieldErrors?.email}
            required
          />
          <div>
            <button type="submit" className="button button--ghost" disabled={pending}>
              {pending ? 'Adding…' : 'Add co-instructor'}
            </button>
          </div>
        </form>
      ) : (
        <p className="muted">Only the owner can add or remove co-instructors.</p>
      )}
    </section>
  );
}
