import Link from 'next/link';
import type { ScenarioSetSummary } from '@/lib/db/scenario-sets';
import { DeleteSetButton } from './delete-set-button';
import styles from './practice.module.css';

/** The learner's imported sets, each with a way to practise it and to delete it. */
export function OwnSets({ sets }: { sets: ScenarioSetSummary[] }) {
  return (
    <section aria-labelledby="your-sets">
      <h2 id="your-sets" tabIndex={-1}>
        Your sets
      </h2>
      {sets.length === 0 ? (
        <p className={styles.emptyState}>No sets yet. Import one with the form; it will be listed here.</p>
      ) : (
        <ul className={styles.ownSets}>
          {sets.map((s) => (
            <li key={s.id} className={styles.setRow} data-set-id={s.id}>
              <span>
                <Link href={`/practice?set=${encodeURIComponent(s.id)}`}>{s.title}</Link>{' '}
                <span className="muted">
                  · {s.count} {s.count === 1 ? 'scenario' : 'scenarios'} · {s.createdAt.toISOString().slice(0, 10)}
                </span>
              </span>
              <Link href={`/practice/sets/${encodeURIComponent(s.id)}`}>
                Change<span className="visually-hidden"> “{s.title}”</span>
              </Link>
              <a href={`/practice/sets/${encodeURIComponent(s.id)}/csv`} download>
                Download as CSV<span className="visually-hidden"> ({s.title})</span>
              </a>
              <DeleteSetButton setId={s.id} title={s.title} focusAfter="your-sets" />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
