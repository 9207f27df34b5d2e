import type { WorkerLike } from '../../../components/widgets/shared/worker-like';

/** A stand-in for a Web Worker that runs the widget's job function in-thread. The job runs to completion
 *  inside postMessage (as the real worker would, only elsewhere); its messages are queued and handed to the
 *  widget either all at once on the next tick ('auto') or when the test says so ('manual'), so a test can
 *  look at the widget between progress messages. Messages are copied as postMessage would copy them. */
export class FakeWorker<Request, Response> implements WorkerLike<Request, Response> {
  onmessage: ((event: { data: Response }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  readonly requests: Request[] = [];
  readonly queue: Response[] = [];
  terminated = false;

  constructor(
    private readonly job: (request: Request, post: (message: Response) => void) => void,
    private readonly mode: 'auto' | 'manual' = 'auto',
  ) {}

  postMessage(request: Request): void {
    this.requests.push(structuredClone(request));
    this.job(structuredClone(request), (message) => this.queue.push(structuredClone(message)));
    if (this.mode === 'auto') setTimeout(() => this.flush(), 0);
  }

  /** Hands the next queued message to the widget; returns it, or undefined when the queue is empty. */
  deliver(): Response | undefined {
    if (this.terminated) return undefined;
    const message = this.queue.shift();
    if (message !== undefined) this.onmessage?.({ data: message });
    return message;
  }

  flush(): void {
    while (!this.terminated && this.queue.length > 0) this.deliver();
  }

  terminate(): void {
    this.terminated = true;
  }
}

/** A clock that moves on by `step` ms each time it is read, so a throttled job posts predictably. */
export function steppingClock(step: number): () => number {
  let t = 0;
  return () => (t += step);
}
