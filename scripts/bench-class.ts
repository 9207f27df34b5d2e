// Server time of the instructor views on a large class, on SQLite: 300 learners, 100,000 attempts (plus other
// people's attempts, so indexes matter). Prints JSON only.
//   npm run bench:class [-- --learners 300] [--attempts 100000] [--runs 10] [--keep]
// (--keep leaves the database file in place and prints its path)
// (the npm script runs it with --expose-gc, so each export is measured from a collected heap)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { benchArgs, flag, int } from './lib/bench';
import { migrate } from './lib/migrate';

const args = benchArgs('bench:class', {
  learners: int(300, 1, 100_000),
  attempts: int(100_000, 1, 10_000_000),
  runs: int(10, 1, 1000),
  keep: flag(),
});
const LEARNERS = args.learners;
const ATTEMPTS = args.attempts;
const RUNS = args.runs;
const OUTSIDERS = 200; // people outside the class, with attempts of their own
const OUTSIDER_ATTEMPTS = 20_000;
const GOAL_MS = 200;
const DAY = 86_400_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-bench-class-'));
const file = path.join(dir, 'bench.db');
const url = `file:${file}`;
await migrate(url);
// Before any lib/db module is loaded: the client reads DATABASE_URL once.
process.env.DATABASE_URL = url;

const { db, transaction } = await import('../lib/db/client');
const { buildRoster, classAttemptsPages, classDrillConfusion, classItemStats, loadClassData } = await import('../lib/db/class-analytics');
const { assignmentSpec } = await import('../lib/content/assignment-items');
const { getCourse } = await import('../lib/content/course');
const { getScenarioBank } = await import('../lib/content/bank');
const { ANSWERS_FOR } = await import('../lib/learning/scenario-schema');
const { createRng, deriveSeed } = await import('../lib/toys/rng');
const { attemptsCsvStream } = await import('../lib/teach/csv');
const { verifyInstructor } = await import('../lib/auth/capability');

const rng = createRng(deriveSeed(42, 'bench-class'));
const now = new Date();
const course = getCourse();
const bank = [...getScenarioBank().values()];
const quizzes = [...course.quizzes.values()];
const items = [
  ...quizzes.map((q) => ({
    kind: 'quiz' as const,
    id: q.id,
    chapter: q.chapter,
    choices: q.choices.length,
    correct: q.choices.findIndex((c) => c.correct),
  })),
  ...bank.map((s) => ({ kind: 'scenario' as const, id: s.id, chapter: s.chapter, label: s.label })),
];
const LABELS = ['specification-gaming', 'goal-misgeneralization', 'capability-failure'] as const;

async function chunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

// ---- Seed ----
const seedStart = performance.now();
const instructor = await db.user.create({ data: { email: 'bench-instructor@example.com', name: 'Bench Instructor', role: 'instructor' } });
await db.user.createMany({
  data: Array.from({ length: LEARNERS + OUTSIDERS }, (_, i) => ({
    email: `bench-${i}@example.com`,
    name: i % 37 === 0 ? `=HYPERLINK("x") ${i}` : `Learner ${i}`,
    role: 'learner',
  })),
});
const users = await db.user.findMany({
  where: { email: { startsWith: 'bench-' }, role: 'learner' },
  select: { id: true, email: true },
  orderBy: { email: 'asc' },
});
const learners = users.slice(0, LEARNERS);
const outsiders = users.slice(LEARNERS);
const cls = await db.class.create({ data: { ownerId: instructor.id, title: 'Bench class', joinCode: 'BENCH00000' } });
await db.enrolment.createMany({
  data: learners.map((u, i) => ({ classId: cls.id, userId: u.id, joinedAt: new Date(now.getTime() - 20 * DAY + i * 1000) })),
});
const opens = new Date(now.getTime() - 14 * DAY);
await db.assignment.createMany({
  data: [
    {
      classId: cls.id,
      kind: 'chapter',
      target: 'introduction',
      title: 'Introduction',
      opensAt: opens,
      dueAt: new Date(now.getTime() - 7 * DAY),
    },
    {
      classId: cls.id,
      kind: 'chapter',
      target: 'learning-dynamics',
      title: 'Learning dynamics',
      opensAt: opens,
      dueAt: new Date(now.getTime() + 7 * DAY),
    },
    {
      classId: cls.id,
      kind: 'drill',
      target: 'difficulty:intro',
      title: 'Intro drill',
      opensAt: opens,
      dueAt: new Date(now.getTime() - 2 * DAY),
    },
    { classId: cls.id, kind: 'drill', target: 'all', title: 'All scenarios', opensAt: opens, dueAt: new Date(now.getTime() + 7 * DAY) },
    { classId: cls.id, kind: 'review', target: '20', title: '20 reviews', opensAt: opens, dueAt: new Date(now.getTime() + 3 * DAY) },
  ],
});

function attemptRows(userIds: { id: string }[], total: number) {
  const perUser = Math.floor(total / userIds.length);
  const rows = [];
  for (const u of userIds) {
    const ability = rng.normal(0, 1);
    const seen = new Set<string>();
    // Most learners try most items once, then some again: about a third of the attempts are first attempts.
    const firstCount = Math.min(items.length, rng.int(Math.floor(items.length * 0.6), items.length + 1), perUser);
    const order = rng.shuffle(items).slice(0, firstCount);
    for (let n = 0; n < perUser; n++) {
      const it = n < order.length ? order[n]! : rng.pick(order);
      const first = !seen.has(it.id);
      seen.add(it.id);
      const correct = rng.bool(1 / (1 + Math.exp(-(ability + (first ? 0.5 : 1.5)))));
      let response: string;
      if (it.kind === 'quiz')
        response = JSON.stringify({ selected: [correct ? Math.max(0, it.correct) : (Math.max(0, it.correct) + 1) % it.choices] });
      else {
        const label = correct ? it.label : rng.pick(LABELS.filter((l) => l !== it.label));
        const a = ANSWERS_FOR[label];
        response = JSON.stringify({
          label,
          answers: { training: a.training ?? 'no', shift: a.shift ?? 'yes', competence: a.competence ?? 'yes' },
          truth: it.label,
        });
      }
      rows.push({
        userId: u.id,
        idempotencyKey: `k${n}`,
        itemKind: it.kind,
        itemId: it.id,
        chapter: it.chapter,
        response,
        correct,
        confident: rng.bool(0.7),
        durationMs: rng.int(2000, 120_000),
        firstAttempt: first,
        createdAt: new Date(now.getTime() - rng.float(0, 14) * DAY),
      });
    }
  }
  return rows;
}

await transaction(
  async (tx) => {
    await chunked(attemptRows(learners, ATTEMPTS), 2000, (c) => tx.attempt.createMany({ data: c }));
    await chunked(attemptRows(outsiders, OUTSIDER_ATTEMPTS), 2000, (c) => tx.attempt.createMany({ data: c }));
    await chunked(
      learners.flatMap((u) =>
        rng.bool(0.7) ? [{ userId: u.id, chapter: 'introduction', completedAt: new Date(now.getTime() - rng.float(0, 12) * DAY) }] : [],
      ),
      2000,
      (c) => tx.chapterProgress.createMany({ data: c }),
    );
  },
  { timeout: 600_000 },
);
// Review logs for the review assignment: 20 cards and ~30 reviews per learner.
for (const u of learners) {
  await db.reviewCard.createMany({
    data: Array.from({ length: 20 }, (_, k) => ({
      userId: u.id,
      itemKind: 'quiz',
      itemId: quizzes[k]!.id,
      due: now,
      stability: 3,
      difficulty: 5,
      elapsedDays: 1,
      scheduledDays: 3,
      reps: 2,
      lapses: 0,
      state: 2,
    })),
  });
}
const cards = await db.reviewCard.findMany({ select: { id: true, userId: true } });
await chunked(
  cards.flatMap((c, k) =>
    Array.from({ length: k % 3 === 0 ? 3 : 1 }, (_, j) => ({
      userId: c.userId,
      cardId: c.id,
      idempotencyKey: `r-${k}-${j}`,
      rating: 3,
      state: 2,
      due: now,
      stability: 3,
      difficulty: 5,
      elapsedDays: 1,
      lastElapsedDays: 1,
      scheduledDays: 3,
      review: new Date(now.getTime() - rng.float(0, 14) * DAY),
    })),
  ),
  2000,
  (c) => db.reviewLog.createMany({ data: c }),
);
const seedMs = performance.now() - seedStart;

// ---- Measure ----
// The instructor views read through the teacher's capability, as the pages do.
const teacher = await verifyInstructor(instructor.id, cls.id).then(
  (cap) => cap ?? Promise.reject(new Error('the bench instructor does not teach the bench class')),
);
const fullClass = await db.class.findUniqueOrThrow({ where: { id: cls.id }, include: { assignments: true } });
const specs = fullClass.assignments.map((a) => assignmentSpec(a));
const reviewsSince = opens;
const axisTruth = (id: string) => getScenarioBank().get(id) ?? null;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
const round = (x: number) => Math.round(x * 10) / 10;

async function measure(fn: () => Promise<unknown>) {
  for (let i = 0; i < 2; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  const median = quantile(times, 0.5);
  return { medianMs: round(median), p95Ms: round(quantile(times, 0.95)), underGoal: quantile(times, 0.95) < GOAL_MS };
}

// Query plans for the queries behind the views.
const sqlite = new Database(file, { readonly: true });
const ids = learners.map((u) => u.id);
const marks = ids.map(() => '?').join(',');
const plan = (sql: string, ...params: unknown[]) =>
  (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
const plans = {
  firstAttempts: plan(
    `SELECT userId, itemKind, itemId, correct, response, createdAt FROM Attempt WHERE userId IN (${marks}) AND firstAttempt = 1`,
    ...ids,
  ),
  lastActive: plan(`SELECT userId, MAX(createdAt) FROM Attempt WHERE userId IN (${marks}) GROUP BY userId`, ...ids),
  reviews: plan(
    `SELECT userId, review FROM ReviewLog WHERE userId IN (${marks}) AND review >= ? AND idempotencyKey NOT LIKE 'first-%'`,
    ...ids,
    opens.getTime(),
  ),
  attemptsPage: plan(`SELECT * FROM Attempt WHERE userId IN (${marks}) AND id > ? ORDER BY id LIMIT 2000`, ...ids, ''),
};
sqlite.close();
const loadOnly = await measure(() => loadClassData(teacher, reviewsSince));
const data = await loadClassData(teacher, reviewsSince);
const computeOnly = {
  roster: await measure(async () => buildRoster(data, specs, now)),
  itemStats: await measure(async () => classItemStats(data)),
  confusion: await measure(async () => classDrillConfusion(data, axisTruth)),
};
const views = {
  roster: await measure(async () => buildRoster(await loadClassData(teacher, reviewsSince), specs, now)),
  itemStats: await measure(async () => classItemStats(await loadClassData(teacher, reviewsSince))),
  confusion: await measure(async () => classDrillConfusion(await loadClassData(teacher, reviewsSince), axisTruth)),
};

// The CSV export: read the whole stream, sampling the process's resident memory as it goes.
const gc = (globalThis as { gc?: () => void }).gc;
async function exportOnce() {
  gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  let bytes = 0;
  let newlines = 0;
  const t = performance.now();
  const reader = attemptsCsvStream(classAttemptsPages(teacher)).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) newlines++;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  return { ms: performance.now() - t, rows: newlines - 1, bytes, growth: peak - baseline };
}
await exportOnce();
const exports = [];
for (let i = 0; i < 3; i++) exports.push(await exportOnce());

const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
const csv = {
  rows: exports[0]!.rows,
  sizeMB: mb(exports[0]!.bytes),
  medianMs: round(
    quantile(
      exports.map((e) => e.ms),
      0.5,
    ),
  ),
  peakRssGrowthMB: mb(Math.max(...exports.map((e) => e.growth))),
  note: 'RSS growth during the export versus the file size: flat memory means the stream never holds the whole export.',
};

const counts = {
  learners: LEARNERS,
  classAttempts: await db.attempt.count({ where: { userId: { in: ids } } }),
  firstAttempts: data.firsts.length,
  otherAttempts: OUTSIDER_ATTEMPTS,
  reviewLogs: await db.reviewLog.count(),
  assignments: specs.length,
  items: new Set(data.firsts.map((f) => f.itemId)).size,
};
await db.$disconnect();
const keep = args.keep;
if (!keep) fs.rmSync(dir, { recursive: true, force: true });

console.log(
  JSON.stringify(
    {
      goalMs: GOAL_MS,
      runs: RUNS,
      seedMs: Math.round(seedMs),
      counts,
      views: { ...views, csvExport: csv },
      breakdown: { loadClassData: loadOnly, computeOnly },
      queryPlans: plans,
      node: process.version,
      ...(keep ? { databaseFile: file } : {}),
    },
    null,
    2,
  ),
);
