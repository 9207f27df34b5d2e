'use client';
import { memo, useEffect, useId, useRef, useState } from 'react';
import type { EpochStats } from '@/lib/toys/simplicity';
import { formatCount, formatPercent } from '../shared/format';
import { ProgressBar } from '../shared/progress-bar';
import { useWorkerJob } from '../shared/use-worker-job';
import type { WorkerFactory, WorkerLike } from '../shared/worker-like';
import shared from '../shared/widget.module.css';
import { AccuracyPlot } from './accuracy-plot';
import { PlaneLegend, PlaneSvg, describePlane } from './plane-svg';
import type { SimplicityReference } from './simplicity-reference';
import type { SimplicityMessage, SimplicityTrainRequest } from './simplicity-protocol';
import type { SimplicityOutcome } from './simplicity-scene';
import { readingOf, summarize } from './simplicity-text';
import styles from './simplicity.module.css';

// Progress messages re-render the panel up to 20 times a second; the plane only changes when a run ends.
const Plane = memo(PlaneSvg);

export type SimplicityWorkerFactory = WorkerFactory<SimplicityTrainRequest, SimplicityMessage>;

/** The real worker. The `new Worker(new URL(...), import.meta.url)` shape is what the bundler looks for. */
export const createSimplicityWorker: SimplicityWorkerFactory = () =>
  new Worker(new URL('./simplicity.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike<
    SimplicityTrainRequest,
    SimplicityMessage
  >;

const HIDDEN_CHOICES = [4, 16, 32, 64];

export interface SimplicityTrainerProps {
  reference: SimplicityReference;
  createWorker?: SimplicityWorkerFactory;
  focusOnMount?: boolean;
}

export function SimplicityTrainer({ reference, createWorker = createSimplicityWorker, focusOnMount = false }: SimplicityTrainerProps) {
  const id = useId();
  const title = useRef<HTMLParagraphElement>(null);
  const job = useWorkerJob(createWorker);
  const epochs = reference.epochs;

  const [disagreement, setDisagreement] = useState(reference.disagreements[0] ?? 0);
  const [hidden, setHidden] = useState(reference.hidden);
  const [seedText, setSeedText] = useState(String(reference.outcome.config.seed));
  const [seedError, setSeedError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<SimplicityOutcome>(reference.outcome);
  const [source, setSource] = useState<'sweep' | 'you'>('sweep');
  const [live, setLive] = useState<EpochStats[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    // Focus the panel's title (it replaces the button that had focus) without scrolling the page: the
    // next Tab reaches the first control, which sits about where the button was.
    if (focusOnMount) title.current?.focus({ preventScroll: true });
  }, [focusOnMount]);

  function startTraining() {
    const seed = Number(seedText);
    if (!Number.isInteger(seed) || seed < 1 || seed > 9999) {
      setSeedError('Enter a whole number from 1 to 9999.');
      return;
    }
    setSeedError(null);
    setError(null);
    setLive([]);
    setMessage(`Training for ${epochs} epochs…`);
    job.start(
      { type: 'train', seed, disagreement, hidden, epochs },
      (msg) => {
        if (msg.type === 'progress') {
          setLive((previous) => [...(previous ?? []), ...msg.epochs]);
        } else if (msg.type === 'done') {
          job.stop();
          setLive(null);
          setOutcome(msg.outcome);
          setSource('you');
          const f = msg.outcome.final;
          setMessage(
            `Training finished: iid ${formatPercent(f.iid)}, shape randomized ${formatPercent(f.hardRandomized)}, ` +
              `position randomized ${formatPercent(f.simpleRandomized)}.`,
          );
        } else {
          job.stop();
          setLive(null);
          setError(msg.message);
          setMessage('');
        }
      },
      (text) => {
        setLive(null);
        setError(text);
        setMessage('');
      },
    );
  }

  function stopTraining() {
    job.stop();
    setLive(null);
    setMessage('Training stopped. The previous network is still shown.');
  }

  const isTraining = live !== null;
  const history = live ?? outcome.history;
  const done = live ? live.length : outcome.history.length;
  const who = source === 'sweep' ? 'The sweep’s network' : 'Your network';
  const row = reference.rows.find((r) => r.disagreement === outcome.config.disagreement);

  return (
    <div className={styles.trainer}>
      {/* Title and pictures in one block, laid out exactly as in the static view. */}
      <div>
        <p ref={title} tabIndex={-1} className={shared.panelTitle}>
          Train the network yourself
        </p>
        <div className={styles.pictures}>
          <figure className={shared.figure} aria-busy={isTraining}>
            <Plane
              scene={outcome.plane}
              idPrefix={`${id}-plane`}
              title={`${who}: training data and decision boundary`}
              description={describePlane(outcome.plane)}
            />
            <figcaption className={shared.caption}>
              <PlaneLegend />
              {isTraining
                ? 'The previous network’s boundary; the new one appears when training finishes.'
                : `${who}'s decision boundary over a sample of its training points (position disagreeing on ${formatPercent(outcome.config.disagreement)}).`}
            </figcaption>
          </figure>
          <figure className={shared.figure}>
            <AccuracyPlot
              history={history}
              epochs={epochs}
              idPrefix={`${id}-plot`}
              title={isTraining ? `Your network, training: epoch ${done} of ${epochs}` : `${who}: test accuracy per epoch`}
            />
            <figcaption className={shared.caption}>
              Test accuracy per epoch. Solid line with circles: iid. Dotted with squares: shape randomized. Dashed with triangles: position randomized.
            </figcaption>
          </figure>
        </div>
      </div>

      <p className={styles.summary}>
        {summarize(outcome)} {readingOf(outcome.final)}
      </p>

      <fieldset className={shared.controls} disabled={isTraining}>
        <legend>Training settings</legend>
        <fieldset className={shared.radioGroup} aria-describedby={`${id}-disagreement-hint`}>
          <legend>Position disagrees with the label on</legend>
          {reference.disagreements.map((d) => (
            <label key={d} className={shared.radioOption}>
              <input type="radio" name={`${id}-disagreement`} value={d} checked={disagreement === d} onChange={() => setDisagreement(d)} />
              {formatPercent(d)}
            </label>
          ))}
          <span id={`${id}-disagreement-hint`} className={shared.hint}>
            of training points, where only shape gives the right answer.
          </span>
        </fieldset>
        <div className={shared.field}>
          <label htmlFor={`${id}-hidden`}>Hidden units</label>
          <select id={`${id}-hidden`} className={shared.input} value={hidden} onChange={(event) => setHidden(Number(event.target.value))}>
            {HIDDEN_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n}
                {n === reference.hidden ? ' (sweep)' : ''}
              </option>
            ))}
          </select>
        </div>
        <div className={shared.field}>
          <label htmlFor={`${id}-seed`}>Seed</label>
          <input
            id={`${id}-seed`}
            className={shared.input}
            type="number"
            inputMode="numeric"
            min={1}
            max={9999}
            step={1}
            value={seedText}
            aria-invalid={seedError ? true : undefined}
            aria-describedby={`${id}-seed-hint${seedError ? ` ${id}-seed-error` : ''}`}
            onChange={(event) => setSeedText(event.target.value)}
          />
          <span id={`${id}-seed-hint`} className={shared.hint}>
            Sets the data, the starting weights and the batch order.
          </span>
          {seedError && (
            <span id={`${id}-seed-error`} className={styles.fieldError}>
              {seedError}
            </span>
          )}
        </div>
      </fieldset>

      <div className={shared.actions}>
        {isTraining ? (
          <button type="button" className="button button--ghost" onClick={stopTraining}>
            Stop training
          </button>
        ) : (
          <button type="button" className="button" onClick={startTraining}>
            Train
          </button>
        )}
      </div>

      <ProgressBar
        id={`${id}-progress`}
        label="Training progress"
        value={done}
        max={epochs}
        valueText={`${formatCount(done)} of ${formatCount(epochs)} epochs`}
      />
      {error && (
        <p className={shared.error} role="alert">
          Training failed: {error}
        </p>
      )}
      <p role="status" className={shared.status}>
        {message}
      </p>
      {row && (
        <p className={shared.hint}>
          The sweep&apos;s mean over {reference.seeds.length} seeds at {formatPercent(row.disagreement)} disagreement (
          {reference.hidden} hidden units): iid {formatPercent(row.iid)}, shape randomized {formatPercent(row.hardRandomized)},
          position randomized {formatPercent(row.simpleRandomized)}.
        </p>
      )}
    </div>
  );
}
