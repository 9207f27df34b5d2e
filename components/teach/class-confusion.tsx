import Link from 'next/link';
import { LABEL_TEXT, QUESTION_TEXT, type Label, type Question } from '@/lib/learning/classify';
import type { classConfusion } from '@/lib/learning/item-stats';
import { plural } from './format';
import styles from './teach.module.css';
import { TableScroll } from '@/components/ui/table-scroll';

export type Confusion = ReturnType<typeof classConfusion>;

// The diagnostic question that tells each pair of failure modes apart (the course's three-question taxonomy).
const SEPARATING_QUESTION: Record<string, Question> = {
  'specification-gaming|goal-misgeneralization': 'training',
  'goal-misgeneralization|capability-failure': 'competence',
  'specification-gaming|capability-failure': 'competence',
};
const separatingQuestion = (a: Label, b: Label): Question =>
  SEPARATING_QUESTION[`${a}|${b}`] ?? SEPARATING_QUESTION[`${b}|${a}`] ?? 'training';
const lower = (l: Label) => LABEL_TEXT[l].toLowerCase();

/** The mix-ups, biggest first. */
function offDiagonal(c: Confusion) {
  return c.matrix
    .flatMap((row) =>
      row.cells
        .filter((cell) => cell.picked !== row.truth)
        .map((cell) => ({ truth: row.truth, picked: cell.picked, count: cell.count, drivers: cell.drivers })),
    )
    .sort((a, b) => b.count - a.count);
}

/** One or two sentences on what to explain next: the biggest mix-up, its scenarios, and the question that settles it. */
export function mondaySummary(c: Confusion, titleOf: (scenarioId: string) => string): string {
  if (c.responses === 0) return '';
  const mixups = offDiagonal(c);
  // The totals come from classConfusion, the same computation as the matrix and the tables below.
  const wrong = c.wrongLabels;
  const top = mixups[0];
  const axes = (Object.entries(c.questionErrors) as [Question, number][]).sort((a, b) => b[1] - a[1]);
  const worstAxis = axes[0];
  if (!top || top.count === 0) {
    const all = `The class gave the right label in all ${plural(c.responses, 'first answer')}.`;
    if (c.wrongReasons === 0 || !worstAxis || worstAxis[1] === 0)
      return `${all} Every reason was right too: move on to the advanced scenarios.`;
    return `${all} ${c.wrongReasons} of them had a wrong reason: practise “${QUESTION_TEXT[worstAxis[0]]}”, the question missed most (${worstAxis[1]} times).`;
  }
  const axis = separatingQuestion(top.truth, top.picked);
  const examples = top.drivers.slice(0, 2).map((d) => `“${titleOf(d.scenarioId)}”`);
  let s =
    `Explain how to tell ${lower(top.truth)} from ${lower(top.picked)}: ${top.count} of the class’s ${plural(wrong, 'wrong first answer')} ` +
    `called a ${lower(top.truth)} case ${lower(top.picked)}${examples.length ? `, most often ${examples.join(' and ')}` : ''}. ` +
    `Walk through the question that separates them: “${QUESTION_TEXT[axis]}”`;
  if (worstAxis && worstAxis[1] > 0 && worstAxis[0] !== axis)
    s += ` Then practise “${QUESTION_TEXT[worstAxis[0]]}”, the question the class gets wrong most (${worstAxis[1]} times).`;
  else if (worstAxis && worstAxis[1] > 0) s += ` It is also the question the class gets wrong most (${worstAxis[1]} times).`;
  return s;
}

export function ClassConfusion({
  classId,
  confusion,
  titleOf,
}: {
  classId: string;
  confusion: Confusion;
  titleOf: (scenarioId: string) => string;
}) {
  const labels = confusion.matrix.map((r) => r.truth);
  const axes = (Object.entries(confusion.questionErrors) as [Question, number][]).sort((a, b) => b[1] - a[1]);
  return (
    <div className={styles.stack}>
      <section className={styles.section} aria-labelledby="monday-h">
        <h2 id="monday-h">What to explain on Monday</h2>
        <p className={styles.monday} data-testid="monday">
          {mondaySummary(confusion, titleOf)}
        </p>
      </section>
      <section className={styles.section} aria-labelledby="matrix-h">
        <h2 id="matrix-h">Confusion matrix</h2>
        <TableScroll labelledBy="matrix-caption">
          <table className={`${styles.table} ${styles.matrix}`} data-testid="class-confusion">
            <caption id="matrix-caption">
              {plural(confusion.responses, 'first answer')} in the classifier drill. Rows are the real failure mode, columns what learners
              picked; correct answers are on the diagonal (✓). Each mix-up lists the scenarios behind it.
            </caption>
            <thead>
              <tr>
                <th scope="col">Actually…</th>
                {labels.map((p) => (
                  <th key={p} scope="col">
                    Picked {lower(p)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {confusion.matrix.map((row) => {
                const total = confusion.byTruth[row.truth].answers;
                return (
                  <tr key={row.truth}>
                    <th scope="row">
                      {LABEL_TEXT[row.truth]}
                      <span className={styles.email}>{plural(total, 'answer')}</span>
                    </th>
                    {row.cells.map((cell) => (
                      <td key={cell.picked} className={styles.wrap} data-diagonal={cell.picked === row.truth ? 'true' : 'false'}>
                        <span className={styles.count}>{cell.count}</span>
                        {total > 0 && <span className="muted"> ({Math.round((cell.count / total) * 100)}%)</span>}
                        {cell.picked === row.truth ? <span> ✓ right</span> : null}
                        {cell.picked !== row.truth && cell.drivers.length > 0 && (
                          <ul
                            className={styles.drivers}
                            aria-label={`Scenarios behind ${lower(row.truth)} picked as ${lower(cell.picked)}`}
                          >
                            {cell.drivers.map((d) => (
                              <li key={d.scenarioId}>
                                <Link href={`/teach/${classId}/scenarios/${encodeURIComponent(d.scenarioId)}`}>
                                  {titleOf(d.scenarioId)}
                                </Link>{' '}
                                ({d.n}×)
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <section className={styles.section} aria-labelledby="axes-h">
        <h2 id="axes-h">Which diagnostic question goes wrong</h2>
        <TableScroll labelledBy="axes-caption">
          <table className={styles.table} data-testid="axis-errors">
            <caption id="axes-caption">
              Wrong answers to each of the three questions, most missed first ({plural(confusion.responses, 'drill answer')} in all).
            </caption>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col" className={styles.num}>
                  Wrong
                </th>
                <th scope="col" className={styles.num}>
                  Share of answers
                </th>
              </tr>
            </thead>
            <tbody>
              {axes.map(([axis, n]) => (
                <tr key={axis}>
                  <th scope="row">{QUESTION_TEXT[axis]}</th>
                  <td className={styles.num}>{n}</td>
                  <td className={styles.num}>{confusion.responses ? `${Math.round((n / confusion.responses) * 100)}%` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <section className={styles.section} aria-labelledby="misread-h">
        <h2 id="misread-h">The question misread most, by failure mode</h2>
        <TableScroll labelledBy="misread-caption">
          <table className={styles.table} data-testid="misread-by-label">
            <caption id="misread-caption">
              For the cases of each failure mode, the diagnostic question the class answered wrongly most often.
            </caption>
            <thead>
              <tr>
                <th scope="col">Cases that are…</th>
                <th scope="col">Question misread most</th>
                <th scope="col" className={styles.num}>
                  Wrong
                </th>
              </tr>
            </thead>
            <tbody>
              {labels.map((l) => {
                const m = confusion.misreadByLabel[l];
                return (
                  <tr key={l} data-label={l}>
                    <th scope="row">{LABEL_TEXT[l]}</th>
                    <td className={styles.wrap}>{m ? QUESTION_TEXT[m.question] : 'None misread yet'}</td>
                    <td className={styles.num}>{m ? `${m.count} of ${m.of}` : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </div>
  );
}
