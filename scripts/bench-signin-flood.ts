// npm run bench:signin-flood [-- --duration 15] [--flood 12] [--port N]
//
// Issue 14, finding 7: does a flood of failing sign-ins slow everyone else down? Against the production build on a
// throwaway SQLite database (TRUST_PROXY=1, as behind a load balancer), one connection each measures the HTML chapter
// page and POST /api/answers (a signed-in learner) while the server is idle, then again while --flood connections
// (12) post failing sign-ins as fast as they are answered: every request a new email from a new forwarded address
// (the worst case, a botnet: no per-address or per-account limit trips, so only the hashing bound stands between
// the flood and the CPUs). Half the flood posts the sign-in form's server action, half Auth.js's own credentials
// endpoint. The server's resident memory is sampled throughout. Prints JSON only (progress goes to stderr).
//
// Goals: during the flood each measured route's p50 stays within 2x its idle p50, and resident memory grows by less
// than 100 MB over its level just before the flood. --hold-ms N runs the server with AUTH_BUSY_HOLD_MS=N (0 answers
// busy sign-ins at once) to compare.
import fs from 'node:fs';
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { benchArgs, hardLimit, int, num, tcpPort } from './lib/bench';
import { cannon, combine } from './lib/load-cannon';
import { answerBody, ensureProductionBuild, jsonOnlyStdout, loadQuizzes, log, sleep, verifyCookie } from './lib/load';
import { killAllServersNow, startServer, stopAllServers } from './lib/load-servers';
import { createStore, type TempStore } from './lib/load-store';

const args = benchArgs('bench:signin-flood', {
  duration: num(15, 3, 300),
  flood: int(12, 1, 200),
  // Long enough for the server's heap to reach its working size, so memory growth is the flood's, not warm-up's.
  warmup: num(10, 0),
  port: tcpPort(),
  // AUTH_BUSY_HOLD_MS for the server: how long a busy answer is held (default: the app's default, 1000).
  'hold-ms': int(undefined, 0, 5000),
});
const { duration, warmup } = args;
const floodConnections = args.flood;
const holdMs = args['hold-ms'];
const CHAPTER = '/chapters/introduction';

jsonOnlyStdout();
const AUTH_SECRET = randomBytes(32).toString('hex');
process.env.AUTH_SECRET = AUTH_SECRET;
process.env.NEXT_TELEMETRY_DISABLED = '1';

let store: TempStore | null = null;
const limit = hardLimit('bench:signin-flood', (600 + 4 * (duration + warmup)) * 1000, () => {
  killAllServersNow();
  return store?.dispose();
});

ensureProductionBuild();
const loadAtStart = os.loadavg().map((x) => +x.toFixed(2));
const quizzes = await loadQuizzes();

/** The sign-in form's server action id, from the build's manifest (as test/e2e/actions.ts finds actions). */
function signInActionId(): string {
  const manifest = JSON.parse(fs.readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { exportedName: string }>;
  };
  const id = Object.entries(manifest.node).find(([, a]) => a.exportedName === 'signInAction')?.[0];
  if (!id) throw new Error('No signInAction in the build.');
  return id;
}

/** Resident and peak resident memory of a process, in MB (Linux /proc). */
function memoryOf(pid: number): { rssMB: number; hwmMB: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMB: +(kb('VmRSS') / 1024).toFixed(1), hwmMB: +(kb('VmHWM') / 1024).toFixed(1) };
}

/** CPU seconds the process has used so far, all threads (Linux /proc: utime + stime). */
function cpuSecondsOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks; 100 per second on Linux
}

let addressCounter = 0;
const nextAddress = () => {
  const n = ++addressCounter;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

try {
  log('creating the database and a learner');
  store = await createStore({ learners: 1, secret: AUTH_SECRET, label: 'signin-flood' });
  const server = await startServer(
    { DATABASE_URL: store.url, AUTH_SECRET, TRUST_PROXY: '1', ...(holdMs !== undefined ? { AUTH_BUSY_HOLD_MS: String(holdMs) } : {}) },
    args.port ? { port: args.port } : {},
  );
  const pid = server.child.pid!;
  const learner = store.learners[0]!;
  await verifyCookie(server, learner.cookie);
  const actionId = signInActionId();

  // Auth.js's credentials endpoint wants its CSRF cookie and token; one pair serves every flood request.
  const csrfRes = await fetch(`${server.url}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = (csrfRes.headers.getSetCookie().find((c) => c.includes('csrf-token')) ?? '').split(';')[0]!;

  let seq = 0;
  const runId = randomBytes(3).toString('hex');
  /** One connection each: the chapter page and the answer endpoint, measured side by side. */
  const probe = (seconds: number, phase: string) =>
    Promise.all([
      cannon({ url: server.url, connections: 1, durationSec: seconds, path: CHAPTER }),
      cannon({
        url: server.url,
        connections: 1,
        durationSec: seconds,
        perConnection: () => ({
          make: () => {
            const n = seq++;
            return {
              method: 'POST',
              path: '/api/answers',
              headers: { 'content-type': 'application/json', cookie: learner.cookie, origin: server.url },
              body: answerBody(quizzes, n, `sf-${runId}-${phase}-${n.toString(36)}`),
            };
          },
        }),
      }),
    ]);

  const boundary = `----bench${runId}`;
  // As a form posted through useActionState: the fields first, then part "0" naming them (test/e2e/actions.ts);
  // pairs, not an object, since an object would put the integer key "0" first and React would find no fields.
  const multipart = (fields: [string, string][]) =>
    fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${boundary}--\r\n`;
  const floodStatuses: Record<string, Record<string, number>> = { action: {}, authjs: {} };
  const flood = (seconds: number) =>
    cannon({
      url: server.url,
      connections: floodConnections,
      durationSec: seconds,
      perConnection: (c) => {
        const kind = c % 2 === 0 ? 'action' : 'authjs';
        return {
          make: (): { method: string; path: string; headers: Record<string, string>; body: string } => {
            const email = `flood-${runId}-${(seq++).toString(36)}@example.com`;
            if (kind === 'action') {
              return {
                method: 'POST',
                path: '/signin',
                headers: {
                  'content-type': `multipart/form-data; boundary=${boundary}`,
                  'next-action': actionId,
                  accept: 'text/x-component',
                  origin: server.url,
                  'x-forwarded-for': nextAddress(),
                },
                body: multipart([
                  ['_1_email', email],
                  ['_1_password', 'a wrong password, again'],
                  ['_1_next', ''],
                  ['0', '[null,"$K1"]'],
                ]),
              };
            }
            return {
              method: 'POST',
              path: '/api/auth/callback/credentials',
              headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie, 'x-forwarded-for': nextAddress() },
              body: new URLSearchParams({ csrfToken, email, password: 'a wrong password, again', callbackUrl: '/account' }).toString(),
            };
          },
          onResponse: (status) => {
            floodStatuses[kind]![status] = (floodStatuses[kind]![status] ?? 0) + 1;
          },
        };
      },
    });

  if (warmup > 0) {
    log(`warm-up ${warmup} s (not measured), including a few sign-ins`);
    await Promise.all([
      probe(warmup, 'w'),
      cannon({ url: server.url, connections: 1, durationSec: Math.max(1, Math.round(warmup / 2)), path: '/signin' }),
    ]);
  }

  log(`idle: chapter page and answers for ${duration} s`);
  const idleMemory = memoryOf(pid);
  const cpuIdleStart = cpuSecondsOf(pid);
  const idleSamples: number[] = [];
  const idleSampler = setInterval(() => idleSamples.push(memoryOf(pid).rssMB), 100);
  const [idleChapter, idleAnswers] = await probe(duration, 'i');
  clearInterval(idleSampler);
  const cpuIdle = cpuSecondsOf(pid) - cpuIdleStart;
  const beforeFlood = memoryOf(pid);

  log(`flood: ${floodConnections} connections of failing sign-ins, chapter page and answers measured for ${duration} s`);
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(memoryOf(pid).rssMB), 100);
  const floodRun = flood(duration + 2);
  await sleep(1000); // the flood is at full strength before measuring
  const cpuFloodStart = cpuSecondsOf(pid);
  const [floodChapter, floodAnswers] = await probe(duration, 'f');
  const cpuFlood = cpuSecondsOf(pid) - cpuFloodStart;
  const floodResult = await floodRun;
  clearInterval(sampler);
  const afterFlood = memoryOf(pid);
  await sleep(1000);
  const settled = memoryOf(pid);
  await stopAllServers();

  const fig = (r: Awaited<ReturnType<typeof cannon>>) => {
    const c = combine([r], duration);
    return {
      requests: c.requests,
      ok2xx: c.acknowledged2xx,
      non2xx: c.non2xx,
      errors: c.errors,
      timeouts: c.timeouts,
      latencyMs: { p50: c.latencyMs.p50, p99: c.latencyMs.p99, max: c.latencyMs.max },
    };
  };
  const chapter = { idle: fig(idleChapter), flood: fig(floodChapter) };
  const answers = { idle: fig(idleAnswers), flood: fig(floodAnswers) };
  // Peak resident memory during the flood: the highest sample, or the kernel's high-water mark if the flood set a new one.
  const peakMB = Math.max(...samples, afterFlood.hwmMB > beforeFlood.hwmMB ? afterFlood.hwmMB : 0);
  const rssGrowthMB = +(peakMB - beforeFlood.rssMB).toFixed(1);
  const ratio = (f: number, i: number) => +(f / Math.max(0.001, i)).toFixed(2);
  const goals = {
    chapterP50_within_2x_idle: chapter.flood.latencyMs.p50 <= 2 * Math.max(1, chapter.idle.latencyMs.p50),
    answersP50_within_2x_idle: answers.flood.latencyMs.p50 <= 2 * Math.max(1, answers.idle.latencyMs.p50),
    rssGrowth_under_100MB: rssGrowthMB < 100,
    probes_without_errors: [chapter.idle, chapter.flood, answers.idle, answers.flood].every(
      (p) => p.non2xx === 0 && p.errors === 0 && p.timeouts === 0,
    ),
  };
  const floodTotal = combine([floodResult], duration + 2);
  const { hashConcurrency } = await import('../lib/auth/password');
  const { env } = await import('../lib/env');
  process.stdout.write(
    `${JSON.stringify(
      {
        benchmark: `${CHAPTER} and POST /api/answers (one connection each), idle and during a flood of failing sign-ins`,
        machine: {
          cpus: os.cpus().length,
          node: process.version,
          loadAverageAtStart: loadAtStart,
          loadAverageAtEnd: os.loadavg().map((x) => +x.toFixed(2)),
          note: 'load generator, flood and server share these CPUs; a load average above the CPU count means other work competed for them',
        },
        server: {
          trustProxy: 1,
          hashConcurrency: hashConcurrency(),
          busyHoldMs: holdMs ?? env.AUTH_BUSY_HOLD_MS,
          note: 'hashConcurrency as this machine computes it (AUTH_HASH_CONCURRENCY unset); busyHoldMs is AUTH_BUSY_HOLD_MS (--hold-ms, else the default; 0: busy answers at once)',
        },
        durationSec: duration,
        flood: {
          connections: floodConnections,
          requests: floodTotal.requests,
          perSecond: +(floodTotal.requests / (duration + 2)).toFixed(1),
          statusesByEndpoint: { signInFormAction: floodStatuses.action, authjsCredentials: floodStatuses.authjs },
          note: 'every request a new email from a new X-Forwarded-For address; the form action answers 200 with its message (busy or wrong password), Auth.js 503 (busy) or 302 (wrong password)',
        },
        chapterPage: {
          ...chapter,
          p50Ratio: ratio(chapter.flood.latencyMs.p50, chapter.idle.latencyMs.p50),
          p99Ratio: ratio(chapter.flood.latencyMs.p99, chapter.idle.latencyMs.p99),
        },
        answers: {
          ...answers,
          p50Ratio: ratio(answers.flood.latencyMs.p50, answers.idle.latencyMs.p50),
          p99Ratio: ratio(answers.flood.latencyMs.p99, answers.idle.latencyMs.p99),
        },
        // How much CPU the server got: with 2 CPUs and nothing else running it could use up to 2 CPU-seconds a second.
        serverCpuSecondsPerSecond: { idle: +(cpuIdle / duration).toFixed(2), flood: +(cpuFlood / duration).toFixed(2) },
        memoryMB: {
          idleRss: idleMemory.rssMB,
          peakDuringIdleMeasurement: Math.max(...idleSamples),
          rssBeforeFlood: beforeFlood.rssMB,
          peakDuringFlood: peakMB,
          rssAfterFlood: afterFlood.rssMB,
          rssOneSecondLater: settled.rssMB,
          highWaterMarkBefore: beforeFlood.hwmMB,
          highWaterMarkAfter: afterFlood.hwmMB,
          growth: rssGrowthMB,
          note: 'growth = peak during the flood minus the RSS just before it (the goal); the idle phase alone also grows the heap, see peakDuringIdleMeasurement',
        },
        goals,
        allGoalsMet: Object.values(goals).every(Boolean),
      },
      null,
      2,
    )}\n`,
  );
} finally {
  killAllServersNow();
  await store?.dispose().catch((e: unknown) => console.error('cleanup failed:', e));
  limit.done();
}
process.exit(0);
