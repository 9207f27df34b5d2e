// The messages between the trainer and its Web Worker, and the job the worker runs. The job is a plain
// function of the request, so tests run it in-thread behind a fake Worker.
import { evaluate, train, type Policy } from '@/lib/toys/coinrun';
import { throttle } from '../shared/worker-like';
import { testSeedFor } from './coinrun-scene';

export interface CoinrunTrainRequest {
  type: 'train';
  diversity: number;
  seed: number;
  episodes: number;
  /** Test levels to evaluate the trained policy on, as the sweep does. */
  testLevels: number;
}

interface CoinrunEvaluation {
  n: number;
  coinRate: number;
  endRate: number;
  otherRate: number;
}

export type CoinrunMessage =
  | { type: 'progress'; episode: number; episodes: number }
  | {
      type: 'done';
      request: CoinrunTrainRequest;
      policy: Policy;
      /** Share of the last training block's episodes that ended on the coin: training looks fine. */
      trainCoinRate: number;
      evaluation: CoinrunEvaluation;
    }
  | { type: 'error'; message: string };

/** Posts progress at most this often; the engine reports every 100 episodes, about every 2 ms. */
export const PROGRESS_INTERVAL_MS = 50;

export function runCoinrunJob(request: CoinrunTrainRequest, post: (message: CoinrunMessage) => void, now: () => number): void {
  try {
    const progress = throttle<{ episode: number; episodes: number }>(
      ({ episode, episodes }) => post({ type: 'progress', episode, episodes }),
      PROGRESS_INTERVAL_MS,
      now,
    );
    progress({ episode: 0, episodes: request.episodes });
    const result = train({ diversity: request.diversity, seed: request.seed, episodes: request.episodes }, (p) =>
      progress({ episode: p.episode, episodes: p.episodes }),
    );
    post({ type: 'progress', episode: request.episodes, episodes: request.episodes });
    const ev = evaluate(result.policy, { levels: request.testLevels, seed: testSeedFor(request.seed), coinPlacement: 'off-path' });
    post({
      type: 'done',
      request,
      policy: result.policy,
      trainCoinRate: result.curve[result.curve.length - 1]?.coinRate ?? 0,
      evaluation: { n: ev.n, coinRate: ev.coinRate, endRate: ev.endRate, otherRate: ev.otherRate },
    });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
