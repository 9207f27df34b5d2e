'use client';
import { useId, useState, type ChangeEvent } from 'react';
import {
  ALL_ANSWERS,
  CAPABILITY_AXIS,
  DEFAULT_ANSWERS,
  FAILURE_MODES,
  GOAL_AXIS,
  SIGNAL_AXIS,
  classify,
  comboKey,
  type Answers,
  type Axis,
} from './taxonomy-data';
import { TableScroll } from '@/components/ui/table-scroll';
import styles from './taxonomy.module.css';
import shared from '../shared/widget.module.css';

// Rendered on the server like any client component, so the table, the questions and all twelve verdicts
// are in the HTML. Without JavaScript, CSS :has() on the checked radios picks the verdict and highlights
// the row (see taxonomy.module.css); with it, React state does the same and a live region announces it.

const COLUMNS = ['Failure mode', 'Training signal', 'Capability where it failed', 'Goal learned', 'In CoinRun'] as const;

export function TaxonomyExplorer() {
  const id = useId();
  const [answers, setAnswers] = useState<Answers>(DEFAULT_ANSWERS);
  const [announcement, setAnnouncement] = useState('');
  const current = classify(answers);

  function choose<K extends keyof Answers>(key: K, value: Answers[K]) {
    const next = { ...answers, [key]: value };
    setAnswers(next);
    const verdict = classify(next);
    setAnnouncement(`${verdict.headline}. ${verdict.explanation}`);
  }

  return (
    <div className={styles.root}>
      <TableScroll labelledBy={`${id}-caption`} frameClassName={shared.tableFrame}>
        {/* Explicit roles keep the table semantics when narrow screens restyle the rows as cards. */}
        <table className={`${shared.table} ${styles.table}`} role="table">
          <caption id={`${id}-caption`} className={styles.caption}>
            Three ways to fail. Each row answers the three questions for one failure mode; the last column is the same failure in CoinRun.
          </caption>
          <thead role="rowgroup">
            <tr role="row">
              {COLUMNS.map((column) => (
                <th key={column} scope="col" role="columnheader">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {FAILURE_MODES.map((mode) => {
              const match = current.mode === mode.id;
              return (
                <tr key={mode.id} role="row" data-mode={mode.id} data-match={match ? 'true' : undefined} className={styles.row}>
                  <th scope="row" role="rowheader">
                    {mode.name}
                    <span className={styles.marker} data-visible={match ? 'true' : undefined}>
                      Your answers
                    </span>
                  </th>
                  <td role="cell" data-label={COLUMNS[1]}>
                    {mode.signal}
                  </td>
                  <td role="cell" data-label={COLUMNS[2]}>
                    {mode.capability}
                  </td>
                  <td role="cell" data-label={COLUMNS[3]}>
                    {mode.goal}
                  </td>
                  <td role="cell" data-label={COLUMNS[4]}>
                    {mode.coinrun}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>

      <form className={styles.picker} aria-labelledby={`${id}-picker`} onSubmit={(event) => event.preventDefault()}>
        <p id={`${id}-picker`} className={styles.pickerTitle}>
          Sort a failure yourself: answer the three questions and see which row, if any, it lands in.
        </p>
        <div className={styles.questions}>
          <AxisGroup axis={SIGNAL_AXIS} value={answers.signal} onChange={(v) => choose('signal', v)} />
          <AxisGroup axis={CAPABILITY_AXIS} value={answers.capability} onChange={(v) => choose('capability', v)} />
          <AxisGroup axis={GOAL_AXIS} value={answers.goal} onChange={(v) => choose('goal', v)} />
        </div>

        <div className={styles.verdicts}>
          {ALL_ANSWERS.map((combo) => {
            const key = comboKey(combo);
            const verdict = classify(combo);
            return (
              <div
                key={key}
                className={styles.verdict}
                data-signal={combo.signal}
                data-capability={combo.capability}
                data-goal={combo.goal}
                data-kind={verdict.mode ? 'mode' : 'none'}
                data-testid={`verdict-${key}`}
                hidden={key !== comboKey(answers)}
              >
                <p className={styles.verdictHead}>
                  <span className={styles.verdictTag}>{verdict.mode ? 'Failure mode' : 'No single mode'}</span>{' '}
                  <strong>{verdict.headline}</strong>
                </p>
                <p>{verdict.explanation}</p>
                <p>
                  <em>In CoinRun:</em> {verdict.coinrun}
                </p>
              </div>
            );
          })}
        </div>
        <p role="status" className="visually-hidden">
          {announcement}
        </p>
      </form>
    </div>
  );
}

interface AxisGroupProps<K extends keyof Answers> {
  axis: Axis<K>;
  value: Answers[K];
  onChange: (value: Answers[K]) => void;
}

function AxisGroup<K extends keyof Answers>({ axis, value, onChange }: AxisGroupProps<K>) {
  return (
    <fieldset className={styles.group}>
      <legend>{axis.question}</legend>
      <div className={styles.options}>
        {axis.options.map((option) => (
          <label key={option.value} className={styles.option}>
            <input
              type="radio"
              name={axis.key}
              value={option.value}
              data-axis={axis.key}
              checked={value === option.value}
              onChange={(event: ChangeEvent<HTMLInputElement>) => {
                if (event.target.checked) onChange(option.value);
              }}
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
