import Link from 'next/link';
import type { ReactNode } from 'react';
import styles from './practice.module.css';

/** The frame around a drill at /practice: the way back, the set's title, then the drill itself. */
export function PracticeRun({
  title,
  note,
  reshuffle,
  back = { href: '/practice', text: 'All practice sets' },
  children,
}: {
  title: string;
  note?: string;
  reshuffle?: boolean;
  /** Where the way back leads (a class's workshop set goes back to the workshop). */
  back?: { href: string; text: string };
  children: ReactNode;
}) {
  return (
    <div className={`page ${styles.run}`}>
      <p className={styles.back}>
        <Link href={back.href}>← {back.text}</Link>
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
