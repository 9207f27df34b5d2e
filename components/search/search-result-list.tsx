import type { MouseEvent, Ref } from 'react';
import type { Part, SearchHit } from './search-engine';
import styles from './search-dialog.module.css';

function Marked({ parts }: { parts: Part[] }) {
  return parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>));
}

/** The results as a listbox the search field drives (aria-activedescendant); a result is also a plain link. */
export function SearchResultList({
  listRef,
  id,
  optionId,
  hits,
  current,
  onHover,
  onResultClick,
}: {
  listRef: Ref<HTMLUListElement>;
  id: string;
  optionId(i: number): string;
  hits: SearchHit[];
  current: number;
  onHover(i: number): void;
  onResultClick(e: MouseEvent<HTMLAnchorElement>, href: string): void;
}) {
  return (
    <ul ref={listRef} id={id} role="listbox" aria-label="Results" className={styles.results}>
      {hits.map((hit, i) => (
        <li
          key={hit.doc.url}
          id={optionId(i)}
          role="option"
          aria-selected={i === current}
          className={styles.option}
          onMouseMove={() => i !== current && onHover(i)}
        >
          <a href={hit.doc.url} tabIndex={-1} className={styles.link} onClick={(e) => onResultClick(e, hit.doc.url)}>
            <span className={styles.context}>{hit.doc.context}</span>
            <span className={styles.title}>
              <Marked parts={hit.title} />
            </span>
            {hit.snippet.length > 0 && (
              <span className={styles.snippet}>
                <Marked parts={hit.snippet} />
              </span>
            )}
          </a>
        </li>
      ))}
    </ul>
  );
}
