import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { benchArgs, flag, hardLimit, int, loopbackUrl, num, tcpPort } from '../../scripts/lib/bench';

// The benchmarks' shared option checks and time limit (scripts/lib/bench.ts): what a person running
// `npm run bench:* -- …` sees when an option is wrong, and what happens when a run overstays or is interrupted.

let exit: ReturnType<typeof vi.spyOn>;
let stderr: string[];

beforeEach(() => {
  stderr = [];
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void stderr.push(a.join(' ')));
  // process.exit never returns: the spy throws, so the code after a refusal never runs, as in a real run.
  exit = vi.spyOn(process, 'exit').mockImplementation((code) => {
    throw new Error(`exit ${code}`);
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const spec = {
  duration: num(30, 1, 600),
  connections: int(100, 1, 1000),
  pg: loopbackUrl('<admin URL>'),
  compare: flag(),
  port: tcpPort(),
};

describe('benchArgs', () => {
  it('gives the defaults, the numbers given and the flags', () => {
    expect(benchArgs('bench:load', spec, [])).toMatchObject({
      duration: 30,
      connections: 100,
      pg: undefined,
      compare: false,
      port: undefined,
    });
    const a = benchArgs('bench:load', spec, [
      '--duration',
      '2.5',
      '--connections',
      '5',
      '--compare',
      '--port',
      '3510',
      '--pg',
      'postgresql://u:p@127.0.0.1:5432/postgres',
    ]);
    expect(a).toMatchObject({ duration: 2.5, connections: 5, compare: true, port: 3510, pg: 'postgresql://u:p@127.0.0.1:5432/postgres' });
  });

  it.each([
    [['--duration', 'abc'], '--duration must be a number from 1 to 600 (got "abc").'],
    [['--duration', '0'], '--duration must be a number from 1 to 600 (got "0").'],
    [['--connections', '2.5'], '--connections must be a whole number from 1 to 1000 (got "2.5").'],
    [['--port', '70000'], '--port must be a whole number from 1 to 65535 (got "70000").'],
    [['--durations', '3'], "Unknown option '--durations'"],
    [
      ['--pg', 'postgresql://u:p@db.example.com/postgres'],
      '--pg must point at a server on this machine (127.0.0.1, localhost or ::1), not db.example.com.',
    ],
    [['--pg', 'not a url'], '--pg must be a URL such as postgresql://user:password@127.0.0.1:5432/postgres (got "not a url").'],
  ])('%j stops the run with exit code 2, what was wrong and the usage line', (argv, problem) => {
    expect(() => benchArgs('bench:load', spec, argv)).toThrow('exit 2');
    expect(exit).toHaveBeenCalledWith(2);
    expect(stderr.join('\n')).toContain(`bench:load: ${problem}`);
    expect(stderr.join('\n')).toContain(
      'Usage: npm run bench:load -- [--duration 1..600 (default 30)] [--connections 1..1000 (default 100)] [--pg <admin URL>] [--compare] [--port 1..65535]',
    );
  });
});

describe('hardLimit', () => {
  it('when the time runs out: says so, runs the cleanup, exits 2', async () => {
    vi.useFakeTimers();
    exit.mockImplementation(() => undefined as never);
    const cleanup = vi.fn(async () => undefined);
    const limit = hardLimit('bench:crash', 5_000, cleanup);
    vi.advanceTimersByTime(4_999);
    expect(cleanup).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(2));
    expect(cleanup).toHaveBeenCalledOnce();
    expect(stderr.join('\n')).toContain('bench:crash exceeded its time limit (5 s); stopping.');
    limit.done();
  });

  it('on Ctrl-C: runs the cleanup (even a failing one) and exits 130', async () => {
    exit.mockImplementation(() => undefined as never);
    const cleanup = vi.fn(() => {
      throw new Error('server already gone');
    });
    const limit = hardLimit('bench:pages', 60_000, cleanup);
    process.emit('SIGINT');
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(130));
    expect(cleanup).toHaveBeenCalledOnce();
    limit.done();
  });

  it('after done(), neither the timer nor a signal stops the process', () => {
    vi.useFakeTimers();
    const cleanup = vi.fn();
    const listeners = process.listenerCount('SIGINT');
    hardLimit('bench:load', 1_000, cleanup).done();
    vi.advanceTimersByTime(10_000);
    expect(process.listenerCount('SIGINT')).toBe(listeners);
    expect(cleanup).not.toHaveBeenCalled();
    expect(exit).not.toHaveBeenCalled();
  });
});
