// Messages between the simplicity trainer and its Web Worker, and the job the worker runs: a plain
// function of the request, so tests can run it in-thread behind a fake Worker.
import { makeSimplicityData, resolveSimplicityConfig, train, type EpochStats } from '@/lib/toys/simplicity';
import { buildOutcome, type SimplicityOutcome } from './simplicity-scene';

export interface SimplicityTrainRequest {
  type: 'train';
  seed: number;
  disagreement: number;
  hidden: number;
  epochs: number;
}

export type SimplicityMessage =
  /** Every epoch finished since the previous message, in order. */
  | { type: 'progress'; epochs: EpochStats[]; total: number }
  | { type: 'done'; outcome: SimplicityOutcome }
  | { type: 'error'; message: string };

/** Posts at most this often; an epoch takes one or two milliseconds. */
export const PROGRESS_INTERVAL_MS = 50;

export function runSimplicityJob(request: SimplicityTrainRequest, post: (message: SimplicityMessage) => void, now: () => number): void {
  try {
    const config = resolveSimplicityConfig({
      seed: request.seed,
      disagreement: request.disagreement,
      hidden: request.hidden,
      epochs: request.epochs,
    });
    let pending: EpochStats[] = [];
    let last = -Infinity;
    const result = train(config, (stats) => {
      pending.push(stats);
      const t = now();
      if (t - last < PROGRESS_INTERVAL_MS) return;
      last = t;
      post({ type: 'progress', epochs: pending, total: config.epochs });
      pending = [];
    });
    if (pending.length > 0) post({ type: 'progress', epochs: pending, total: config.epochs });
    post({ type: 'done', outcome: buildOutcome(config, makeSimplicityData(config), result.model, result.history, result.final) });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
