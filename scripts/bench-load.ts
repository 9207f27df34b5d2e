// npm run bench:load [-- --duration 30] [--connections 100] [--pg <admin URL> [--servers 2]] [--compare] [--port N] [--identity]
//
// Load benchmark of POST /api/answers against the production build: a throwaway database (SQLite; or a fresh
// PostgreSQL database with --pg, on a server where the user may CREATE DATABASE) with 100 learners, one session
// cookie each (minted like next-auth does, no sign-in round trip), the production server (scripts/server.ts) on
// loopback, autocannon with one connection per learner and a unique idempotency key per request; then the
// prerendered (static) Markdown chapter and the HTML chapter (prerendered, served with its hash-based CSP) with the
// same connections for comparison, asked for with a browser's Accept-Encoding; then Attempt rows stored vs answers acknowledged. --compare runs SQLite × 1 process
// and PostgreSQL × --servers processes (default 2) in the same run. Prints JSON only (progress goes to stderr).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { benchArgs, flag, hardLimit, int, loopbackUrl, num, tcpPort } from './lib/bench';
import { cannon, combine } from './lib/load-cannon';
import { answerBody, ensureProductionBuild, jsonOnlyStdout, loadQuizzes, log, verifyCookie } from './lib/load';
import { killAllServersNow, startServer, stopAllServers, type Server } from './lib/load-servers';
import { createStore, type TempStore } from './lib/load-store';

const args = benchArgs('bench:load', {
  duration: num(30, 1, 600),
  connections: int(100, 1, 1000),
  pg: loopbackUrl('<admin URL>'),
  servers: int(undefined, 1, 4),
  compare: flag(),
  warmup: num(3, 0),
  profile: flag(),
  // Servers listen on N, N+1, … (default: ports the OS picks).
  port: tcpPort(),
  // Ask for the chapter pages without compression (the default asks as a browser does: gzip, br).
  identity: flag(),
});
const { duration, connections, warmup } = args;
const STATIC_PATH = '/chapters/introduction/markdown';
const HTML_PATH = '/chapters/introduction';
// The chapter pages are asked for as a browser asks: every browser sends Accept-Encoding, and the reading pages'
// compressed copies are part of serving them statically (--identity asks for uncompressed bytes instead).
const PAGE_HEADERS: Record<string, string> = args.identity
  ? { accept: 'text/html,*/*;q=0.8' }
  : { accept: 'text/html,*/*;q=0.8', 'accept-encoding': 'gzip, deflate, br, zstd' };
const pgAdmin = args.pg;
const pgServers = args.servers ?? (args.compare ? 2 : 1);
if (args.compare && !pgAdmin) args.fail('--compare needs --pg <postgres URL of a server where the user may CREATE DATABASE>.');

// Only the JSON goes to stdout.
jsonOnlyStdout();

const AUTH_SECRET = randomBytes(32).toString('hex');
process.env.AUTH_SECRET = AUTH_SECRET;
process.env.NEXT_TELEMETRY_DISABLED = '1';

// Bounded in time: everything (build, both stores, both loads) or the servers are killed and we exit.
const scenarios = args.compare ? 3 : 1;
const stores: TempStore[] = [];
const limit = hardLimit('bench:load', (600 + scenarios * (2 * (duration + warmup) + 120)) * 1000, () => {
  killAllServersNow();
  return Promise.allSettled(stores.map((s) => s.dispose()));
});

ensureProductionBuild();

// Real quiz ids and their option counts, from the course text.
const quizzes = await loadQuizzes();

/** --profile: the answer path's pieces timed in a child process against this database (servers stopped). */
function profileSteps(url: string, concurrency: number): unknown {
  const r = spawnSync(process.execPath, [...process.execArgv, 'scripts/lib/load-profile.ts', String(concurrency), '300'], {
    env: { ...process.env, DATABASE_URL: url, AUTH_SECRET, NODE_ENV: 'production' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) return { error: (r.stderr || String(r.signal)).slice(-500) };
  return JSON.parse(r.stdout);
}

async function scenario(kind: 'sqlite' | 'postgres', processes: number) {
  log(`${kind} × ${processes}: creating the database and ${connections} learners`);
  const store = await createStore({ pgAdmin: kind === 'postgres' ? pgAdmin : undefined, learners: connections, secret: AUTH_SECRET });
  stores.push(store);
  try {
    const servers: Server[] = [];
    for (let i = 0; i < processes; i++) {
      servers.push(await startServer({ DATABASE_URL: store.url, AUTH_SECRET }, args.port ? { port: args.port + i } : {}));
    }
    for (const s of servers) await verifyCookie(s, store.learners[0]!.cookie);
    log(`${kind} × ${processes}: servers on ports ${servers.map((s) => s.port).join(', ')}; cookie verified`);

    // Connections split evenly across the servers; connection i is learner i.
    const shares = servers.map((_, i) => Math.floor(connections / processes) + (i < connections % processes ? 1 : 0));
    const offsets = shares.map((_, i) => shares.slice(0, i).reduce((a, b) => a + b, 0));
    let seq = 0;
    const runId = randomBytes(3).toString('hex');
    // Every key sent, and the ones a 2xx answered: the exact check of lost and duplicated answers.
    const acked = new Set<string>();
    const sent = new Set<string>();
    const answersLoad = (seconds: number, phase: string) =>
      Promise.all(
        servers.map((s, si) =>
          cannon({
            url: s.url,
            connections: shares[si]!,
            durationSec: seconds,
            perConnection: (c) => {
              const learner = store.learners[offsets[si]! + c]!;
              const headers = { 'content-type': 'application/json', cookie: learner.cookie, origin: s.url };
              let current = '';
              return {
                make: () => {
                  const n = seq++;
                  current = `bl-${runId}-${phase}-${n.toString(36)}`;
                  sent.add(current);
                  return { method: 'POST', path: '/api/answers', headers, body: answerBody(quizzes, n, current) };
                },
                onResponse: (status) => {
                  if (status >= 200 && status < 300) acked.add(current);
                },
              };
            },
          }),
        ),
      );
    async function exactness(phase: 'w' | 'm' | 'all') {
      const prefix = phase === 'all' ? `bl-${runId}-` : `bl-${runId}-${phase}-`;
      const stored = await store.attemptKeys(prefix);
      const ack = [...acked].filter((k) => k.startsWith(prefix));
      const lost = ack.filter((k) => !stored.has(k)).length;
      const duplicated = [...stored.values()].reduce((a, n) => a + (n - 1), 0);
      const storedUnacknowledged = [...stored.keys()].filter((k) => !acked.has(k)).length;
      const neverSent = [...stored.keys()].filter((k) => !sent.has(k)).length;
      return {
        acknowledged: ack.length,
        storedRows: [...stored.values()].reduce((a, n) => a + n, 0),
        lost,
        duplicated,
        storedUnacknowledged,
        neverSent,
      };
    }
    // Two chapter pages: the prerendered Markdown copy (a route handler's output stored at build time, served by
    // Next, compressed per request) and the HTML chapter, prerendered too and answered by scripts/server.ts with its
    // hash-based CSP and the compressed copy made at build time.
    const pageLoad = (seconds: number, path: string) =>
      Promise.all(
        servers.map((s, si) => cannon({ url: s.url, connections: shares[si]!, durationSec: seconds, path, headers: PAGE_HEADERS })),
      );
    const staticLoad = (seconds: number) => pageLoad(seconds, STATIC_PATH);

    if (warmup > 0) {
      log(`${kind} × ${processes}: warm-up ${warmup} s (not measured)`);
      await staticLoad(Math.max(1, Math.round(warmup / 2)));
      await answersLoad(warmup, 'w');
    }
    log(`${kind} × ${processes}: answers for ${duration} s`);
    const cpuBefore = { app: servers.reduce((t, s) => t + treeCpuSeconds(s.child.pid!), 0), db: databaseCpuSeconds() };
    const answers = combine(await answersLoad(duration, 'm'), duration);
    const cpuAfter = { app: servers.reduce((t, s) => t + treeCpuSeconds(s.child.pid!), 0), db: databaseCpuSeconds() };
    // For the capacity model (README): CPU per acknowledged answer, in the app servers and in PostgreSQL's
    // processes (SQLite runs inside the app). Measured under this load, so it includes the load's overheads.
    const perAnswer = (sec: number) => +((sec * 1000) / Math.max(1, answers.acknowledged2xx)).toFixed(3);
    const cpuMsPerAnswer = {
      app: perAnswer(cpuAfter.app - cpuBefore.app),
      database: kind === 'postgres' ? perAnswer(cpuAfter.db - cpuBefore.db) : 0,
    };
    log(`${kind} × ${processes}: static page for ${duration} s`);
    const page = combine(await staticLoad(duration), duration);
    log(`${kind} × ${processes}: HTML chapter page for ${duration} s`);
    const htmlPage = combine(await pageLoad(duration, HTML_PATH), duration);
    // Counted after the static run, so requests still in flight when the answer load stopped have finished.
    const exact = await exactness('m');
    const whole = await exactness('all');
    const storedTotal = await store.countAttempts();
    await stopAllServers();
    const profile = args.profile ? { concurrency1: profileSteps(store.url, 1), concurrency10: profileSteps(store.url, 10) } : undefined;

    return {
      store: kind,
      serverProcesses: processes,
      connections,
      connectionsPerServer: shares,
      durationSec: duration,
      answers: {
        ...answers,
        // Per idempotency key: acknowledged (a 2xx came back) vs the Attempt rows with that key. storedUnacknowledged
        // are requests still in flight when autocannon stopped at the deadline (at most one per connection): the
        // server stored them, the client closed before reading the answer; a real client would retry the same key.
        exactlyOnce: exact,
        cpuMsPerAnswer,
      },
      pageRequestHeaders: PAGE_HEADERS,
      staticPage: { path: STATIC_PATH, note: 'prerendered at build time (SSG); Next compresses it per request', ...page },
      answersPerStaticRequest: +(answers.perSecond / Math.max(1e-9, page.perSecond)).toFixed(3),
      htmlChapterPage: {
        path: HTML_PATH,
        note: 'prerendered; answered by scripts/server.ts as built (compressed at build time), with its hash-based CSP',
        ...htmlPage,
      },
      answersPerHtmlChapterRequest: +(answers.perSecond / Math.max(1e-9, htmlPage.perSecond)).toFixed(3),
      wholeRunIncludingWarmup: { ...whole, attemptRowsInDatabase: storedTotal },
      ...(profile ? { profileInProcess: profile } : {}),
      goals: {
        answersPerSecond_atLeast_1000: answers.perSecond >= 1000,
        p99_under_100ms: answers.latencyMs.p99 < 100,
        zero_errors: answers.errors === 0 && answers.non2xx === 0 && answers.timeouts === 0,
        zero_lost_or_duplicated:
          exact.lost === 0 &&
          exact.duplicated === 0 &&
          whole.lost === 0 &&
          whole.duplicated === 0 &&
          whole.neverSent === 0 &&
          exact.acknowledged === answers.acknowledged2xx,
        answers_atLeast_half_static: answers.perSecond >= page.perSecond / 2,
        // Issue 16: the HTML chapter, prerendered, keeps up with the static Markdown file on the same server.
        htmlChapter_perSecond_atLeast_0_8x_static: htmlPage.perSecond >= 0.8 * page.perSecond,
        htmlChapter_p99_atMost_2x_static_p99: htmlPage.latencyMs.p99 <= 2 * page.latencyMs.p99,
        htmlChapter_zero_timeouts: htmlPage.timeouts === 0 && htmlPage.errors === 0,
      },
    };
  } finally {
    await stopAllServers();
  }
}

/** CPU seconds (user + system) a process and all its descendants have used so far (Linux /proc). */
function treeCpuSeconds(pid: number): number {
  let total = 0;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    total += (Number(fields[11]) + Number(fields[12])) / 100;
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      const children = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const c of children ? children.split(' ') : []) total += treeCpuSeconds(Number(c));
    }
  } catch {
    // The process ended.
  }
  return total;
}

/** CPU seconds used so far by every PostgreSQL process on this machine (the benchmark's server is loopback). */
function databaseCpuSeconds(): number {
  let total = 0;
  for (const p of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.split(') ')[1]!.split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // Gone.
    }
  }
  return total;
}

const results = [];
try {
  if (!pgAdmin || args.compare) results.push(await scenario('sqlite', 1));
  // --compare: PostgreSQL on one server process and on --servers (2), to see whether a second server adds anything.
  if (pgAdmin && args.compare && pgServers > 1) results.push(await scenario('postgres', 1));
  if (pgAdmin) results.push(await scenario('postgres', pgServers));
} finally {
  killAllServersNow();
  for (const s of stores) await s.dispose().catch((e) => console.error('cleanup failed:', e));
  limit.done();
}

const os = await import('node:os');
process.stdout.write(
  `${JSON.stringify(
    {
      benchmark: `POST /api/answers (signed-in learners, unique idempotency keys) vs GET ${STATIC_PATH} (static) and ${HTML_PATH}`,
      machine: { cpus: os.cpus().length, node: process.version, note: 'load generator, servers and database share these CPUs' },
      warmupSec: warmup,
      pipelining: 1,
      results,
      ...(args.compare && results.length >= 2
        ? (() => {
            const [sqlite, pg1, pgN] = [results[0]!, results[1]!, results[results.length - 1]!];
            return {
              comparison: {
                sqliteX1_answersPerSecond: sqlite.answers.perSecond,
                postgresX1_answersPerSecond: pg1.answers.perSecond,
                [`postgresX${pgServers}_answersPerSecond`]: pgN.answers.perSecond,
                sqliteX1_p99Ms: sqlite.answers.latencyMs.p99,
                [`postgresX${pgServers}_worstP99Ms`]: pgN.answers.latencyMs.p99,
                goals: {
                  postgresX1_atLeast_0_7x_sqliteX1: pg1.answers.perSecond >= 0.7 * sqlite.answers.perSecond,
                  [`postgresX${pgServers}_atLeast_postgresX1`]: pgN.answers.perSecond >= pg1.answers.perSecond,
                  zero_lost_or_duplicated_every_store: results.every((r) => r.goals.zero_lost_or_duplicated),
                  htmlChapter_goals_every_store: results.every(
                    (r) =>
                      r.goals.htmlChapter_perSecond_atLeast_0_8x_static &&
                      r.goals.htmlChapter_p99_atMost_2x_static_p99 &&
                      r.goals.htmlChapter_zero_timeouts,
                  ),
                },
              },
            };
          })()
        : {}),
    },
    null,
    2,
  )}\n`,
);
process.exit(0);
