import net from 'node:net';
import { buildIsFresh, recordBuild } from './build-state';
import { run } from './run';
import type { Server } from './load-servers';

// What the load benchmarks share (bench:load, bench:crash, bench:pages): JSON-only stdout, the production build,
// the answers they post, and the check that a minted or signed-in session cookie is accepted.

/** Progress to stderr, prefixed; stdout carries only the final JSON document. */
export const log = (...a: unknown[]) => console.error('▸', ...a);

/** Sends console.log/info/warn (ours and any library's) to stderr, so stdout is the JSON document alone. */
export function jsonOnlyStdout(): void {
  console.log = console.error;
  console.info = console.error;
  console.warn = console.error;
}

/** Builds the production app unless the recorded build matches the sources (scripts/lib/build-state.ts). */
export function ensureProductionBuild(): { built: boolean } {
  if (buildIsFresh()) return { built: false };
  log('building the production app');
  run('npm', ['run', '--silent', 'build'], { env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 2, 2] });
  recordBuild();
  return { built: true };
}

export interface QuizRef {
  id: string;
  options: number;
}

/** Real quiz ids and their option counts, from the course text. */
export async function loadQuizzes(): Promise<QuizRef[]> {
  const { getCourse } = await import('../../lib/content/course');
  const quizzes = [...getCourse().quizzes.values()].map((q) => ({ id: q.id, options: q.choices.length }));
  if (quizzes.length === 0) throw new Error('The course has no quizzes to answer.');
  return quizzes;
}

/**
 * The body of the n-th answer (n = 0, 1, 2, …) a load run posts to /api/answers: the quizzes in turn, a choice,
 * confidence and duration that vary with n, and the caller's idempotency key.
 */
export function answerBody(quizzes: QuizRef[], n: number, idempotencyKey: string): string {
  const q = quizzes[n % quizzes.length]!;
  const m = n + 1;
  return JSON.stringify({
    quizId: q.id,
    selected: [m % q.options],
    confident: m % 3 !== 0,
    durationMs: 3000 + (m % 20_000),
    idempotencyKey,
  });
}

/** Throws unless `cookie` is a session the server accepts (and no cookie is refused). */
export async function verifyCookie(server: Server, cookie: string): Promise<void> {
  const signedIn = await fetch(`${server.url}/api/progress`, { headers: { cookie } });
  await signedIn.arrayBuffer();
  const signedOut = await fetch(`${server.url}/api/progress`);
  await signedOut.arrayBuffer();
  if (signedIn.status !== 200 || signedOut.status !== 401) {
    throw new Error(`The session cookie is not accepted: GET /api/progress gave ${signedIn.status} with it, ${signedOut.status} without.`);
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** The first port from `from` to `to` (inclusive) that nobody listens on now, on 127.0.0.1. */
export async function freePortIn(from: number, to: number): Promise<number> {
  for (let p = from; p <= to; p++) if (await portIsFree(p)) return p;
  throw new Error(`No free port between ${from} and ${to}.`);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
