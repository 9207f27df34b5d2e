'use client';
import { useEffect, useState } from 'react';
import { useSession } from '@/components/session/session-provider';
import { OUTBOX_EVENT } from '@/lib/answers/outbox';
import { DROPPED_KEY, flushOutbox } from './send-answer';

/**
 * Sends the answers waiting on this device (see send-answer.ts) when a page loads and whenever the browser comes back
 * online, and says how many are still waiting. Mounted once, in the layout.
 */
export function OutboxStatus() {
  const session = useSession();
  const [waiting, setWaiting] = useState(0);
  const [dropped, setDropped] = useState<{ title: string; message: string }[]>([]);
  const userId = session.status === 'user' ? (session.user.id ?? null) : session.status === 'guest' ? null : undefined;
  useEffect(() => {
    // Wait until we know who is signed in: a learner's answers are only sent for that learner.
    if (userId === undefined) return;
    let alive = true;
    const readDropped = () => {
      try {
        const list = JSON.parse(localStorage.getItem(DROPPED_KEY) ?? '[]') as { title: string; message: string }[];
        if (alive && list.length) setDropped(list);
      } catch {
        // No storage: nothing was recorded.
      }
    };
    let running = false;
    const flush = () => {
      if (running) return;
      running = true;
      void flushOutbox(userId)
        .then(
          (n) => alive && setWaiting(n),
          () => {},
        )
        .finally(() => {
          running = false;
          readDropped();
        });
    };
    const count = flush;
    flush();
    window.addEventListener('online', flush);
    window.addEventListener(OUTBOX_EVENT, count);
    // A browser can be online again without an event (a captive portal, a server that was down): try now and then.
    const timer = window.setInterval(() => navigator.onLine && flush(), 30_000);
    return () => {
      alive = false;
      window.removeEventListener('online', flush);
      window.removeEventListener(OUTBOX_EVENT, count);
      window.clearInterval(timer);
    };
  }, [userId]);
  return (
    <>
      {waiting > 0 && (
        <p className="outbox-status" role="status" data-testid="outbox-status">
          {waiting === 1 ? '1 answer is' : `${waiting} answers are`} saved on this device and will sync when you are back online.
        </p>
      )}
      {dropped.length > 0 && (
        <div className="outbox-status" role="alert" data-testid="outbox-dropped">
          <p>
            {dropped.length === 1
              ? 'An answer saved on this device could not be stored:'
              : `${dropped.length} answers saved on this device could not be stored:`}
          </p>
          <ul>
            {dropped.map((d, i) => (
              <li key={i}>
                {d.title}: {d.message}
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              localStorage.removeItem(DROPPED_KEY);
              setDropped([]);
            }}
          >
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
