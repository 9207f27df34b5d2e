import { getReference } from '@/lib/content/course';
import styles from './reader.module.css';

export function Bibliography({ ids }: { ids: string[] }) {
  if (ids.length === 0) return null;
  return (
    <section className={styles.bibliography} aria-labelledby="references-heading">
      <h2 id="references-heading">References</h2>
      <ol>
        {ids.map((id) => {
          const r = getReference(id);
          if (!r) return null;
          return (
            <li key={id} id={`ref-${id}`}>
              {r.authors.join(', ')} ({r.year}). <cite>{r.title}</cite>. {r.venue}.{' '}
              <a href={r.url} rel="noopener noreferrer">
                {r.url.replace(/^https?:\/\//, '')}
              </a>
              {r.note && <span className="muted"> {r.note}</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
