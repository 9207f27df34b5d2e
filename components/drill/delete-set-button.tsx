'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { deleteScenarioSetAction } from '@/lib/actions/drill';
import styles from './practice.module.css';

/** Deletes one of the learner's sets after a second, explicit confirmation; focus returns to the list's heading. */
export function DeleteSetButton({ setId, title, focusAfter }: { setId: string; title: string; focusAfter: string }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) deleteRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  function remove() {
    startTransition(async () => {
      try {
        const r = await deleteScenarioSetAction({ setId });
        if (!r.ok) return setError(r.message ?? 'The set could not be deleted.');
        document.getElementById(focusAfter)?.focus();
        router.refresh();
      } catch {
        setError('The set could not be deleted (network problem). Try again.');
      }
    });
  }

  if (!confirming)
    return (
      <button
        ref={deleteRef}
        type="button"
        className={`button button--ghost ${styles.dangerButton}`}
        onClick={() => setConfirming(true)}
        aria-label={`Delete “${title}”`}
      >
        Delete
      </button>
    );
  return (
    <span className={styles.setRowActions} role="group" aria-label={`Delete “${title}”?`}>
      <span>Delete for good?</span>
      <button ref={confirmRef} type="button" className={`button ${styles.dangerSolid}`} onClick={remove} disabled={pending}>
        {pending ? 'Deleting…' : 'Yes, delete'}
      </button>
      <button type="button" className="button button--ghost" onClick={() => setConfirming(false)} disabled={pending}>
        Cancel
      </button>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </span>
  );
}
