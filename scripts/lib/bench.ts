import { parseArgs } from 'node:util';

// What every bench-*.ts script shares: its options, checked in one place with a message that says what to type; a
// PostgreSQL server only on this machine; and a hard time limit (and Ctrl-C) that stops whatever the run started.

interface NumberOption<D extends number | undefined = number | undefined> {
  type: 'number';
  default: D;
  min: number;
  max?: number;
  integer?: boolean;
}
/** A database server's URL; only a server on this machine is accepted. */
interface LoopbackUrlOption {
  type: 'url';
  placeholder: string;
}
type BenchOption = NumberOption | LoopbackUrlOption | { type: 'boolean' };

/** A number option, `default` when absent (or undefined: then it is optional), checked against min..max. */
export const num = <D extends number | undefined>(def: D, min: number, max?: number): NumberOption<D> => ({
  type: 'number',
  default: def,
  min,
  max,
});
/** The same for a whole number (ports, counts, seeds). */
export const int = <D extends number | undefined>(def: D, min: number, max?: number): NumberOption<D> => ({
  ...num(def, min, max),
  integer: true,
});
/** A database server's URL, which must be on this machine: a benchmark creates and drops databases there. */
export const loopbackUrl = (placeholder: string): LoopbackUrlOption => ({ type: 'url', placeholder });
export const flag = () => ({ type: 'boolean' }) as const;
/** Any TCP port. */
export const tcpPort = () => int(undefined, 1, 65_535);

type Values<S extends Record<string, BenchOption>> = {
  [K in keyof S]: S[K] extends { type: 'boolean' }
    ? boolean
    : S[K] extends { type: 'url' }
      ? string | undefined
      : S[K] extends NumberOption<number>
        ? number
        : number | undefined;
};

/** Prints what was wrong and how to call the script, then exits 2 (no stack trace: the input is the problem). */
function usageError(script: string, usage: string, problem: string): never {
  console.error(`${script}: ${problem}\nUsage: npm run ${script} -- ${usage}`);
  process.exit(2);
}

function usageOf(spec: Record<string, BenchOption>): string {
  return Object.entries(spec)
    .map(([name, o]) => {
      if (o.type === 'boolean') return `[--${name}]`;
      if (o.type === 'url') return `[--${name} ${o.placeholder}]`;
      const range = o.max === undefined ? `≥${o.min}` : `${o.min}..${o.max}`;
      return `[--${name} ${range}${o.default === undefined ? '' : ` (default ${o.default})`}]`;
    })
    .join(' ');
}

/**
 * Parses `npm run <script> -- …` options against `spec`. An unknown option, a number that is not one, out of range,
 * or not whole where it must be, ends the run with the usage line before anything is started.
 */
export function benchArgs<S extends Record<string, BenchOption>>(
  script: string,
  spec: S,
  argv = process.argv.slice(2),
): Values<S> & { fail: (problem: string) => never } {
  const usage = usageOf(spec);
  const fail = (problem: string): never => usageError(script, usage, problem);
  let values: Record<string, string | boolean | undefined>;
  try {
    const options = Object.fromEntries(
      Object.entries(spec).map(([name, o]) => [name, { type: o.type === 'boolean' ? 'boolean' : 'string' } as const]),
    );
    values = parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    return fail((e as Error).message);
  }
  const out: Record<string, unknown> = {};
  for (const [name, o] of Object.entries(spec)) {
    const raw = values[name];
    if (o.type === 'boolean') out[name] = raw === true;
    else if (o.type === 'url') out[name] = typeof raw === 'string' ? requireLoopback(raw, `--${name}`, fail) : undefined;
    else if (raw === undefined) out[name] = o.default;
    else {
      const n = Number(raw);
      const bad =
        typeof raw !== 'string' ||
        raw.trim() === '' ||
        !Number.isFinite(n) ||
        n < o.min ||
        (o.max !== undefined && n > o.max) ||
        (o.integer && !Number.isInteger(n));
      const range = o.max === undefined ? `at least ${o.min}` : `from ${o.min} to ${o.max}`;
      if (bad) fail(`--${name} must be ${o.integer ? 'a whole number' : 'a number'} ${range} (got "${String(raw)}").`);
      out[name] = n;
    }
  }
  return { ...(out as Values<S>), fail };
}

function requireLoopback(url: string, option: string, fail: (problem: string) => never): string {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return fail(`${option} must be a URL such as postgresql://user:password@127.0.0.1:5432/postgres (got "${url}").`);
  }
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host))
    fail(`${option} must point at a server on this machine (127.0.0.1, localhost or ::1), not ${host}.`);
  return url;
}

/**
 * Bounds the run: after `limitMs`, or on Ctrl-C or SIGTERM, `cleanup` stops what the run started (servers,
 * browsers, temporary databases) and the process exits, 2 when the time ran out, 130 on a signal. Call `done()` once
 * the run has cleaned up after itself.
 */
export function hardLimit(script: string, limitMs: number, cleanup: () => unknown): { done: () => void } {
  const bail = (code: number) => {
    void Promise.resolve()
      .then(cleanup)
      .catch((e: unknown) => console.error('cleanup failed:', e))
      .finally(() => process.exit(code));
  };
  const timer = setTimeout(() => {
    console.error(`${script} exceeded its time limit (${Math.round(limitMs / 1000)} s); stopping.`);
    bail(2);
  }, limitMs);
  timer.unref();
  const onSignal = () => bail(130);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    done: () => {
      clearTimeout(timer);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
