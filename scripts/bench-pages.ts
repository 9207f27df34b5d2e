// npm run bench:pages [-- --runs 3] [--port N] [--strict]
//
// Page benchmark: Lighthouse 12 (programmatic API, its default config: the mobile preset with simulated throttling)
// in the system Chromium (chrome-launcher; CHROME_PATH or /usr/bin/chromium, flags from scripts/lib/chromium.ts)
// against the production build (reused when fresh, built otherwise) served by the production server (scripts/server.ts) on a fresh database
// seeded like `npm start` seeds it. Pages: home, a chapter, the demo learner's dashboard (signed in over HTTP
// first, the session cookie passed to Lighthouse as an extra header) and the practice drill. Each page runs --runs
// times, each in a fresh browser profile; the figures are those of Lighthouse's own median run (the run nearest
// the median FCP and TTI). Full reports go to .cache/lighthouse/ (gitignored). Prints JSON only; with --strict,
// exits 1 when a goal is missed.
//
// First-load JavaScript: the script resources of the median run's network log (the network-requests audit,
// resourceType Script, same origin) requested no later than the load event, so chunks fetched later (a widget's
// trainer, loaded when it nears the viewport or on a click) do not count. Each file is fetched again and gzipped
// with node:zlib at the default level (6, what Next's own compression sends), so header bytes and chunked framing
// do not count either; the bytes Lighthouse saw on the wire are reported beside it. Inline scripts (the RSC
// payload) are part of the HTML document, not counted here. kB = 1000 bytes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { randomBytes } from 'node:crypto';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Flags, type Result } from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { benchArgs, flag, hardLimit, int, tcpPort } from './lib/bench';
import { CHROMIUM_ARGS, CHROMIUM_HELP, findChromium } from './lib/chromium';
import { ensureProductionBuild, freePortIn, jsonOnlyStdout, log } from './lib/load';
import { killAllServersNow, startServer, stopAllServers, type Server } from './lib/load-servers';
import { createStore, type TempStore } from './lib/load-store';

const args = benchArgs('bench:pages', { runs: int(3, 1, 15), port: tcpPort(), strict: flag() });
const { runs } = args;

const DEMO_LEARNER = { email: 'learner@goalpost.example', password: 'goalpost-learner' };
const PAGES = [
  { name: 'home', path: '/', signedIn: false },
  { name: 'chapter', path: '/chapters/introduction', signedIn: false },
  { name: 'dashboard', path: '/dashboard', signedIn: true },
  { name: 'drill', path: '/practice', signedIn: false },
] as const;
type PageName = (typeof PAGES)[number]['name'];
const REPORT_DIR = path.join('.cache', 'lighthouse');

jsonOnlyStdout();
const AUTH_SECRET = randomBytes(32).toString('hex');
process.env.NEXT_TELEMETRY_DISABLED = '1';

const chromePath = findChromium();
if (!chromePath) throw new Error(CHROMIUM_HELP);

let store: TempStore | undefined;
const chromes = new Set<chromeLauncher.LaunchedChrome>();
const killChromes = () => {
  for (const c of chromes) {
    try {
      c.kill();
    } catch {
      // already gone
    }
  }
  chromes.clear();
};
const limit = hardLimit('bench:pages', (600 + 180 + PAGES.length * runs * 120) * 1000, () => {
  killChromes();
  killAllServersNow();
  return store?.dispose();
});

/**
 * Signs in over HTTP the way the browser does through Auth.js's credentials endpoint: the CSRF token (and its
 * cookie), then the form post; the answer sets the session cookie. Returns "name=value" of the session cookie.
 */
async function signIn(server: Server, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${server.url}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookies = csrfRes.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const res = await fetch(`${server.url}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookies.join('; '), origin: server.url },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${server.url}/dashboard` }),
  });
  await res.arrayBuffer();
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => /^(__Secure-)?authjs\.session-token=/.test(c));
  if (!session) throw new Error(`Sign-in as ${email} set no session cookie (HTTP ${res.status}).`);
  // With the cookie the dashboard is the learner's (it links to their classes); without it, the guest dashboard.
  const marker = 'Your classes, or join one with a code';
  const withCookie = await fetch(`${server.url}/dashboard`, { headers: { cookie: session }, redirect: 'manual' });
  const signedInHtml = await withCookie.text();
  const without = await fetch(`${server.url}/dashboard`, { redirect: 'manual' });
  const guestHtml = await without.text();
  if (withCookie.status !== 200 || !signedInHtml.includes(marker) || guestHtml.includes(marker)) {
    throw new Error(
      `The session cookie does not open the learner's dashboard (HTTP ${withCookie.status}, marker ${signedInHtml.includes(marker) ? 'found' : 'missing'}).`,
    );
  }
  log(`signed in as ${email} over HTTP; the dashboard is theirs with the cookie and the guest one without`);
  return session;
}

interface ScriptRow {
  url: string;
  resourceType?: string;
  networkRequestTime?: number;
  transferSize?: number;
  statusCode?: number;
}

const gzipCache = new Map<string, number>();
async function gzipSize(url: string): Promise<number> {
  const cached = gzipCache.get(url);
  if (cached !== undefined) return cached;
  const res = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  const size = zlib.gzipSync(Buffer.from(await res.arrayBuffer())).length;
  gzipCache.set(url, size);
  return size;
}

const kB = (bytes: number) => +(bytes / 1000).toFixed(1);

/** Next's own runtime chunks (React DOM, the App Router, Turbopack's loader): every page loads them. */
function frameworkChunks(): Set<string> {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join('.next', 'build-manifest.json'), 'utf8')) as { rootMainFiles?: string[] };
    return new Set((manifest.rootMainFiles ?? []).map((f) => `/_next/${f}`));
  } catch {
    return new Set();
  }
}
const FRAMEWORK = frameworkChunks();

/** The first-load scripts of one Lighthouse run (see the header comment), and those it fetched after load. */
async function firstLoadJs(lhr: Result, origin: string) {
  const audit = lhr.audits['network-requests'];
  const details = audit?.details as { items: ScriptRow[]; debugData?: { networkStartTimeTs?: number } } | undefined;
  const metrics = (lhr.audits.metrics?.details as { items: { observedLoadTs?: number }[] } | undefined)?.items[0];
  const startTs = details?.debugData?.networkStartTimeTs;
  if (!details || !metrics?.observedLoadTs || startTs === undefined)
    throw new Error('The Lighthouse report lacks the network log or the load event.');
  // networkRequestTime is ms since the first request; the load event is a trace timestamp (µs) on the same clock.
  const loadMs = (metrics.observedLoadTs - startTs) / 1000;
  const scripts = details.items.filter((r) => r.resourceType === 'Script' && r.url.startsWith(origin) && r.statusCode === 200);
  const before = scripts.filter((r) => (r.networkRequestTime ?? Infinity) <= loadMs);
  const after = scripts.filter((r) => !before.includes(r));
  const files: Record<string, number> = {};
  let gzip = 0;
  let framework = 0;
  let transfer = 0;
  for (const s of before) {
    const size = await gzipSize(s.url);
    const pathname = new URL(s.url).pathname;
    files[pathname.replace('/_next/static/chunks/', '')] = kB(size);
    gzip += size;
    if (FRAMEWORK.has(pathname)) framework += size;
    transfer += s.transferSize ?? 0;
  }
  let afterGzip = 0;
  for (const s of after) afterGzip += await gzipSize(s.url);
  return {
    gzipKb: kB(gzip),
    gzipBytes: gzip,
    transferKb: kB(transfer),
    // Of gzipKb: Next's runtime (.next/build-manifest.json rootMainFiles), the same on every page; the rest is ours.
    frameworkGzipKb: kB(framework),
    appGzipKb: kB(gzip - framework),
    loadEventMs: Math.round(loadMs),
    scripts: files,
    requestedAfterLoad: { count: after.length, gzipKb: kB(afterGzip) },
  };
}

/** Why a page loses points: failing accessibility and best-practices audits, and the performance audits that cost. */
function findings(lhr: Result) {
  const failing = (category: string) =>
    (lhr.categories[category]?.auditRefs ?? [])
      .map((ref) => lhr.audits[ref.id]!)
      .filter(
        (a) =>
          a &&
          a.score !== null &&
          a.score < 1 &&
          a.scoreDisplayMode !== 'informative' &&
          a.scoreDisplayMode !== 'notApplicable' &&
          a.scoreDisplayMode !== 'manual',
      )
      .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
  const perf = (lhr.categories.performance?.auditRefs ?? [])
    .map((ref) => lhr.audits[ref.id]!)
    .filter(
      (a) =>
        a &&
        a.score !== null &&
        a.score < 0.9 &&
        (a.scoreDisplayMode === 'numeric' || a.scoreDisplayMode === 'metricSavings' || a.scoreDisplayMode === 'binary'),
    )
    .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
  return {
    accessibility: failing('accessibility'),
    bestPractices: failing('best-practices'),
    performance: perf,
    runWarnings: lhr.runWarnings,
  };
}

const score = (lhr: Result, id: string) => {
  const s = lhr.categories[id]?.score;
  return s === null || s === undefined ? null : Math.round(s * 100);
};
const metric = (lhr: Result, id: string) => lhr.audits[id]?.numericValue ?? NaN;

/** One Lighthouse run in a fresh Chromium (new temp profile), its DevTools port in our range, ended afterwards. */
async function lighthouseRun(url: string, cookie: string | undefined): Promise<Result> {
  const debugPort = await freePortIn(3390, 3399);
  const chrome = await chromeLauncher.launch({ chromePath: chromePath!, chromeFlags: CHROMIUM_ARGS, port: debugPort, logLevel: 'silent' });
  chromes.add(chrome);
  try {
    const flags: Flags = {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    };
    // No config: Lighthouse's default, i.e. formFactor mobile, mobile screen emulation, simulated throttling.
    const result = await lighthouse(url, flags);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}.`);
    if (result.lhr.runtimeError)
      throw new Error(`Lighthouse failed on ${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    return result.lhr;
  } finally {
    const exited =
      chrome.process.exitCode === null && chrome.process.signalCode === null ? new Promise((r) => chrome.process.once('exit', r)) : null;
    chrome.kill();
    chromes.delete(chrome);
    if (exited) await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  }
}

ensureProductionBuild();
log('fresh database (migrations + seed, like npm start)');
store = await createStore({ learners: 0, secret: AUTH_SECRET, seedDemo: true, label: 'pages' });
await store.disconnect();
const port = args.port ?? (await freePortIn(3320, 3389));
const t0 = Date.now();
const results: Record<string, unknown> = {};
const chosen: Partial<Record<PageName, Result>> = {};
try {
  const server = await startServer({ DATABASE_URL: store.url, AUTH_SECRET }, { port });
  log(`server on ${server.url}; Chromium ${chromePath}`);
  const cookie = await signIn(server, DEMO_LEARNER.email, DEMO_LEARNER.password);

  // Warm the server (compiled chapters, caches) so the first Lighthouse run does not measure a cold process.
  for (const p of PAGES) {
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${server.url}${p.path}`, { headers: p.signedIn ? { cookie } : {}, redirect: 'manual' });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`GET ${p.path}${p.signedIn ? ' (signed in)' : ''}: HTTP ${res.status}`);
    }
  }

  fs.mkdirSync(REPORT_DIR, { recursive: true });
  for (const p of PAGES) {
    const lhrs: Result[] = [];
    for (let i = 1; i <= runs; i++) {
      log(`${p.name} (${p.path}${p.signedIn ? ', signed in' : ''}): run ${i}/${runs}`);
      const lhr = await lighthouseRun(`${server.url}${p.path}`, p.signedIn ? cookie : undefined);
      fs.writeFileSync(path.join(REPORT_DIR, `${p.name}-run${i}.json`), JSON.stringify(lhr, null, 1));
      lhrs.push(lhr);
    }
    const median = computeMedianRun(lhrs);
    const medianIndex = lhrs.indexOf(median) + 1;
    chosen[p.name] = median;
    results[p.name] = {
      path: p.path,
      signedIn: p.signedIn,
      medianRun: medianIndex,
      performance: score(median, 'performance'),
      accessibility: score(median, 'accessibility'),
      bestPractices: score(median, 'best-practices'),
      lcpMs: Math.round(metric(median, 'largest-contentful-paint')),
      cls: +metric(median, 'cumulative-layout-shift').toFixed(4),
      tbtMs: Math.round(metric(median, 'total-blocking-time')),
      fcpMs: Math.round(metric(median, 'first-contentful-paint')),
      firstLoadJs: await firstLoadJs(median, server.url),
      performanceEveryRun: lhrs.map((l) => score(l, 'performance')),
      clsEveryRun: lhrs.map((l) => +metric(l, 'cumulative-layout-shift').toFixed(4)),
      findings: findings(median),
      report: path.join(REPORT_DIR, `${p.name}-run${medianIndex}.json`),
    };
  }
} finally {
  killChromes();
  await stopAllServers();
  await store.dispose().catch((e: unknown) => console.error('cleanup failed:', e));
  store = undefined;
  limit.done();
}

const r = results as Record<
  PageName,
  { performance: number | null; accessibility: number | null; cls: number; firstLoadJs: { gzipKb: number } }
>;
const goalsMet = {
  chapter_performance_atLeast_95: (r.chapter.performance ?? 0) >= 95,
  chapter_accessibility_100: r.chapter.accessibility === 100,
  cls_under_0_02_every_page: PAGES.every((p) => r[p.name].cls < 0.02),
  chapter_firstLoadJs_under_130kB_gzip: r.chapter.firstLoadJs.gzipKb < 130,
};
const settings = chosen.home?.configSettings;

process.stdout.write(
  `${JSON.stringify(
    {
      benchmark: 'Lighthouse on the production build: home, a chapter, the signed-in dashboard, the practice drill',
      machine: { cpus: os.cpus().length, node: process.version, note: 'server, Chromium and Lighthouse share these CPUs' },
      lighthouse: {
        version: chosen.home?.lighthouseVersion,
        formFactor: settings?.formFactor,
        throttlingMethod: settings?.throttlingMethod,
        benchmarkIndex: chosen.home?.environment.benchmarkIndex,
        chromium: chosen.home?.environment.hostUserAgent,
      },
      runsPerPage: runs,
      durationSec: +((Date.now() - t0) / 1000).toFixed(1),
      pages: results,
      goalsMet,
    },
    null,
    2,
  )}\n`,
);
process.exit(args.strict && !Object.values(goalsMet).every(Boolean) ? 1 : 0);
