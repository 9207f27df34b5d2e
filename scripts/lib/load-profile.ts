// Where one answer's server time goes, measured in process (no HTTP, no Next), one request at a time and with
// `--concurrency N` at once, against DATABASE_URL (a database bench-load created, with its learners). Run by
// scripts/bench-load.ts --profile in a child process so lib/db's client binds to that database. Prints JSON.
import { performance } from 'node:perf_hooks';
import { decode, encode } from 'next-auth/jwt';

const SESSION_COOKIE = 'authjs.session-token';
const secret = process.env.AUTH_SECRET!;
const concurrency = Number(process.argv[2] ?? '1');
const N = Number(process.argv[3] ?? '300');

const { db } = await import('../../lib/db/client');
const { getUserById } = await import('../../lib/db/users');
const { getSettings } = await import('../../lib/db/settings');
const { recordAttempt } = await import('../../lib/db/attempts');
const { getCourse } = await import('../../lib/content/course');

const users = await db.user.findMany({ select: { id: true, name: true, email: true }, take: 100 });
const quizzes = [...getCourse().quizzes.values()];
const token = await encode({ secret, salt: SESSION_COOKIE, token: { sub: users[0]!.id, sv: 0 } });
let seq = 0;

const steps: Record<string, (u: { id: string }) => Promise<unknown>> = {
  jwtDecode: () => decode({ token, secret, salt: SESSION_COOKIE }),
  userRead: (u) => getUserById(u.id),
  settingsRead: (u) => getSettings(u.id),
  recordAttempt: (u) => {
    const q = quizzes[seq % quizzes.length]!;
    const key = `prof-${process.pid}-${(seq++).toString(36)}`;
    return recordAttempt(u.id, {
      idempotencyKey: key,
      itemKind: 'quiz',
      itemId: q.id,
      chapter: q.chapter,
      response: { selected: [0] },
      correct: true,
      confident: true,
      durationMs: 5000,
      createdAt: new Date(),
      schedule: { concept: null, retention: 0.9 },
    });
  },
};

function pct(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => +s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(2);
  return { p50: q(0.5), p99: q(0.99) };
}

const out: Record<string, unknown> = {};
for (const [name, fn] of Object.entries(steps)) {
  for (let i = 0; i < 20; i++) await fn(users[i % users.length]!); // warm-up
  const lat: number[] = [];
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      while (next < N) {
        next++;
        const t = performance.now();
        await fn(users[(w + next) % users.length]!);
        lat.push(performance.now() - t);
      }
    }),
  );
  const wall = performance.now() - t0;
  out[name] = { ...pct(lat), perSecond: Math.round((N / wall) * 1000) };
}
await db.$disconnect();
process.stdout.write(JSON.stringify({ concurrency, calls: N, ms: out }));
