'use client';
import { useEffect, useState } from 'react';
import { useSession } from '@/components/session/session-provider';
import { mergeGuestProgress } from '@/lib/actions/account';
import { clearGuest, readGuest } from '@/lib/guest/store';
import styles from './account.module.css';

/** After sign-up or sign-in, offers to bring progress made as a guest into the account. */
export function GuestMergePrompt() {
  const session = useSession();
  const [counts, setCounts] = useState<{ attempts: number; reviews: number; chapters: number } | null>(null);
  const [state, setState] = useState<'idle' | 'working' | 'done' | 'error'>('idle');
  const [message, setMessage] = useState('');

  useEffect(() => {
    if (session.status !== 'user') return;
    const g = readGuest();
    const c = { attempts: g.attempts.length, reviews: g.reviews.length, chapters: Object.keys(g.completed).length };
    // eslint-disable-next-line react-hooks/set-state-in-effect -- guest progress is only visible in the browser
    setCounts(c.attempts + c.reviews + c.chapters > 0 ? c : null);
  }, [session.status]);

  if (!counts && state !== 'done') return null;

  async function merge() {
    setState('working');
    const g = readGuest();
    try {
      const r = await mergeGuestProgress({ attempts: g.attempts, reviews: g.reviews, completed: g.completed });
      if (!r.ok || !r.data) {
        setState('error');
        setMessage(r.message ?? 'Could not bring your progress along. Nothing was lost; try again.');
        return;
      }
      clearGuest();
      setCounts(null);
      setState('done');
      const left = r.data.skipped ? ` ${r.data.skipped} could not be checked on the server and were left out.` : '';
      setMessage(
        `Done: ${r.data.attempts} answers, ${r.data.reviews} reviews and ${r.data.chapters} finished chapters are now in your account, as practice.${left}`,
      );
    } catch {
      setState('error');
      setMessage('Could not reach the server. Your progress is still in this browser; try again.');
    }
  }

  function discard() {
    clearGuest();
    setCounts(null);
    setState('done');
    setMessage('The progress stored in this browser was discarded.');
  }

  return (
    <div className={styles.merge} role="region" aria-label="Progress from before you signed in">
      {state === 'done' ? (
        <p role="status">{message}</p>
      ) : (
        <>
          <p>
            This browser has progress from before you signed in: {counts!.attempts} answer{counts!.attempts === 1 ? '' : 's'}
            {counts!.reviews ? `, ${counts!.reviews} review${counts!.reviews === 1 ? '' : 's'}` : ''}
            {counts!.chapters ? `, ${counts!.chapters} finished chapter${counts!.chapters === 1 ? '' : 's'}` : ''}. Bring it into your
            account? It comes in as practice: the server checks each answer again, and classes count only answers given while signed in.
          </p>
          <div className={styles.mergeActions}>
            <button type="button" className="button button--small" onClick={merge} disabled={state === 'working'}>
              {state === 'working' ? 'Bringing it along…' : 'Bring it along'}
            </button>
            <button type="button" className="button button--ghost button--small" onClick={discard} disabled={state === 'working'}>
              Discard it
            </button>
          </div>
          {state === 'error' && (
            <p role="alert" className={styles.error}>
              {message}
            </p>
          )}
        </>
      )}
    </div>
  );
}
