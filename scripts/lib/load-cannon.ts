import { createRequire } from 'node:module';

// autocannon 9 (no type package installed): the little of its API the load benchmark uses, typed here.

interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: CannonRequest, context: object) => CannonRequest;
}
interface CannonClient {
  setRequests(requests: CannonRequest[]): void;
  on(event: 'response', fn: (status: number) => void): void;
  on(event: 'timeout' | 'reqError', fn: () => void): void;
}
interface CannonOptions {
  url: string;
  connections: number;
  duration: number;
  pipelining: 1;
  timeout: number;
  requests?: CannonRequest[];
  setupClient?: (client: CannonClient) => void;
}
interface Histogram {
  average: number;
  mean: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
  max: number;
}
export interface CannonResult {
  latency: Histogram;
  requests: Histogram & { total: number };
  duration: number;
  /** Response bytes (headers and body) per second. */
  throughput: Histogram & { total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  '4xx': number;
  '5xx': number;
  statusCodeStats?: Record<string, { count: number }>;
}

const autocannon = createRequire(import.meta.url)('autocannon') as (opts: CannonOptions) => Promise<CannonResult> & { stop(): void };

export interface LoadSpec {
  url: string;
  connections: number;
  durationSec: number;
  /**
   * Called once per connection (its index, 0-based), returning that connection's request factory and, optionally,
   * a callback for each response (its status) to the request the factory made last. With no pipelining a connection
   * has one request in flight, so a response always answers the last request made on it.
   */
  perConnection?: (index: number) => { make: () => CannonRequest; onResponse?: (status: number) => void };
  path?: string;
  /** Request headers for the plain GET of `path`. */
  headers?: Record<string, string>;
}

/** One autocannon run, no pipelining, each connection with its own request factory when given. */
export function cannon(spec: LoadSpec): Promise<CannonResult> {
  let next = 0;
  const opts: CannonOptions = {
    url: spec.url,
    connections: spec.connections,
    duration: spec.durationSec,
    pipelining: 1,
    timeout: 10,
  };
  if (spec.perConnection) {
    const factoryFor = spec.perConnection;
    opts.setupClient = (client) => {
      const { make, onResponse } = factoryFor(next++);
      client.setRequests([{ setupRequest: (req) => ({ ...req, ...make() }) }]);
      if (onResponse) client.on('response', onResponse);
    };
  } else {
    opts.requests = [{ method: 'GET', path: spec.path ?? '/', ...(spec.headers ? { headers: spec.headers } : {}) }];
  }
  return autocannon(opts);
}

/** Figures from a set of autocannon runs made side by side (one per server). */
export function combine(results: CannonResult[], durationSec: number) {
  const sum = (f: (r: CannonResult) => number) => results.reduce((a, r) => a + f(r), 0);
  const ok = sum((r) => r['2xx']);
  const total = sum((r) => r.requests.total);
  const worst = (f: (r: CannonResult) => number) => Math.max(...results.map(f));
  const statuses: Record<string, number> = {};
  for (const r of results)
    for (const [code, s] of Object.entries(r.statusCodeStats ?? {})) statuses[code] = (statuses[code] ?? 0) + s.count;
  return {
    requests: total,
    acknowledged2xx: ok,
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    statusCodes: statuses,
    perSecond: +(ok / durationSec).toFixed(1),
    // Bytes on the wire per response, headers included: what a compressed copy saves.
    bytesPerResponse: Math.round(sum((r) => r.throughput.total) / Math.max(1, total)),
    latencyMs: {
      // One server: autocannon's own percentiles. Several: the worst server's (percentiles do not add up).
      p50: worst((r) => r.latency.p50),
      p97_5: worst((r) => r.latency.p97_5),
      p99: worst((r) => r.latency.p99),
      max: worst((r) => r.latency.max),
      mean: +(sum((r) => r.latency.mean * r.requests.total) / Math.max(1, total)).toFixed(2),
    },
  };
}
