import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Dashboard } from '@/lib/db/dashboard';
import { LABEL_TEXT, QUESTION_SHORT } from '@/lib/learning/classify';
import { dueText } from '@/lib/learning/due';
import { progressText } from '@/lib/learning/progress-text';
import { ActivityHeatmap, ConfusionMatrix, ForecastChart, MasteryBadge } from './charts';
import styles from './dashboard.module.css';

export type DashboardCardsData = Pick<
  Dashboard,
  'chapters' | 'modes' | 'due' | 'totalCards' | 'forecast' | 'activity' | 'streak' | 'confusion'
>;

/** The dashboard's cards, the same for a signed-in learner (data from the server) and a guest (from the browser). */
export function DashboardCards({ data, now, children }: { data: DashboardCardsData; now: Date; children?: ReactNode }) {
  const done = data.chapters.filter((c) => c.completed).length;
  return (
    <div className={styles.grid}>
      <section className="card" aria-labelledby="due-h">
        <h2 id="due-h">Reviews</h2>
        <p className={styles.stat} data-testid="due-now">
          {data.due.now}
        </p>
        {/* The same words and counts as /review (lib/learning/due.ts): due now, later today, held back. */}
        <p data-testid="due-text">
          {dueText(data.due)}. {data.totalCards} card{data.totalCards === 1 ? '' : 's'} in your deck.
        </p>
        <p>
          <Link className="button" href="/review">
            {data.due.now ? 'Start reviewing' : 'Open review'}
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
          {done} of {data.chapters.length} chapters finished. Each counts its own questions, as its page does; drill scenarios count under
          failure modes. &ldquo;Right&rdquo; means right the first time.
        </p>
        <ul className={styles.chapters}>
          {data.chapters.map((c) => (
            <li key={c.slug} className={styles.chapterRow}>
              <span>
                <Link href={`/chapters/${c.slug}`}>{c.title}</Link>
                <span className={styles.chapterMeta} data-testid={`chapter-progress-${c.slug}`}>
                  {' '}
                  ·{' '}
                  {progressText({
                    done: c.answered,
                    total: c.items,
                    right: c.firstCorrect,
                    unit: 'questions',
                    chapterFinished: c.completed,
                  })}
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
                  · {progressText({ done: m.answered, total: m.items, right: m.firstCorrect, unit: 'questions' })}
                  {m.answered > 0 && ` · ${m.labelRight} with the right label`}
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
