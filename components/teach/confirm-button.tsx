'use client';
import { useEffect, useRef, useState, useTransition } from 'react';
import styles from './teach.module.css';

/**
 * A destructive or disruptive action behind a second, explicit confirmation (no window.confirm: it is easy to
 * dismiss by accident and cannot be styled or announced). Focus moves to "Yes" and back to the trigger on Cancel.
 */
export function ConfirmButton({
  label,
  accessibleLabel,
  question,
  confirmLabel,
  pendingLabel,
  onConfirm,
  danger = true,
}: {
  label: string;
  accessibleLabel?: string;
  question: string;
  confirmLabel: string;
  pendingLabel: string;
  /** Returns an error message to show, or null when it worked. */
  onConfirm: () => Promise<string | null>;
  danger?: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const yesRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) yesRef.current?.focus();
    else if (wasConfirming.current) triggerRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  function run() {
    startTransition(async () => {
      let message: string | null;
      try {
        message = await onConfirm();
      } catch {
        message = 'That did not go through (network problem). Try again.';
      }
      setError(message);
      if (!message) setConfirming(false);
    });
  }

  return (
    <span className={styles.confirm}>
      {!confirming ? (
        <button
          ref={triggerRef}
          type="button"
          className={`button button--ghost ${danger ? styles.dangerButton : ''}`}
          aria-label={accessibleLabel}
          onClick={() => {
            setError(null);
            setConfirming(true);
          }}
        >
          {label}
        </button>
      ) : (
        <span
          className={styles.confirm}
          role="group"
          aria-label={accessibleLabel ?? label}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !pending) setConfirming(false);
          }}
        >
          <span>{question}</span>
          <button ref={yesRef} type="button" className={`button ${danger ? styles.dangerSolid : ''}`} onClick={run} disabled={pending}>
            {pending ? pendingLabel : confirmLabel}
          </button>
          <button type="button" className="button button--ghost" onClick={() => setConfirming(false)} disabled={pending}>
            Cancel
          </button>
        </span>
      )}
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </span>
  );
}
