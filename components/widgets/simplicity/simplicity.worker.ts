// Trains the simplicity-bias network off the main thread. Loaded with new Worker(new URL(
// './simplicity.worker.ts', import.meta.url)) from simplicity-trainer.tsx.
import { runSimplicityJob, type SimplicityTrainRequest } from './simplicity-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<SimplicityTrainRequest>) => {
  if (event.data?.type !== 'train') return;
  runSimplicityJob(
    event.data,
    (message) => scope.postMessage(message),
    () => performance.now(),
  );
};
