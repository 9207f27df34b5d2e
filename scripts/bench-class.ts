// Server time of the instructor views on a large class, on SQLite: 300 learners, 100,000 attempts (plus other
// people's attempts, so indexes matter). Prints JSON only.
//   tsx --conditions=react-server scripts/bench-class.ts [--learners 300] [--attempts 100000] [--runs 10]
// (add --expose-gc before the script for steadier memory numbers: tsx --expose-gc --conditions=react-server ...)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './lib/migrate';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const LEARNERS = arg('learners', 300);
const ATTEMPTS = arg('attempts', 100_000);
const RUNS = arg('runs', 10);
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
const { Prisma } = await import('../lib/db/generated/client.ts');
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
  ...quizzes.map((q) => ({ kind: 'quiz' as const, id: q.id, chapter: q.chapter, choices: q.choices.length, correct: q.choices.findIndex((c) => c.correct) })),
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
  data: Array.from({ length: LEARNERS + OUTSIDERS }, (_, i) => ({ email: `bench-${i}@example.com`, name: i % 37 === 0 ? `=HYPERLINK("x") ${i}` : `Learner ${i}`, role: 'learner' })),
});
const users = await db.user.findMany({ where: { email: { startsWith: 'bench-' }, role: 'learner' }, select: { id: true, email: true }, orderBy: { email: 'asc' } });
const learners = users.slice(0, LEARNERS);
const outsiders = users.slice(LEARNERS);
const cls = await db.class.create({ data: { ownerId: instructor.id, title: 'Bench class', joinCode: 'BENCH00000' } });
await db.enrolment.createMany({ data: learners.map((u, i) => ({ classId: cls.id, userId: u.id, joinedAt: new Date(now.getTime() - 20 * DAY + i * 1000) })) });
const opens = new Date(now.getTime() - 14 * DAY);
await db.assignment.createMany({
  data: [
    { classId: cls.id, kind: 'chapter', target: 'introduction', title: 'Introduction', opensAt: opens, dueAt: new Date(now.getTime() - 7 * DAY) },
    { classId: cls.id, kind: 'chapter', target: 'learning-dynamics', title: 'Learning dynamics', opensAt: opens, dueAt: new Date(now.getTime() + 7 * DAY) },
    { classId: cls.id, kind: 'drill', target: 'difficulty:intro', title: 'Intro drill', opensAt: opens, dueAt: new Date(now.getTime() - 2 * DAY) },
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
      if (it.kind === 'quiz') response = JSON.stringify({ selected: [correct ? Math.max(0, it.correct) : (Math.max(0, it.correct) + 1) % it.choices] });
      else {
        const label = correct ? it.label : rng.pick(LABELS.filter((l) => l !== it.label));
        const a = ANSWERS_FOR[label];
        response = JSON.stringify({ label, answers: { training: a.training ?? 'no', shift: a.shift ?? 'yes', competence: a.competence ?? 'yes' }, truth: it.label });
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

await transaction(async (tx) => {
  await chunked(attemptRows(learners, ATTEMPTS), 2000, (c) => tx.attempt.createMany({ data: c }));
  await chunked(attemptRows(outsiders, OUTSIDER_ATTEMPTS), 2000, (c) => tx.attempt.createMany({ data: c }));
  await chunked(
    learners.flatMap((u) => (rng.bool(0.7) ? [{ userId: u.id, chapter: 'introduction', completedAt: new Date(now.getTime() - rng.float(0, 12) * DAY) }] : [])),
    2000,
    (c) => tx.chapterProgress.createMany({ data: c }),
  );
}, { timeout: 600_000 });
// Review logs for the review assignment: 20 cards and ~30 reviews per learner.
for (const u of learners) {
  await db.reviewCard.createMany({
    data: Array.from({ length: 20 }, (_, k) => ({ userId: u.id, itemKind: 'quiz', itemId: quizzes[k]!.id, due: now, stability: 3, difficulty: 5, elapsedDays: 1, scheduledDays: 3, reps: 2, lapses: 0, state: 2 })),
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
const teacher = await verifyInstructor(instructor.id, cls.id).then((cap) => cap ?? Promise.reject(new Error('the bench instructor does not teach the bench class')));
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
  firstAttempts: plan(`SELECT userId, itemKind, itemId, correct, response, createdAt FROM Attempt WHERE userId IN (${marks}) AND firstAttempt = 1`, ...ids),
  lastActive: plan(`SELECT userId, MAX(createdAt) FROM Attempt WHERE userId IN (${marks}) GROUP BY userId`, ...ids),
  reviews: plan(`SELECT userId, review FROM ReviewLog WHERE userId IN (${marks}) AND review >= ? AND idempotencyKey NOT LIKE 'first-%'`, ...ids, opens.getTime()),
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

// Proposed export paging: each learner's attempts through the Attempt(userId, createdAt) index, in pages, instead
// of ORDER BY id over the whole class (SQLite picks the userId index for the IN list, then sorts every remaining
// attempt in a temporary B-tree for each page).
async function* proposedPages(classId: string, pageSize = 2000) {
  const ids = (await db.enrolment.findMany({ where: { classId }, select: { userId: true }, orderBy: { userId: 'asc' } })).map((e) => e.userId);
  const select = { id: true, userId: true, itemKind: true, itemId: true, chapter: true, response: true, correct: true, confident: true, durationMs: true, firstAttempt: true, merged: true, createdAt: true, user: { select: { email: true, name: true } } } as const;
  let buffer: Awaited<ReturnType<typeof db.attempt.findMany<{ select: typeof select }>>> = [];
  for (const userId of ids) {
    let cursor: string | undefined;
    for (;;) {
      const page = await db.attempt.findMany({ where: { userId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: pageSize, ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}), select });
      buffer.push(...page);
      if (buffer.length >= pageSize) {
        yield buffer;
        buffer = [];
      }
      if (page.length < pageSize) break;
      cursor = page.at(-1)!.id;
    }
  }
  if (buffer.length) yield buffer;
}
async function proposedExportOnce() {
  gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  let rows = -1;
  const t = performance.now();
  const reader = attemptsCsvStream(proposedPages(cls.id)).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) rows++;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  return { ms: performance.now() - t, rows, growth: peak - baseline };
}
await proposedExportOnce();
const proposedExports = [];
for (let i = 0; i < 3; i++) proposedExports.push(await proposedExportOnce());

// ---- The fix proposed for lib/db/class-analytics.ts, measured on the same data ----
// 1. An index on Attempt(userId, firstAttempt), so the first-attempts query reads only first attempts instead of
//    every attempt of every learner (a new migration; here created directly in the bench database).
// 2. Each view loads only what it uses: the roster skips the response JSON (most of the bytes decoded), the
//    confusion matrix reads scenario attempts only; and the first-attempts query goes through $queryRaw.
// 3. classItemStats looks up each item's kind in a Map (it now scans data.firsts once per item: O(items x firsts)).
type Firsts = Awaited<ReturnType<typeof loadClassData>>['firsts'];
async function proposedLoad(classId: string, since: Date | null, only: { responses: boolean; kind?: 'scenario' }) {
  const enrolments = await db.enrolment.findMany({ where: { classId }, orderBy: { joinedAt: 'asc' }, select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } } });
  const ids = enrolments.map((e) => e.user.id);
  const [firsts, completed, reviews, last] = await Promise.all([
    // $queryRaw skips the model-level row mapping, which costs more than the query itself at this size.
    db.$queryRaw<Firsts>`SELECT "userId", "itemKind", "itemId", "correct", ${only.responses ? Prisma.sql`"response"` : Prisma.sql`'' AS "response"`}, "createdAt"
      FROM "Attempt" WHERE "userId" IN (${Prisma.join(ids)}) AND "firstAttempt" = ${true} ${only.kind ? Prisma.sql`AND "itemKind" = ${only.kind}` : Prisma.empty}`,
    db.chapterProgress.findMany({ where: { userId: { in: ids }, completedAt: { not: null } }, select: { userId: true, chapter: true, completedAt: true } }),
    since ? db.reviewLog.findMany({ where: { userId: { in: ids }, review: { gte: since }, NOT: { idempotencyKey: { startsWith: 'first-' } } }, select: { userId: true, review: true } }) : Promise.resolve([]),
    db.attempt.groupBy({ by: ['userId'], where: { userId: { in: ids } }, _max: { createdAt: true } }),
  ]);
  return {
    learners: enrolments.map((e) => ({ ...e.user, joinedAt: e.joinedAt })),
    firsts,
    completed,
    reviews,
    lastActive: new Map(last.flatMap((l) => (l._max.createdAt ? [[l.userId, l._max.createdAt] as const] : []))),
  };
}
const { itemStatistics } = await import('../lib/learning/item-stats');
function proposedItemStats(d: { firsts: Firsts }) {
  const kinds = new Map<string, string>();
  for (const f of d.firsts) kinds.set(f.itemId, f.itemKind);
  const answer = (kind: string, response: string) => {
    const r = JSON.parse(response) as { selected?: number[]; label?: string };
    return kind === 'quiz' ? (r.selected ?? []).map((i) => String.fromCharCode(65 + i)).join('+') : (r.label ?? '—');
  };
  return itemStatistics(d.firsts.map((f) => ({ learnerId: f.userId, itemId: f.itemId, correct: f.correct, answer: answer(f.itemKind, f.response) }))).map((s) => ({ ...s, kind: kinds.get(s.itemId) ?? 'quiz' }));
}
{
  const w = new Database(file);
  w.exec('CREATE INDEX IF NOT EXISTS "Attempt_userId_firstAttempt_idx" ON "Attempt"("userId", "firstAttempt")');
  w.close();
}
const proposed = {
  roster: await measure(async () => buildRoster(await proposedLoad(cls.id, reviewsSince, { responses: false }), specs, now)),
  itemStats: await measure(async () => proposedItemStats(await proposedLoad(cls.id, null, { responses: true }))),
  confusion: await measure(async () => classDrillConfusion(await proposedLoad(cls.id, null, { responses: true, kind: 'scenario' }), axisTruth)),
};
// Same answers as the current code (a fix that changes results is no fix). Row order may differ between query
// plans, so compare in a canonical form (sorted keys, rounded correlations, cell counts).
const canonStats = (xs: ReturnType<typeof classItemStats>) =>
  JSON.stringify(xs.map((x) => ({ ...x, discrimination: x.discrimination === null ? null : x.discrimination.toFixed(9), distribution: Object.entries(x.distribution).sort() })));
const canonConfusion = (c: ReturnType<typeof classDrillConfusion>) => JSON.stringify([c.matrix.map((r) => r.cells.map((x) => x.count)), c.questionErrors, c.responses]);
const same = {
  roster: JSON.stringify(buildRoster(await proposedLoad(cls.id, reviewsSince, { responses: false }), specs, now)) === JSON.stringify(buildRoster(data, specs, now)),
  itemStats: canonStats(proposedItemStats(await proposedLoad(cls.id, null, { responses: true }))) === canonStats(classItemStats(data)),
  confusion: canonConfusion(classDrillConfusion(await proposedLoad(cls.id, null, { responses: true, kind: 'scenario' }), axisTruth)) === canonConfusion(classDrillConfusion(data, axisTruth)),
};

const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
const csv = {
  rows: exports[0]!.rows,
  sizeMB: mb(exports[0]!.bytes),
  medianMs: round(quantile(exports.map((e) => e.ms), 0.5)),
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
const keep = process.argv.includes('--keep');
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
      proposedFix: {
        views: proposed,
        csvExport: {
          rows: proposedExports[0]!.rows,
          medianMs: round(quantile(proposedExports.map((e) => e.ms), 0.5)),
          peakRssGrowthMB: mb(Math.max(...proposedExports.map((e) => e.growth))),
        },
        sameResults: same,
      },
      queryPlans: plans,
      node: process.version,
      ...(keep ? { databaseFile: file } : {}),
    },
    null,
    2,
  ),
);
