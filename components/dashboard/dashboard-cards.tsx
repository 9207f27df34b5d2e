import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Dashboard } from '@/lib/db/dashboard';
import { LABEL_TEXT, QUESTION_SHORT } from '@/lib/learning/classify';
import { ActivityHeatmap, ConfusionMatrix, ForecastChart, MasteryBadge } from './charts';
import styles from './dashboard.module.css';

export type DashboardCardsData = Pick<Dashboard, 'chapters' | 'modes' | 'dueToday' | 'totalCards' | 'forecast' | 'activity' | 'streak' | 'confusion'>;

/** The dashboard's cards, the same for a signed-in learner (data from the server) and a guest (from the browser). */
export function DashboardCards({ data, now, children }: { data: DashboardCardsData; now: Date; children?: ReactNode }) {
  const done = data.chapters.filter((c) => c.completed).length;
  return (
    <div className={styles.grid}>
      <section className="card" aria-labelledby="due-h">
        <h2 id="due-h">Reviews</h2>
        <p className={styles.stat} data-testid="due-today">
          {data.dueToday}
        </p>
        <p>
          due today, of {data.totalCards} card{data.totalCards === 1 ? '' : 's'} in your deck.
        </p>
        <p>
          <Link className="button" href="/review">
            {data.dueToday ? 'Start reviewing' : 'Open review'}
          </Link>
        </p>
        <h3>Next 14 days</h3>
        <ForecastChart data={data.forecast} />
      </section>

      <section className="card" aria-labelledby="streak-h">
        <h2 id="streak-h">Study days</h2>
        <ActivityHeatmap activity={data.activity} now={now} streak={data.streak} />
      </section>

      <section className="card" aria-labelledby="chapters-h">
        <h2 id="chapters-h">Chapters</h2>
        <p className="muted">
          {done} of {data.chapters.length} chapters finished.
        </p>
        <ul className={styles.chapters}>
          {data.chapters.map((c) => (
            <li key={c.slug} className={styles.chapterRow}>
              <span>
                <Link href={`/chapters/${c.slug}`}>{c.title}</Link>
                {c.completed && <span> ✓ finished</span>}
                <span className={styles.chapterMeta}>
                  {' '}
                  · {c.answered} of {c.items} questions answered, {c.firstCorrect} right first time
                </span>
              </span>
              <MasteryBadge level={c.level} />
            </li>
          ))}
        </ul>
      </section>

      <section className={`card ${styles.wide}`} aria-labelledby="modes-h">
        <h2 id="modes-h">Failure modes</h2>
        <ul className={styles.chapters}>
          {data.modes.map((m) => (
            <li key={m.label} className={styles.chapterRow}>
              <span>
                {LABEL_TEXT[m.label]}
                <span className={styles.chapterMeta}>
                  {' '}
                  · {m.answered} scenarios, {m.firstCorrect} right first time
                </span>
                {m.misread && (
                  <span className={styles.chapterMeta} data-testid={`misread-${m.label}`}>
                    {' '}
                    · misread most: &ldquo;{QUESTION_SHORT[m.misread.question].toLowerCase()}&rdquo; ({m.misread.count} of {m.misread.of})
                  </span>
                )}
              </span>
              <MasteryBadge level={m.level} />
            </li>
          ))}
        </ul>
        <h3>Your mix-ups</h3>
        <ConfusionMatrix confusion={data.confusion} />
      </section>
      {children}
    </div>
  );
}
