'use client';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { moderateWorkshopAction, promoteWorkshopAction } from '@/lib/actions/workshop';
import type { WorkshopStatus } from '@/lib/learning/workshop';
import styles from './workshop.module.css';

/** The instructor's controls for one submission: a comment, accept / ask for a revision / hide, and promote into a set. */
export function ModeratePanel({
  classId,
  scenarioId,
  title,
  status,
  comment,
  sets,
}: {
  classId: string;
  scenarioId: string;
  title: string;
  status: WorkshopStatus;
  comment: string | null;
  sets: { id: string; title: string }[];
}) {
  const uid = useId();
  const router = useRouter();
  const [text, setText] = useState(comment ?? '');
  const [setId, setSetId] = useState(sets[0]?.id ?? '');
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  async function run(fn: () => Promise<{ ok: boolean; message?: string }>, done: string) {
    setPending(true);
    try {
      const r = await fn();
      setResult({ ok: r.ok, message: r.ok ? done : (r.message ?? 'That did not work; nothing was changed.') });
      if (r.ok) router.refresh();
    } catch {
      setResult({ ok: false, message: 'The request could not be sent (network problem); nothing was changed. Try again.' });
    } finally {
      setPending(false);
    }
  }

  const moderate = (next: Exclude<WorkshopStatus, 'promoted'> | undefined, done: string) =>
    run(() => moderateWorkshopAction({ classId, scenarioId, ...(next ? { status: next } : {}), comment: text.trim() || null }), done);

  return (
    <div className={styles.moderate}>
      <div className="field">
        <label htmlFor={`${uid}-comment`}>Comment for the author</label>
        <textarea id={`${uid}-comment`} rows={2} maxLength={1000} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className={styles.actions} role="group" aria-label={`Moderate “${title}”`}>
        <button
          type="button"
          className="button button--small"
          disabled={pending}
          onClick={() => moderate('revision-requested', 'Sent back to the author with your comment.')}
        >
          Ask for a revision
        </button>
        <button
          type="button"
          className="button button--small button--ghost"
          disabled={pending}
          onClick={() => (status === 'hidden' ? moderate('submitted', 'Shown to the class again.') : moderate(undefined, 'Comment saved.'))}
        >
          {status === 'hidden' ? 'Show to the class again' : 'Save comment'}
        </button>
        {status !== 'hidden' && (
          <button
            type="button"
            className="button button--small button--ghost"
            disabled={pending}
            onClick={() => moderate('hidden', 'Hidden from the class. The author still sees it, with your comment.')}
          >
            Hide from the class
          </button>
        )}
      </div>
      {sets.length > 0 ? (
        <div className={styles.actions}>
          <label htmlFor={`${uid}-set`}>Promote into</label>
          <select id={`${uid}-set`} value={setId} onChange={(e) => setSetId(e.target.value)}>
            {sets.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--small"
            disabled={pending || !setId}
            onClick={() =>
              run(
                () => promoteWorkshopAction({ classId, scenarioId, setId }),
                'Promoted: it now serves in that set, and in any assignment of it.',
              )
            }
          >
            Promote
          </button>
        </div>
      ) : (
        <p className="muted">To promote a submission, first import a scenario set of your own (Practice → Import).</p>
      )}
      <p role="status" aria-live="polite" className={result ? (result.ok ? 'alert alert--ok' : 'alert alert--error') : 'visually-hidden'}>
        {result?.message ?? ''}
      </p>
    </div>
  );
}
