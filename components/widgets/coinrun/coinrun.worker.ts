// Runs CoinRun training off the main thread. Loaded with new Worker(new URL('./coinrun.worker.ts',
// import.meta.url)) from coinrun-trainer.tsx, which the bundler turns into a separate worker chunk.
import { runCoinrunJob, type CoinrunTrainRequest } from './coinrun-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<CoinrunTrainRequest>) => {
  if (event.data?.type !== 'train') return;
  runCoinrunJob(
    event.data,
    (message) => scope.postMessage(message),
    () => performance.now(),
  );
};
