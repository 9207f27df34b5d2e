'use client';
import { useEffect, useRef, useState } from 'react';

/** Milliseconds since the epoch; the browser's clock unless a test passes its own. */
export type Clock = () => number;

/** A card due within this long is counted down to, and loaded when it comes due, so the learner can just wait. */
const COUNTDOWN_WINDOW_MS = 10 * 60_000;

/** "3:12": minutes and seconds left, rounded up so the count never shows 0:00 before the card is due. */
function countdownText(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * When the next review card comes due. Within COUNTDOWN_WINDOW_MS it counts down ("Next card in 3:12") and calls
 * onDue once when the time comes, so the page continues by itself; further out it says when. Time is the server's:
 * the offset between the server's clock (serverNow, when the queue was made) and this browser's is taken at mount,
 * and onDue fires once per due time, so a queue that comes back with nothing due cannot start a reload loop (the
 * server only ever reports a next card due after its own now).
 */
export function NextCard({
  dueAt,
  serverNow,
  clock,
  onDue,
  whenText,
  formatDate,
}: {
  dueAt: string;
  serverNow: string;
  clock: Clock;
  onDue: () => void;
  whenText: (iso: string, from: Date) => string;
  formatDate: (iso: string) => string;
}) {
  const due = Date.parse(dueAt);
  const start = Date.parse(serverNow);
  // The first render uses the server's time, so the server's HTML and the browser's first render agree.
  const [now, setNow] = useState(start);
  const offset = useRef<number | null>(null);
  const fired = useRef(false);
  const left = due - now;
  const counting = left <= COUNTDOWN_WINDOW_MS;

  useEffect(() => {
    offset.current ??= start - clock();
    const tick = () => setNow(clock() + offset.current!);
    tick();
    // Every second while counting down; otherwise twice a minute, to notice the window opening.
    const id = setInterval(tick, counting ? 1000 : 30_000);
    return () => clearInterval(id);
  }, [clock, start, counting]);

  useEffect(() => {
    if (left > 0 || fired.current) return;
    fired.current = true;
    onDue();
  }, [left, onDue]);

  if (left <= 0)
    return (
      <p role="status" data-testid="next-card">
        Your next card is due now. Loading it…
      </p>
    );
  if (counting)
    return (
      <p data-testid="next-card">
        Next card in{' '}
        <strong role="timer" aria-live="off" data-testid="countdown">
          {countdownText(left)}
        </strong>
        . Stay on this page and it appears here by itself.
      </p>
    );
  return (
    <p data-testid="next-card">
      Your next card is due <strong>{whenText(dueAt, new Date(now))}</strong> ({formatDate(dueAt)}).
    </p>
  );
}
