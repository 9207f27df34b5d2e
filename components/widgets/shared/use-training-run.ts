import { useReducer } from 'react';
import { useWorkerJob } from './use-worker-job';
import type { WorkerFactory } from './worker-like';

// One training run in a worker, the way both trainers (CoinRun, simplicity bias) run it: the seed field, the
// train/stop/fail cycle and the status line move together, so they live in one reducer.

export const SEED_MIN = 1;
export const SEED_MAX = 9999;
export const SEED_ERROR = `Enter a whole number from ${SEED_MIN} to ${SEED_MAX}.`;

export interface TrainingRunState {
  seedText: string;
  seedError: string | null;
  training: boolean;
  /** Why the last run failed; cleared by the next start. */
  error: string | null;
  /** The live status line (role="status"). */
  message: string;
}

export type TrainingRunAction =
  | { type: 'seed'; text: string }
  | { type: 'invalid-seed' }
  | { type: 'start'; message: string }
  | { type: 'finish'; message: string }
  | { type: 'fail'; error: string }
  | { type: 'stop'; message: string }
  | { type: 'say'; message: string };

export function trainingRunReducer(state: TrainingRunState, action: TrainingRunAction): TrainingRunState {
  switch (action.type) {
    case 'seed':
      return { ...state, seedText: action.text };
    case 'invalid-seed':
      return { ...state, seedError: SEED_ERROR };
    case 'start':
      return { ...state, seedError: null, error: null, training: true, message: action.message };
    case 'finish':
      return { ...state, training: false, message: action.message };
    case 'fail':
      return { ...state, training: false, error: action.error, message: '' };
    case 'stop':
      return { ...state, training: false, message: action.message };
    case 'say':
      return { ...state, message: action.message };
  }
}

/** The seed as a number, or null when it is not a whole number in range. */
export function parseSeed(text: string): number | null {
  const seed = Number(text);
  return Number.isInteger(seed) && seed >= SEED_MIN && seed <= SEED_MAX ? seed : null;
}

/** The messages both trainers' workers send. */
export type TrainMessage = { type: 'progress' } | { type: 'done' } | { type: 'error'; message: string };

interface TrainOptions<Request, Response> {
  request(seed: number): Request;
  /** The status line while training. */
  starting: string;
  /** Called as the run starts (after the seed passed). */
  onStart?(): void;
  onProgress(message: Extract<Response, { type: 'progress' }>): void;
  /** Takes in the finished run; returns the status line to show. */
  onDone(message: Extract<Response, { type: 'done' }>): string;
  /** The run failed: drop any live, half-trained view. */
  onFail?(): void;
}

export interface TrainingRun<Request, Response> extends TrainingRunState {
  setSeedText(text: string): void;
  /** Shows a status line outside a run (playback, for instance). */
  say(message: string): void;
  /** Validates the seed; when it is good, starts a fresh worker on `request(seed)`. */
  train(options: TrainOptions<Request, Response>): void;
  /** Stops the run; `message` says what is still shown. */
  stop(message: string): void;
}

export function useTrainingRun<Request, Response extends TrainMessage>(
  createWorker: WorkerFactory<Request, Response>,
  initialSeed: number,
): TrainingRun<Request, Response> {
  const job = useWorkerJob(createWorker);
  const [state, dispatch] = useReducer(trainingRunReducer, initialSeed, (seed) => ({
    seedText: String(seed),
    seedError: null,
    training: false,
    error: null,
    message: '',
  }));

  function train(o: TrainOptions<Request, Response>) {
    const seed = parseSeed(state.seedText);
    if (seed === null) {
      dispatch({ type: 'invalid-seed' });
      return;
    }
    const fail = (error: string) => {
      o.onFail?.();
      dispatch({ type: 'fail', error });
    };
    dispatch({ type: 'start', message: o.starting });
    o.onStart?.();
    job.start(
      o.request(seed),
      (msg) => {
        if (msg.type === 'progress') {
          o.onProgress(msg as Extract<Response, { type: 'progress' }>);
        } else if (msg.type === 'done') {
          job.stop();
          dispatch({ type: 'finish', message: o.onDone(msg as Extract<Response, { type: 'done' }>) });
        } else {
          job.stop();
          fail((msg as { message: string }).message);
        }
      },
      fail,
    );
  }

  return {
    ...state,
    setSeedText: (text) => dispatch({ type: 'seed', text }),
    say: (message) => dispatch({ type: 'say', message }),
    train,
    stop: (message) => {
      job.stop();
      dispatch({ type: 'stop', message });
    },
  };
}
