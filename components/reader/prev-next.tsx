import Link from 'next/link';
import type { ChapterMeta } from '@/lib/content/chapters';
import styles from './reader.module.css';

export function PrevNext({ prev, next }: { prev?: ChapterMeta; next?: ChapterMeta }) {
  return (
    <nav className={styles.prevNext} aria-label="Previous and next chapter">
      {prev ? (
        <Link href={`/chapters/${prev.slug}`} rel="prev" className={styles.pn}>
          <span className={styles.pnLabel}>← Previous</span>
          <span>{prev.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={`/chapters/${next.slug}`} rel="next" className={`${styles.pn} ${styles.pnNext}`}>
          <span className={styles.pnLabel}>Next →</span>
          <span>{next.title}</span>
        </Link>
      ) : (
        <Link href="/chapters" className={`${styles.pn} ${styles.pnNext}`}>
          <span className={styles.pnLabel}>Finished</span>
          <span>Back to all chapters</span>
        </Link>
      )}
    </nav>
  );
}
