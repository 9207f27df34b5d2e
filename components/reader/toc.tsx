'use client';
import { useMemo } from 'react';
import { useActiveSection } from './use-active-section';
import styles from './reader.module.css';

export interface TocHeading {
  slug: string;
  text: string;
  depth: number;
}

/** The chapter's sections as links, the one the reader is at marked. */
export function TocLinks({ headings }: { headings: TocHeading[] }) {
  const ids = useMemo(() => headings.map((h) => h.slug), [headings]);
  const active = useActiveSection(ids);
  return (
    <ol className={styles.tocLinks}>
      {headings.map((h) => (
        <li key={h.slug} data-depth={h.depth}>
          <a href={`#${h.slug}`} aria-current={active === h.slug ? 'location' : undefined}>
            {h.text}
          </a>
        </li>
      ))}
    </ol>
  );
}

/** "On this page" beside the chapter on a wide screen; narrower screens get it in ChapterSidebar's contents. */
export function TableOfContents({ headings }: { headings: TocHeading[] }) {
  if (headings.length === 0) return null;
  return (
    <nav className={styles.toc} aria-label="On this page">
      <p className={styles.tocTitle}>On this page</p>
      <TocLinks headings={headings} />
    </nav>
  );
}
