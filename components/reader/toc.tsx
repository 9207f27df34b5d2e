'use client';
import { useMemo } from 'react';
import { useActiveSection } from './use-active-section';
import styles from './reader.module.css';

export function TableOfContents({ headings }: { headings: { slug: string; text: string; depth: number }[] }) {
  const ids = useMemo(() => headings.map((h) => h.slug), [headings]);
  const active = useActiveSection(ids);
  if (headings.length === 0) return null;
  return (
    <nav className={styles.toc} aria-label="On this page">
      <p className={styles.tocTitle}>On this page</p>
      <ol>
        {headings.map((h) => (
          <li key={h.slug} data-depth={h.depth}>
            <a href={`#${h.slug}`} aria-current={active === h.slug ? 'location' : undefined}>
              {h.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
