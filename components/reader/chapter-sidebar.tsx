'use client';
import Link from 'next/link';
import type { MouseEvent } from 'react';
import { progressText } from '@/lib/learning/progress-text';
import { useProgress } from './use-progress';
import { TocLinks, type TocHeading } from './toc';
import styles from './reader.module.css';

/** Choosing a link in a folded list closes it, so the section (or the next chapter) is what the reader sees. */
function closeOnLink(e: MouseEvent<HTMLDetailsElement>) {
  if (e.target instanceof Element && e.target.closest('a')) e.currentTarget.open = false;
}

/**
 * The chapter list. On a wide screen it is a sticky column; on a narrower one it folds, with "On this page", into
 * two disclosures above the chapter, so a phone reaches both without scrolling past the whole chapter.
 */
export function ChapterSidebar({
  chapters,
  current,
  toc,
}: {
  chapters: { slug: string; title: string; section: number; quizCount: number }[];
  current: string;
  toc: TocHeading[];
}) {
  const { progress, signedIn } = useProgress();
  const done = chapters.filter((c) => progress?.[c.slug]?.completed).length;
  const count = progress ? `${done} of ${chapters.length} done${signedIn ? '' : ' (this browser)'}` : null;
  const list = (
    <ol className={styles.chapterLinks}>
      {chapters.map((c) => {
        const p = progress?.[c.slug];
        // The dashboard's wording and counts: this chapter's questions only.
        const state =
          p && (p.completed || p.answered)
            ? progressText({
                done: p.answered,
                total: c.quizCount,
                right: p.firstCorrect ?? null,
                unit: 'questions',
                chapterFinished: p.completed,
              })
            : null;
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
  );
  return (
    <>
      <div className={styles.contents} data-testid="reader-contents">
        <details className={`${styles.disclosure} ${styles.chaptersDisclosure}`} onClick={closeOnLink}>
          <summary>Chapters{count && <span className={styles.summaryNote}>{count}</span>}</summary>
          <nav aria-label="Chapters">{list}</nav>
        </details>
        {toc.length > 0 && (
          <details className={styles.disclosure} onClick={closeOnLink}>
            <summary>On this page</summary>
            <nav aria-label="On this page">
              <TocLinks headings={toc} />
            </nav>
          </details>
        )}
      </div>
      <nav className={styles.sidebar} aria-label="Chapters">
        <p className={styles.tocTitle}>Chapters {count && <span className={styles.count}>{count}</span>}</p>
        {list}
      </nav>
    </>
  );
}
