import type { Dashboard } from '@/lib/db/dashboard';
import { LABEL_TEXT } from '@/lib/learning/classify';
import { MASTERY_HELP, MASTERY_TEXT, masteryProgress, type MasteryLevel } from '@/lib/learning/mastery';
import styles from './dashboard.module.css';
import { TableScroll } from '@/components/ui/table-scroll';

const shortDay = (day: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString('en', { weekday: 'short', day: 'numeric', timeZone: 'UTC' });

export function ForecastChart({ data }: { data: Dashboard['forecast'] }) {
  const max = Math.max(1, ...data.map((d) => d.count));
  const w = 28;
  const h = 110;
  return (
    <figure className={styles.figure}>
      <svg viewBox={`0 0 ${data.length * w} ${h + 34}`} width="100%" role="img" aria-labelledby="forecast-title">
        <title id="forecast-title">Reviews due each day for the next 14 days</title>
        {data.map((d, i) => {
          const bh = Math.round((d.count / max) * h);
          return (
            <g key={d.day}>
              <rect x={i * w + 4} y={h - bh + 14} width={w - 8} height={bh} className={i === 0 ? styles.barToday : styles.bar} />
              <text x={i * w + w / 2} y={h - bh + 10} textAnchor="middle" className={styles.barLabel}>
                {d.count || ''}
              </text>
              <text x={i * w + w / 2} y={h + 30} textAnchor="middle" className={styles.axisLabel}>
                {i === 0 ? 'today' : new Date(`${d.day}T12:00:00Z`).getUTCDate()}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="visually-hidden">
        <caption>Reviews due per day</caption>
        <tbody>
          {data.map((d, i) => (
            <tr key={d.day}>
              <th scope="row">{i === 0 ? 'Today (and overdue)' : shortDay(d.day)}</th>
              <td>{d.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

export function ActivityHeatmap({ activity, now, streak }: { activity: Dashboard['activity']; now: Date; streak: number }) {
  const weeks = 20;
  const counts = new Map(activity.map((a) => [a.day, a.count]));
  const today = new Date(`${now.toISOString().slice(0, 10)}T12:00:00Z`);
  const start = new Date(today.getTime() - ((weeks - 1) * 7 + today.getUTCDay()) * 86_400_000);
  const cells: { day: string; count: number; x: number; y: number }[] = [];
  for (let i = 0; i < weeks * 7; i++) {
    const d = new Date(start.getTime() + i * 86_400_000);
    if (d > today) break;
    const day = d.toISOString().slice(0, 10);
    cells.push({ day, count: counts.get(day) ?? 0, x: Math.floor(i / 7), y: i % 7 });
  }
  const studyDays = cells.filter((c) => c.count > 0).length;
  const level = (n: number) => (n === 0 ? 0 : n < 3 ? 1 : n < 8 ? 2 : 3);
  return (
    <figure className={styles.figure}>
      <svg viewBox={`0 0 ${weeks * 14} ${7 * 14}`} width="100%" role="img" aria-labelledby="heatmap-title">
        <title id="heatmap-title">{`Study days over the last ${weeks} weeks: ${studyDays} days with work`}</title>
        {cells.map((c) => (
          <rect key={c.day} x={c.x * 14 + 1} y={c.y * 14 + 1} width={12} height={12} rx={2} className={styles[`heat${level(c.count)}`]}>
            <title>{`${c.day}: ${c.count} answer${c.count === 1 ? '' : 's'} or reviews`}</title>
          </rect>
        ))}
      </svg>
      <figcaption>
        <strong>{streak}</strong>-day streak · {studyDays} study day{studyDays === 1 ? '' : 's'} in the last {weeks} weeks. Darker squares
        and the counts in each square&rsquo;s tooltip show more work; a day counts when you answer or review at least once.
      </figcaption>
    </figure>
  );
}

export function ConfusionMatrix({ confusion }: { confusion: Dashboard['confusion'] }) {
  const labels = Object.keys(confusion) as (keyof typeof confusion)[];
  const total = labels.reduce((n, t) => n + labels.reduce((m, p) => m + confusion[t][p], 0), 0);
  if (total === 0) return <p className="muted">Classify a few scenarios in the practice drill and your confusions will show here.</p>;
  const worst = labels
    .flatMap((t) => labels.filter((p) => p !== t).map((p) => ({ t, p, n: confusion[t][p] })))
    .sort((a, b) => b.n - a.n)[0];
  return (
    <>
      <TableScroll labelledBy="confusion-caption">
        <table className={styles.matrix}>
          <caption id="confusion-caption">
            Your first answers in the drill: rows are the real failure mode, columns the label you chose. Right labels are on the diagonal
            (✓).
          </caption>
          <thead>
            <tr>
              <th scope="col">Actually…</th>
              {labels.map((p) => (
                <th key={p} scope="col">
                  You said {LABEL_TEXT[p].toLowerCase()}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((t) => (
              <tr key={t}>
                <th scope="row">{LABEL_TEXT[t]}</th>
                {labels.map((p) => (
                  <td key={p} data-diagonal={t === p ? 'true' : 'false'} data-strong={t !== p && confusion[t][p] > 0 ? 'true' : 'false'}>
                    {confusion[t][p]} {t === p ? '✓' : ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {worst && worst.n > 0 && (
        <p>
          Your most common mix-up: calling <strong>{LABEL_TEXT[worst.t].toLowerCase()}</strong> &ldquo;{LABEL_TEXT[worst.p].toLowerCase()}
          &rdquo; ({worst.n}×).
        </p>
      )}
    </>
  );
}

export function MasteryBadge({ level }: { level: MasteryLevel }) {
  return (
    <span className={styles.mastery} data-level={level} title={MASTERY_HELP[level]}>
      <span className={styles.masteryBar} aria-hidden="true">
        <span style={{ width: `${Math.round(masteryProgress(level) * 100)}%` }} />
      </span>
      <span className="visually-hidden">Mastery: </span>
      {MASTERY_TEXT[level]}
    </span>
  );
}
