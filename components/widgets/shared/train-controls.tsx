import type { ReactNode } from 'react';
import { formatCount } from './format';
import { ProgressBar } from './progress-bar';
import { SEED_MAX, SEED_MIN, type TrainingRunState } from './use-training-run';
import shared from './widget.module.css';

type RunView = TrainingRunState & { setSeedText(text: string): void };

/** The seed input both trainers have, with its hint and, after a bad value, its error (tied to it for screen readers). */
export function SeedField({ id, run, hint }: { id: string; run: RunView; hint: ReactNode }) {
  return (
    <div className={shared.field}>
      <label htmlFor={`${id}-seed`}>Seed</label>
      <input
        id={`${id}-seed`}
        className={shared.input}
        type="number"
        inputMode="numeric"
        min={SEED_MIN}
        max={SEED_MAX}
        step={1}
        value={run.seedText}
        aria-invalid={run.seedError ? true : undefined}
        aria-describedby={`${id}-seed-hint${run.seedError ? ` ${id}-seed-error` : ''}`}
        onChange={(event) => run.setSeedText(event.target.value)}
      />
      <span id={`${id}-seed-hint`} className={shared.hint}>
        {hint}
      </span>
      {run.seedError && (
        <span id={`${id}-seed-error`} className={shared.fieldError}>
          {run.seedError}
        </span>
      )}
    </div>
  );
}

export interface TrainControlsProps {
  id: string;
  run: RunView;
  onTrain(): void;
  onStop(): void;
  progress: { done: number; total: number; unit: string };
  /** The settings fields (a SeedField among them); disabled while training. */
  children: ReactNode;
}

/** Settings, Train/Stop, the progress bar, the failure alert and the status line, in the same order in both trainers. */
export function TrainControls({ id, run, onTrain, onStop, progress, children }: TrainControlsProps) {
  return (
    <>
      <fieldset className={shared.controls} disabled={run.training}>
        <legend>Training settings</legend>
        {children}
      </fieldset>

      <div className={shared.actions}>
        {run.training ? (
          <button type="button" className="button button--ghost" onClick={onStop}>
            Stop training
          </button>
        ) : (
          <button type="button" className="button" onClick={onTrain}>
            Train
          </button>
        )}
      </div>

      <ProgressBar
        id={`${id}-progress`}
        label="Training progress"
        value={progress.done}
        max={progress.total}
        valueText={`${formatCount(progress.done)} of ${formatCount(progress.total)} ${progress.unit}`}
      />
      {run.error && (
        <p className={shared.error} role="alert">
          Training failed: {run.error}
        </p>
      )}
      <p role="status" className={shared.status}>
        {run.message}
      </p>
    </>
  );
}
