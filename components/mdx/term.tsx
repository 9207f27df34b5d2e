import type { ReactNode } from 'react';
import { getGlossaryEntry } from '@/lib/content/course';
import { HoverCard } from './hover-card';
import styles from './mdx.module.css';

export function Term({ id, children }: { id: string; children: ReactNode }) {
  const entry = getGlossaryEntry(id);
  if (!entry) return <>{children}</>;
  return (
    <HoverCard href={`/glossary#${id}`} className={styles.term} hint={`, glossary: ${entry.term}`} trigger={children}>
      <span className={styles.cardTitle}>{entry.term}</span>
      <span className={styles.cardLine}>{entry.definition}</span>
      <a href={`/glossary#${id}`}>Open in the glossary</a>
    </HoverCard>
  );
}
