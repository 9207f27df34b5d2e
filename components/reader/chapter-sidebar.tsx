'use client';
import Link from 'next/link';
import { progressText } from '@/lib/learning/progress-text';
import { useProgress } from './use-progress';
import styles from './reader.module.css';

export function ChapterSidebar({ chapters, current }: { chapters: { slug: string; title: string; section: number; quizCount: number }[]; current: string }) {
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
          // The dashboard's wording and counts: this chapter's questions only.
          const state = p && (p.completed || p.answered) ? progressText({ done: p.answered, total: c.quizCount, right: p.firstCorrect ?? null, unit: 'questions', chapterFinished: p.completed }) : null;
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
