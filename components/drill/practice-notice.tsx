import Link from 'next/link';
import type { ReactNode } from 'react';
import styles from './practice.module.css';

/** A set that cannot be practised (unknown, empty, or needing sign-in): say why and where to go instead. */
export function PracticeNotice({
  title,
  children,
  links,
}: {
  title: string;
  children: ReactNode;
  links?: { href: string; text: string }[];
}) {
  return (
    <div className="page prose">
      <p className={styles.back}>
        <Link href="/practice">← All practice sets</Link>
      </p>
      <h1>{title}</h1>
      <div className={styles.emptyState}>{children}</div>
      <ul className={styles.links}>
        {(links ?? []).map((l) => (
          <li key={l.href}>
            <Link href={l.href}>{l.text}</Link>
          </li>
        ))}
        <li>
          <Link href="/practice">Choose a practice set</Link>
        </li>
        <li>
          <Link href="/chapters">Read the chapters</Link>
        </li>
      </ul>
    </div>
  );
}
