'use client';
import { memo, useEffect, useId, useRef, useState } from 'react';
import type { EpochStats } from '@/lib/toys/simplicity';
import { formatPercent } from '../shared/format';
import { SeedField, TrainControls } from '../shared/train-controls';
import { useTrainingRun } from '../shared/use-training-run';
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
  const run = useTrainingRun(createWorker, reference.outcome.config.seed);
  const epochs = reference.epochs;

  const [disagreement, setDisagreement] = useState(reference.disagreements[0] ?? 0);
  const [hidden, setHidden] = useState(reference.hidden);
  const [outcome, setOutcome] = useState<SimplicityOutcome>(reference.outcome);
  const [source, setSource] = useState<'sweep' | 'you'>('sweep');
  const [live, setLive] = useState<EpochStats[] | null>(null);

  useEffect(() => {
    // Focus the panel's title (it replaces the button that had focus) without scrolling the page: the
    // next Tab reaches the first control, which sits about where the button was.
    if (focusOnMount) title.current?.focus({ preventScroll: true });
  }, [focusOnMount]);

  function startTraining() {
    run.train({
      request: (seed) => ({ type: 'train', seed, disagreement, hidden, epochs }),
      starting: `Training for ${epochs} epochs…`,
      onStart: () => setLive([]),
      onProgress: (msg) => setLive((previous) => [...(previous ?? []), ...msg.epochs]),
      onDone: (msg) => {
        setLive(null);
        setOutcome(msg.outcome);
        setSource('you');
        const f = msg.outcome.final;
        return (
          `Training finished: iid ${formatPercent(f.iid)}, shape randomized ${formatPercent(f.hardRandomized)}, ` +
          `position randomized ${formatPercent(f.simpleRandomized)}.`
        );
      },
      onFail: () => setLive(null),
    });
  }

  function stopTraining() {
    run.stop('Training stopped. The previous network is still shown.');
    setLive(null);
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
              Test accuracy per epoch. Solid line with circles: iid. Dotted with squares: shape randomized. Dashed with triangles: position
              randomized.
            </figcaption>
          </figure>
        </div>
      </div>

      <p className={styles.summary}>
        {summarize(outcome)} {readingOf(outcome.final)}
      </p>

      <TrainControls id={id} run={run} onTrain={startTraining} onStop={stopTraining} progress={{ done, total: epochs, unit: 'epochs' }}>
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
        <SeedField id={id} run={run} hint="Sets the data, the starting weights and the batch order." />
      </TrainControls>
      {row && (
        <p className={shared.hint}>
          The sweep&apos;s mean over {reference.seeds.length} seeds at {formatPercent(row.disagreement)} disagreement ({reference.hidden}{' '}
          hidden units): iid {formatPercent(row.iid)}, shape randomized {formatPercent(row.hardRandomized)}, position randomized{' '}
          {formatPercent(row.simpleRandomized)}.
        </p>
      )}
    </div>
  );
}
