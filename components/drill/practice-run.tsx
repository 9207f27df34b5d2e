import Link from 'next/link';
import type { ReactNode } from 'react';
import styles from './practice.module.css';

/** The frame around a drill at /practice: the way back, the set's title, then the drill itself. */
export function PracticeRun({ title, note, reshuffle, children }: { title: string; note?: string; reshuffle?: boolean; children: ReactNode }) {
  return (
    <div className={`page ${styles.run}`}>
      <p className={styles.back}>
        <Link href="/practice">← All practice sets</Link>
      </p>
      <h1>{title}</h1>
      {note && (
        <p className="muted">
          {note} {reshuffle && <Link href="/practice?set=all">Shuffle again</Link>}
        </p>
      )}
      {children}
    </div>
  );
}
