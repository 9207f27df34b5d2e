// npm run bench:review — one learner with 10,000 cards and 100,000 review logs on SQLite; times the due queue,
// recording an answer (the review action's data work), and the dashboard's data, server-side. Prints JSON.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { migrate } from './lib/migrate';

const CARDS = 10_000;
const LOGS = 100_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-bench-review-'));
const file = path.join(dir, 'bench.db');
const url = `file:${file}`;
process.env.DATABASE_URL = url;
await migrate(url);

// Seed directly with SQL in one transaction (fast); the shapes match what the app writes.
const now = new Date('2026-06-01T12:00:00Z');
const iso = (d: Date) => d.toISOString().replace('Z', '+00:00');
const sqlite = new Database(file);
const userId = 'bench-user';
sqlite
  .prepare(`INSERT INTO "User" (id, email, name, role, sessionVersion, settings, createdAt, updatedAt) VALUES (?,?,?,?,?,?,?,?)`)
  .run(userId, 'bench@example.com', 'Bench', 'learner', 0, '{}', iso(now), iso(now));
const insCard = sqlite.prepare(
  `INSERT INTO "ReviewCard" (id,userId,itemKind,itemId,concept,due,stability,difficulty,elapsedDays,scheduledDays,learningSteps,reps,lapses,state,lastReview,introducedAt,createdAt) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
);
const insLog = sqlite.prepare(
  `INSERT INTO "ReviewLog" (id,userId,cardId,idempotencyKey,rating,state,due,stability,difficulty,elapsedDays,lastElapsedDays,scheduledDays,learningSteps,review,durationMs,requestRetention,shownItemId,correct,confident) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
);
const insAttempt = sqlite.prepare(
  `INSERT INTO "Attempt" (id,userId,idempotencyKey,itemKind,itemId,chapter,response,correct,confident,durationMs,firstAttempt,createdAt) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
);
const insDay = sqlite.prepare(`INSERT INTO "StudyDay" (userId, day, answers, reviews) VALUES (?,?,?,?)`);
const perDay = new Map<string, { answers: number; reviews: number }>();
const tally = (d: Date, k: 'answers' | 'reviews') => {
  const day = d.toISOString().slice(0, 10);
  const v = perDay.get(day) ?? { answers: 0, reviews: 0 };
  v[k]++;
  perDay.set(day, v);
};
let seed = 42;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
sqlite.transaction(() => {
  for (let i = 0; i < CARDS; i++) {
    // About 3% of cards are due now; the rest spread over the next 60 days.
    const due = new Date(now.getTime() + (rnd() < 0.03 ? -rnd() * 86_400_000 : rnd() * 60 * 86_400_000));
    const created = new Date(now.getTime() - (30 + rnd() * 300) * 86_400_000);
    insCard.run(
      `c${i}`,
      userId,
      'quiz',
      `item-${i}`,
      null,
      iso(due),
      5 + rnd() * 50,
      3 + rnd() * 5,
      0,
      10,
      0,
      10,
      1,
      2,
      iso(created),
      iso(created),
      iso(created),
    );
    insAttempt.run(
      `a${i}`,
      userId,
      `first-${i}`,
      'quiz',
      `item-${i}`,
      'introduction',
      '{"selected":[0]}',
      rnd() < 0.8 ? 1 : 0,
      1,
      9000,
      1,
      iso(created),
    );
    tally(created, 'answers');
  }
  for (let j = 0; j < LOGS; j++) {
    const c = j % CARDS;
    const at = new Date(now.getTime() - rnd() * 300 * 86_400_000);
    insLog.run(
      `l${j}`,
      userId,
      `c${c}`,
      j < CARDS ? `first-${c}` : `k${j}`,
      3,
      2,
      iso(at),
      10,
      5,
      3,
      3,
      10,
      0,
      iso(at),
      8000,
      0.9,
      `item-${c}`,
      1,
      1,
    );
    if (j >= CARDS) tally(at, 'reviews');
  }
  for (const [day, v] of perDay) insDay.run(userId, day, v.answers, v.reviews);
})();
sqlite.close();

const { getDueQueue, recordReview } = await import('../lib/db/reviews');
const { getDashboard } = await import('../lib/db/dashboard');
const { db } = await import('../lib/db/client');

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { median_ms: +q(0.5).toFixed(2), p99_ms: +q(0.99).toFixed(2), runs: s.length };
}
async function time(n: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await fn(-1 - i); // warm-up
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return stats(out);
}

const dueQueue = await time(200, () => getDueQueue(userId, now, { newPerDay: 20, chapterOf: () => 'introduction', limit: 200 }));
const dueCount = (await getDueQueue(userId, now, { newPerDay: 20, chapterOf: () => null })).dueCount;
const record = await time(300, (i) =>
  recordReview(
    userId,
    {
      cardId: `c${(i + 10) % CARDS}`,
      shownItemId: 'x',
      correct: i % 4 !== 0,
      confident: i % 3 !== 0,
      durationMs: 9000,
      idempotencyKey: `bench-${i + 10}`,
      cardVersion: null,
    },
    new Date(now.getTime() + 1000 * (i + 10)),
    0.9,
  ),
);
const chapters = [{ slug: 'introduction', title: 'Introduction', quizIds: Array.from({ length: 100 }, (_, i) => `item-${i}`) }];
const perLabel = { 'specification-gaming': 0, 'goal-misgeneralization': 0, 'capability-failure': 0 };
const dashboard = await time(30, () => getDashboard({ userId, now, chapters, scenarioOf: () => null, scenariosPerLabel: perLabel }));
await db.$disconnect();
fs.rmSync(dir, { recursive: true, force: true });

console.log(
  JSON.stringify(
    {
      store: 'sqlite',
      cards: CARDS,
      reviewLogs: LOGS,
      cardsDueNow: dueCount,
      dueQueue: { ...dueQueue, goal_ms: 5 },
      recordAnswer: { ...record, goal_ms: 10 },
      dashboardData: { ...dashboard, goal_ms: 50 },
    },
    null,
    2,
  ),
);
