// npm run bench:crash [-- --kills 10] [--connections 100] [--min-gap 3] [--max-gap 8] [--seed N] [--port N] [--pg <admin URL>]
//
// Crash benchmark: the answer load of bench:load (one connection per learner, each with its own session cookie,
// no pipelining, a unique idempotency key per answer, POST /api/answers) against the production server (scripts/server.ts), while the server is
// killed with SIGKILL --kills times at random moments (--min-gap to --max-gap seconds of load after it answered)
// and restarted at once on the same port, like a process manager would. The database is fresh and built like
// `npm start` builds it (migrations, then prisma/seed.ts), in a temp dir; with --pg, a fresh database on that
// PostgreSQL server instead. The production build is reused when fresh (scripts/lib/build-state.ts).
//
// The client is ours, not autocannon: autocannon reconnects in a tight loop while the server is down (burning the
// CPU the restart needs) and sends a new request, with a new key, after a failed one. Here each learner waits
// with a short backoff and retries the same idempotency key until an answer comes back, as the app's own client
// would; a retried key must still be stored exactly once. An answer is acknowledged when the server sent HTTP 200
// with the stored result ({correct, firstAttempt, duplicate}); a request that failed in the crash window is not.
//
// Afterwards the server is stopped and the store is checked: SQLite's PRAGMA integrity_check and
// foreign_key_check (PostgreSQL checks its own integrity; there only the counts are compared), every acknowledged
// key stored exactly once, no key stored twice, nothing stored that was never sent. Prints JSON only (progress on
// stderr); exits 1 when a durability goal fails.
//
// Why a kill -9 must lose nothing on SQLite even with synchronous=NORMAL: in WAL mode a commit appends the
// transaction's pages to the -wal file with write(2) and only fsyncs at checkpoints. Once write(2) has returned,
// the data is in the kernel's page cache, which belongs to the OS, not to the process: SIGKILL discards the
// process's memory, not the page cache, so the restarted server opens the database, replays the WAL and finds
// every committed transaction. What NORMAL gives up is a power loss or kernel crash, which can lose the last
// transactions since the previous fsync (never corrupt the file); this benchmark does not, and cannot, test that.
// (Where NORMAL comes from: scripts/lib/migrate.ts sets it on its own connection, but synchronous is per
// connection and not stored in the file; the server's connections get NORMAL because better-sqlite3 is built with
// SQLITE_DEFAULT_WAL_SYNCHRONOUS=1, i.e. NORMAL for any connection that opens a WAL database. The run reads it
// back from a fresh connection and reports it.)
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { randomBytes, randomInt } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { resolveSqliteFile } from '../lib/db/url';
import { benchArgs, hardLimit, int, loopbackUrl, num, tcpPort } from './lib/bench';
import { answerBody, ensureProductionBuild, freePortIn, jsonOnlyStdout, loadQuizzes, log, median, sleep, verifyCookie } from './lib/load';
import { createRng } from '../lib/toys/rng';
import { killAllServersNow, ownsListenSocket, processTitle, sigkillServer, startServer, stopServer, type Server } from './lib/load-servers';
import { createStore, type TempStore } from './lib/load-store';

const args = benchArgs('bench:crash', {
  kills: int(10, 1, 100),
  connections: int(100, 1, 1000),
  'min-gap': num(3, 0.2, 120),
  'max-gap': num(8, 0.2, 120),
  seed: int(undefined, 0, 2 ** 32 - 1),
  port: tcpPort(),
  pg: loopbackUrl('<admin URL>'),
});
const { kills, connections } = args;
const minGap = args['min-gap'];
const maxGap = args['max-gap'];
if (maxGap < minGap) args.fail(`--max-gap (${maxGap}) must be at least --min-gap (${minGap}).`);
const seed = args.seed ?? randomInt(2 ** 31);
const pgAdmin = args.pg;

jsonOnlyStdout();
const AUTH_SECRET = randomBytes(32).toString('hex');
process.env.AUTH_SECRET = AUTH_SECRET;
process.env.NEXT_TELEMETRY_DISABLED = '1';

// Bounded in time: build, database, every gap and restart, the drain; otherwise everything is killed and we exit.
let store: TempStore | undefined;
const limit = hardLimit('bench:crash', (600 + 180 + kills * (maxGap + 90) + maxGap + 120) * 1000, () => {
  killAllServersNow();
  return store?.dispose();
});

ensureProductionBuild();
const quizzes = await loadQuizzes();
const kind = pgAdmin ? 'postgres' : 'sqlite';

log(`${kind}: fresh database (migrations + seed, like npm start) and ${connections} learners`);
store = await createStore({ pgAdmin, learners: connections, secret: AUTH_SECRET, seedDemo: true, label: 'crash' });
// This process must not hold the database open while the server is killed: an open SQLite connection keeps the
// WAL index (-shm) alive and would spare the restarted server the recovery this benchmark is about.
await store.disconnect();
let sqliteMode: { journalMode: string; synchronousOfNewConnection: string } | undefined;
if (kind === 'sqlite') {
  const file = resolveSqliteFile(store.url);
  const probe = new Database(file);
  const sync = probe.pragma('synchronous', { simple: true }) as number;
  sqliteMode = {
    journalMode: String(probe.pragma('journal_mode', { simple: true })),
    synchronousOfNewConnection: ['OFF', 'NORMAL', 'FULL', 'EXTRA'][sync] ?? String(sync),
  };
  probe.close();
  const held = fs.readdirSync('/proc/self/fd').some((fd) => {
    try {
      return fs.readlinkSync(`/proc/self/fd/${fd}`).startsWith(file);
    } catch {
      return false;
    }
  });
  if (held) throw new Error('The benchmark process still holds the database open; the crash recovery would not be tested.');
}

const port = args.port ?? (await freePortIn(3310, 3399));
const serverEnv = { DATABASE_URL: store.url, AUTH_SECRET };
const random = createRng(seed).next; // mulberry32: the run's random moments replay with its seed
const runId = randomBytes(3).toString('hex');
const prefix = `bc-${runId}-`;

// ---- the learners ----

interface Ack {
  tries: number;
  duplicate: boolean;
}
const sent = new Set<string>();
const acked = new Map<string, Ack>();
const unresolved = new Set<string>();
const rejected: { status: number; body: string }[] = [];
const failures: Record<string, number> = {};
let requests = 0;
let inFlight = 0;
let ackCount = 0;
let seq = 0;
let stopping = false;
let drainDeadline = Infinity;
/** The last kill: the first response and the first acknowledged answer to a request sent after it. */
interface KillMoment {
  killAt: number;
  firstResponseAt?: number;
  acksAtFirstResponse?: number;
  firstAckAt?: number;
}
let lastKill: KillMoment | null = null;

interface PostResult {
  status?: number;
  body?: string;
  error?: string;
}

function post(agent: http.Agent, cookie: string, body: string): Promise<PostResult> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/answers',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          cookie,
          origin: `http://127.0.0.1:${port}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('close', () => {
          if (!res.complete) resolve({ error: 'response cut off' });
        });
        res.on('error', () => resolve({ error: 'response cut off' }));
      },
    );
    req.setTimeout(10_000, () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.end(body);
  });
}

function storedResult(r: PostResult): { duplicate: boolean } | null {
  if (r.status !== 200 || r.body === undefined) return null;
  try {
    const j = JSON.parse(r.body) as { correct?: unknown; duplicate?: unknown };
    return typeof j.correct === 'boolean' ? { duplicate: j.duplicate === true } : null;
  } catch {
    return null;
  }
}

async function learner(cookie: string): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    while (!stopping) {
      const n = seq++;
      const key = `${prefix}${n.toString(36)}`;
      const body = answerBody(quizzes, n, key);
      sent.add(key);
      for (let tries = 1; ; tries++) {
        const sentAt = Date.now();
        requests++;
        inFlight++;
        const r = await post(agent, cookie, body);
        inFlight--;
        // Sent after the kill, so answered by the restarted process.
        if (lastKill && sentAt > lastKill.killAt && r.status !== undefined && lastKill.firstResponseAt === undefined) {
          lastKill.firstResponseAt = Date.now();
          lastKill.acksAtFirstResponse = ackCount;
        }
        const stored = storedResult(r);
        if (stored) {
          acked.set(key, { tries, duplicate: stored.duplicate });
          ackCount++;
          if (lastKill && sentAt > lastKill.killAt) lastKill.firstAckAt ??= Date.now();
          break;
        }
        // A 4xx other than 408/429 will not change on retry: the request itself is refused (a bug to report).
        if (r.status !== undefined && r.status >= 400 && r.status < 500 && r.status !== 408 && r.status !== 429) {
          rejected.push({ status: r.status, body: (r.body ?? '').slice(0, 200) });
          break;
        }
        // Refused, reset, cut off, timed out, 5xx: the server is down or restarting. Same key again, shortly.
        const why = r.error ?? `HTTP ${r.status}`;
        failures[why] = (failures[why] ?? 0) + 1;
        if (Date.now() > drainDeadline) {
          unresolved.add(key);
          break;
        }
        await sleep(Math.min(500, 20 * 2 ** tries) + Math.random() * 20);
      }
    }
  } finally {
    agent.destroy();
  }
}

// ---- the server, killed and restarted ----

interface KillRecord {
  n: number;
  atSec: number;
  pid: number;
  /** The killed pid held the listening socket: it was the server, not a wrapper. */
  pidOwnedListenSocket: boolean | null;
  exitSignal: string | null;
  requestsInFlight: number;
  /**
   * SIGKILL → the restarted server's first HTTP response, to our probe (GET /api/progress every 50 ms, answered
   * 401 without a session) or to a learner's retry, whichever came first.
   */
  restartMs: number;
  /** SIGKILL → the first acknowledged answer to a request sent after the kill. */
  firstAckAfterKillMs: number | null;
}
const killRecords: KillRecord[] = [];
const killMoments: KillMoment[] = [];
// What the server processes logged as errors (from the last 4 kB of each one's output), to explain any 5xx.
const serverErrors = new Map<string, number>();
function collectErrors(s: Server): void {
  for (const line of s.log().split('\n')) {
    const l = line.trim().slice(0, 300);
    if (/error|exception|fail/i.test(l)) serverErrors.set(l, (serverErrors.get(l) ?? 0) + 1);
  }
}
const segments: { seconds: number; answers: number }[] = [];

log(`${kind}: production server on port ${port}`);
const t0 = Date.now();
const startOptions = { port, pollMs: 50, probePath: '/api/progress' };
let server: Server = await startServer(serverEnv, startOptions);
const serverTitle = processTitle(server.child.pid!);
await verifyCookie(server, store.learners[0]!.cookie);
log(`server pid ${server.child.pid} (${serverTitle}); ${connections} learners start answering; ${kills} kills (seed ${seed})`);
const loops = store.learners.map((l) => learner(l.cookie));

let readyAt = Date.now();
let acksAtReady = ackCount;
for (let k = 1; k <= kills; k++) {
  await sleep((minGap + random() * (maxGap - minGap)) * 1000);
  const pid = server.child.pid!;
  const owned = ownsListenSocket(pid, port);
  const killAt = Date.now();
  segments.push({ seconds: (killAt - readyAt) / 1000, answers: ackCount - acksAtReady });
  const record: KillRecord = {
    n: k,
    atSec: +((killAt - t0) / 1000).toFixed(2),
    pid,
    pidOwnedListenSocket: owned,
    exitSignal: null,
    requestsInFlight: inFlight,
    restartMs: NaN,
    firstAckAfterKillMs: null,
  };
  killRecords.push(record);
  const kill: KillMoment = { killAt };
  lastKill = kill;
  killMoments.push(kill);
  const how = await sigkillServer(server);
  collectErrors(server);
  record.exitSignal = how.signal;
  server = await startServer(serverEnv, startOptions);
  // Answering again: the probe's answer, or a learner's if that came first (the probe may wait behind them).
  if (kill.firstResponseAt !== undefined && kill.firstResponseAt < Date.now()) {
    readyAt = kill.firstResponseAt;
    acksAtReady = kill.acksAtFirstResponse!;
  } else {
    readyAt = Date.now();
    acksAtReady = ackCount;
  }
  record.restartMs = readyAt - killAt;
  log(
    `kill ${k}/${kills}: pid ${pid} ${how.signal}, ${record.requestsInFlight} in flight; answering again after ${record.restartMs} ms (pid ${server.child.pid})`,
  );
}
await sleep((minGap + random() * (maxGap - minGap)) * 1000);
segments.push({ seconds: (Date.now() - readyAt) / 1000, answers: ackCount - acksAtReady });

// No new keys; the answers in progress are retried until stored (at most a minute), then the server stops.
stopping = true;
drainDeadline = Date.now() + 60_000;
await Promise.all(loops);
const durationSec = (Date.now() - t0) / 1000;
killMoments.forEach((k, i) => (killRecords[i]!.firstAckAfterKillMs = k.firstAckAt === undefined ? null : k.firstAckAt - k.killAt));
await stopServer(server);
collectErrors(server);
log(`stopped after ${durationSec.toFixed(1)} s; checking the store`);

// ---- the checks, with the server stopped ----

let integrityCheck: string;
let foreignKeyViolations: number | null;
let storedRows: Map<string, number>;
if (kind === 'sqlite') {
  const sqlite = new Database(resolveSqliteFile(store.url));
  try {
    integrityCheck = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    foreignKeyViolations = (sqlite.pragma('foreign_key_check') as unknown[]).length;
    const rows = sqlite
      .prepare(
        'SELECT "idempotencyKey" AS k, COUNT(*) AS n FROM "Attempt" WHERE substr("idempotencyKey", 1, ?) = ? GROUP BY "idempotencyKey"',
      )
      .all(prefix.length, prefix) as { k: string; n: number }[];
    storedRows = new Map(rows.map((r) => [r.k, r.n]));
  } finally {
    sqlite.close();
  }
} else {
  integrityCheck = 'not applicable: PostgreSQL keeps its own integrity; counts compared only';
  foreignKeyViolations = null;
  const client = new pg.Client({ connectionString: store.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ k: string; n: string }>(
      'SELECT "idempotencyKey" AS k, COUNT(*) AS n FROM "Attempt" WHERE starts_with("idempotencyKey", $1) GROUP BY "idempotencyKey"',
      [prefix],
    );
    storedRows = new Map(rows.map((r) => [r.k, Number(r.n)]));
  } finally {
    await client.end();
  }
}
await store.dispose();
store = undefined;
limit.done();

const stored = [...storedRows.values()].reduce((a, n) => a + n, 0);
const missing = [...acked.keys()].filter((k) => !storedRows.has(k)).length;
const duplicates = [...storedRows.values()].reduce((a, n) => a + Math.max(0, n - 1), 0);
const storedUnacknowledged = [...storedRows.keys()].filter((k) => !acked.has(k)).length;
const neverSent = [...storedRows.keys()].filter((k) => !sent.has(k)).length;
const acks = [...acked.values()];
const restartMs = killRecords.map((r) => r.restartMs);
const perSecond = segments.map((s) => +(s.answers / Math.max(1e-9, s.seconds)).toFixed(1));

const goalsMet = {
  missing_is_0: missing === 0,
  duplicates_is_0: duplicates === 0,
  // SQLite only: on PostgreSQL the counts above are the whole check.
  ...(kind === 'sqlite' ? { integrity_check_ok: integrityCheck === 'ok', foreign_key_check_empty: foreignKeyViolations === 0 } : {}),
  every_kill_was_sigkill_of_the_server:
    killRecords.length === kills && killRecords.every((r) => r.exitSignal === 'SIGKILL' && r.pidOwnedListenSocket !== false),
  restarted_after_every_kill: killRecords.every((r) => Number.isFinite(r.restartMs)),
  every_answer_resolved:
    unresolved.size === 0 && storedUnacknowledged === 0 && neverSent === 0 && acked.size === sent.size - rejected.length,
  no_answer_refused: rejected.length === 0,
};

process.stdout.write(
  `${JSON.stringify(
    {
      benchmark:
        'kill -9 of the production server (scripts/server.ts) under answer load (POST /api/answers, signed-in learners, unique idempotency keys), restarted each time',
      machine: { cpus: os.cpus().length, node: process.version, note: 'load generator, server and database share these CPUs' },
      store: kind,
      ...(sqliteMode ? { sqlite: sqliteMode } : {}),
      server: { command: 'node --import tsx scripts/server.ts (spawned directly, one process)', processTitle: serverTitle, port },
      connections,
      pipelining: 1,
      seed,
      killGapSec: { min: minGap, max: maxGap },
      kills: killRecords.length,
      restarts: killRecords.filter((r) => Number.isFinite(r.restartMs)).length,
      durationSec: +durationSec.toFixed(1),
      acknowledged: acked.size,
      stored,
      missing,
      duplicates,
      integrityCheck,
      foreignKeyViolations,
      restartMs,
      restartMsMedian: median(restartMs),
      restartMsMax: Math.max(...restartMs),
      firstAckAfterKillMs: killRecords.map((r) => r.firstAckAfterKillMs),
      answersPerSecondBetweenCrashes: perSecond,
      answersPerSecondBetweenCrashesMedian: +median(perSecond).toFixed(1),
      client: {
        keysSent: sent.size,
        requests,
        failedTriesByCause: failures,
        // Keys that needed more than one try (their first try failed in a crash window), and of those, the ones the
        // server had already stored before it died (the retry came back as a duplicate: stored once, answered twice).
        acknowledgedAfterRetry: acks.filter((a) => a.tries > 1).length,
        acknowledgedAsAlreadyStored: acks.filter((a) => a.duplicate).length,
        maxTriesForOneKey: Math.max(0, ...acks.map((a) => a.tries)),
        refused: rejected.length,
        refusedSample: rejected.slice(0, 3),
        unresolvedAtEnd: unresolved.size,
        storedUnacknowledged,
        storedNeverSent: neverSent,
      },
      // Distinct error lines in the servers' output (last 4 kB of each process), with how many processes logged them.
      serverErrorLines: Object.fromEntries([...serverErrors].slice(0, 8)),
      killDetails: killRecords,
      goalsMet,
    },
    null,
    2,
  )}\n`,
);
process.exit(Object.values(goalsMet).every(Boolean) ? 0 : 1);
