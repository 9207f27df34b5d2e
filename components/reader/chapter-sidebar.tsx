'use client';
import Link from 'next/link';
import { useProgress } from './use-progress';
import styles from './reader.module.css';

export function ChapterSidebar({ chapters, current }: { chapters: { slug: string; title: string; section: number }[]; current: string }) {
  const { progress, signedIn } = useProgress();
  const done = chapters.filter((c) => progress?.[c.slug]?.completed).length;
  return (
    <nav className={styles.sidebar} aria-label="Chapters">
      <p className={styles.tocTitle}>
        Chapters{' '}
        {progress && (
          <span className={styles.count}>
            {done} of {chapters.length} done{signedIn ? '' : ' (this browser)'}
          </span>
        )}
      </p>
      <ol>
        {chapters.map((c) => {
          const p = progress?.[c.slug];
          const state = p?.completed ? 'Completed' : p?.answered ? `${p.answered} answered` : null;
          return (
            <li key={c.slug}>
              <Link href={`/chapters/${c.slug}`} aria-current={c.slug === current ? 'page' : undefined}>
                <span className={styles.sideNum} data-done={p?.completed ? 'true' : 'false'} aria-hidden="true">
                  {p?.completed ? '✓' : c.section}
                </span>
                <span>
                  {c.title}
                  {state && <span className={styles.sideState}>{state}</span>}
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
