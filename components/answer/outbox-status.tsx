'use client';
import { useEffect, useState } from 'react';
import { OUTBOX_EVENT, pendingAnswers } from '@/lib/answers/outbox';
import { flushOutbox } from './send-answer';

/**
 * Sends the answers waiting on this device (see send-answer.ts) when a page loads and whenever the browser comes back
 * online, and says how many are still waiting. Mounted once, in the layout.
 */
export function OutboxStatus() {
  const [waiting, setWaiting] = useState(0);
  useEffect(() => {
    let alive = true;
    const count = () => void pendingAnswers().then((p) => alive && setWaiting(p.length), () => {});
    const flush = () => void flushOutbox().then(count, count);
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
  }, []);
  if (waiting === 0) return null;
  return (
    <p className="outbox-status" role="status" data-testid="outbox-status">
      {waiting === 1 ? '1 answer is' : `${waiting} answers are`} saved on this device and will sync when you are back online.
    </p>
  );
}
