import { useCallback, useEffect, useRef } from 'react';
import type { WorkerFactory, WorkerLike } from './worker-like';

export interface WorkerJob<Request, Response> {
  /** Starts a fresh worker for one job (stopping any previous one) and forwards its messages. */
  start(request: Request, onMessage: (message: Response) => void, onError: (message: string) => void): void;
  /** Terminates the current worker, if any; its later messages are ignored. */
  stop(): void;
}

/** One worker per job: training runs take a second or two, so the start-up cost is negligible, and
 *  terminating is the only way to stop an engine loop mid-run. */
export function useWorkerJob<Request, Response>(createWorker: WorkerFactory<Request, Response>): WorkerJob<Request, Response> {
  const current = useRef<WorkerLike<Request, Response> | null>(null);

  const stop = useCallback(() => {
    current.current?.terminate();
    current.current = null;
  }, []);

  useEffect(() => stop, [stop]);

  const start = useCallback(
    (request: Request, onMessage: (message: Response) => void, onError: (message: string) => void) => {
      stop();
      let worker: WorkerLike<Request, Response>;
      try {
        worker = createWorker();
      } catch (error) {
        onError(error instanceof Error ? error.message : 'This browser could not start a Web Worker.');
        return;
      }
      current.current = worker;
      worker.onmessage = (event) => {
        if (current.current === worker) onMessage(event.data);
      };
      worker.onerror = (event) => {
        if (current.current !== worker) return;
        stop();
        onError(event.message || 'The training worker stopped with an error.');
      };
      worker.postMessage(request);
    },
    [createWorker, stop],
  );

  return { start, stop };
}
