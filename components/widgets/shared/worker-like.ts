// The slice of the Worker API the widgets use, so tests can hand in a fake that runs the engine in-thread.
export interface WorkerLike<Request, Response> {
  postMessage(message: Request): void;
  terminate(): void;
  onmessage: ((event: { data: Response }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

export type WorkerFactory<Request, Response> = () => WorkerLike<Request, Response>;

/** Calls `post` at most once per `intervalMs` (the first call always goes through), so a worker that
 *  finishes a block of work every millisecond does not flood the main thread with messages. The last
 *  message of a run is sent separately by the caller, so nothing is lost by dropping calls here. */
export function throttle<T>(post: (value: T) => void, intervalMs: number, now: () => number): (value: T) => void {
  let last = -Infinity;
  return (value) => {
    const t = now();
    if (t - last < intervalMs) return;
    last = t;
    post(value);
  };
}
