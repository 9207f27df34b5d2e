import { getReference } from '@/lib/content/course';
import { shortAuthors } from '@/lib/content/references';
import { HoverCard } from './hover-card';
import styles from './mdx.module.css';

export function Cite({ id, n, loc }: { id: string; n?: number; loc?: string }) {
  const ref = getReference(id);
  if (!ref) return <span className={styles.missing}>[missing reference {id}]</span>;
  const authors = shortAuthors(ref.authors);
  return (
    <HoverCard
      href={`#ref-${id}`}
      className={styles.cite}
      hint={`, reference ${n ?? ''}: ${authors}, ${ref.year}`}
      trigger={
        <>
          [{n ?? '?'}
          {loc ? `, ${loc}` : ''}]
        </>
      }
    >
      <span className={styles.cardTitle}>{ref.title}</span>
      <span className={styles.cardLine}>{ref.authors.join(', ')}</span>
      <span className={styles.cardLine}>
        {ref.venue}, {ref.year}
      </span>
      <a href={ref.url} rel="noopener noreferrer" target="_blank">
        Read the source<span className="visually-hidden"> (opens in a new tab)</span>
      </a>
    </HoverCard>
  );
}
