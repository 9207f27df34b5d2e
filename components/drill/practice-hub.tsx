import Link from 'next/link';
import { getScenarioBank } from '@/lib/content/bank';
import { DIFFICULTIES } from '@/lib/content/scenarios';
import type { ScenarioSetSummary } from '@/lib/db/scenario-sets';
import { plural } from '@/lib/learning/progress-text';
import { DIFFICULTY_TEXT } from '@/lib/practice/practice-params';
import styles from './practice.module.css';

function ThreeQuestions() {
  return (
    <ol className={styles.questions}>
      <li>
        <strong>Was the training signal right?</strong> If it rewarded something other than what was meant, and the system found that, you
        are looking at <em>specification gaming</em>.
      </li>
      <li>
        <strong>Did the system stay competent after the change?</strong> If its behaviour fell apart, it is a <em>capability failure</em>.
      </li>
      <li>
        <strong>Which goal did it pursue?</strong> Right signal, skills intact, yet it competently pursued a different goal that matched the
        intended one in training: <em>goal misgeneralization</em>.
      </li>
    </ol>
  );
}

/** The /practice landing page: every way to choose a set of scenarios. */
export function PracticeHub({
  chapters,
  signedIn,
  missedCount,
  importedSets,
}: {
  chapters: { slug: string; title: string; section: number }[];
  signedIn: boolean;
  /** Signed-in learners only; a guest's misses are counted in their browser. */
  missedCount: number | null;
  importedSets: ScenarioSetSummary[] | null;
}) {
  const bank = [...getScenarioBank().values()];
  const count = (pred: (s: (typeof bank)[number]) => boolean) => bank.filter(pred).length;
  return (
    <div className="page">
      <div className="prose">
        <h1>Practice: classify the failure</h1>
        <p className="lead">
          Each scenario describes a system that did something unexpected. Answer three questions in order, then name the failure. The
          questions decide the verdict:
        </p>
        <ThreeQuestions />
        <p className="muted">
          Everything works from the keyboard: <kbd>1</kbd>–<kbd>4</kbd> answer the current question, <kbd>Enter</kbd> checks, <kbd>N</kbd>{' '}
          moves on.
        </p>
      </div>

      <section aria-labelledby="by-chapter" className={styles.section}>
        <h2 id="by-chapter">By chapter</h2>
        <ul className={styles.sets}>
          {chapters.map((c) => (
            <li key={c.slug}>
              <Link className={styles.setLink} href={`/practice?chapter=${c.slug}`}>
                <span className={styles.setTitle}>
                  {c.section}. {c.title}
                </span>
                <span className={styles.setMeta}>
                  {plural(
                    count((s) => s.chapter === c.slug),
                    'scenario',
                  )}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="by-difficulty" className={styles.section}>
        <h2 id="by-difficulty">By difficulty</h2>
        <ul className={styles.sets}>
          {DIFFICULTIES.map((d) => (
            <li key={d}>
              <Link className={styles.setLink} href={`/practice?difficulty=${d}`}>
                <span className={styles.setTitle}>{DIFFICULTY_TEXT[d].title}</span>
                <span className={styles.setMeta}>
                  {plural(
                    count((s) => s.difficulty === d),
                    'scenario',
                  )}{' '}
                  · {DIFFICULTY_TEXT[d].blurb}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="review" className={styles.section}>
        <h2 id="review">Review and mix</h2>
        <ul className={styles.sets}>
          <li>
            {missedCount === 0 ? (
              <div className={styles.setEmpty}>
                <span className={styles.setTitle}>The ones I missed</span>
                <span className={styles.setMeta}>Nothing to review yet: scenarios you get wrong land here.</span>
              </div>
            ) : (
              <Link className={styles.setLink} href="/practice?set=missed">
                <span className={styles.setTitle}>The ones I missed</span>
                <span className={styles.setMeta}>
                  {missedCount === null ? 'From your answers in this browser' : `${plural(missedCount, 'scenario')} to revisit`}
                </span>
              </Link>
            )}
          </li>
          <li>
            <Link className={styles.setLink} href="/practice?set=all">
              <span className={styles.setTitle}>All scenarios</span>
              <span className={styles.setMeta}>All {bank.length}, shuffled</span>
            </Link>
          </li>
        </ul>
      </section>

      <section aria-labelledby="imported" className={styles.section}>
        <h2 id="imported">Your imported sets</h2>
        {!signedIn || importedSets === null ? (
          <p>
            <Link href="/signin?next=%2Fpractice%2Fimport">Sign in</Link> to import your own scenarios (JSON or CSV) and practise them here.
          </p>
        ) : importedSets.length === 0 ? (
          <div className={styles.emptyState}>
            <p>You have not imported a set yet. Teachers and learners can write their own scenarios in the same format as the bank.</p>
            <p>
              <Link className="button button--ghost" href="/practice/import">
                Import a scenario set
              </Link>
            </p>
          </div>
        ) : (
          <>
            <ul className={styles.sets}>
              {importedSets.map((s) => (
                <li key={s.id}>
                  <Link className={styles.setLink} href={`/practice?set=${encodeURIComponent(s.id)}`}>
                    <span className={styles.setTitle}>{s.title}</span>
                    <span className={styles.setMeta}>
                      {plural(s.count, 'scenario')} · imported {s.createdAt.toISOString().slice(0, 10)}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
            <p>
              <Link href="/practice/import">Import or manage sets</Link>
            </p>
          </>
        )}
      </section>
    </div>
  );
}
