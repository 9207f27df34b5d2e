import { expect, request, test } from '@playwright/test';
import { createRng } from '../../lib/toys/rng';
import fs from 'node:fs';
import { analyzeChapter } from '../../lib/content/analyze';
import {
  action,
  allTables,
  BASE_URL,
  buildWorld,
  disposeWorld,
  parseActionReply,
  validCalls,
  validRouteCalls,
  type World,
} from './actions';
import { e2eDb } from './support';

// A seeded fuzzer over every server action and state-changing route handler: random JSON shapes, nested
// garbage, huge numbers, prototype-pollution keys, unicode and lone surrogates, React reply markers, wrong
// content types, truncated JSON, empty bodies. No answer may be a 5xx, and the database must be as it was.
// Reproduce a failure with FUZZ_SEED=<the seed in the test name>.

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_127);
const PAYLOADS = Number(process.env.FUZZ_COUNT ?? 360);

/** The payload generator's randomness: lib/toys' seeded mulberry32, so payloads are reproducible from the seed. */
function prng(seed: number) {
  const { next } = createRng(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

const STRINGS = [
  '',
  ' ',
  'introduction',
  'x'.repeat(10_000),
  '😀👩‍👩‍👧',
  'e\u0301\u0301\u0301',
  '\u202eevil\u202c',
  '\ud800',
  '\udfff lone',
  '\u0000nul',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '../../etc/passwd',
  '$Q1',
  '$@0',
  '$h1',
  '$$dollar',
  '$undefined',
  '$K1',
  '$D9999-99-99',
  '$n1',
  '$T',
  '__proto__',
  'constructor',
  'cnosuchid000000000000000',
  '9999-12-31T23:59:59Z',
  '-1',
  'NaN',
  'true',
];
const NUMBERS = [0, -1, 1, 0.5, -0.000001, 2 ** 53 + 1, -(2 ** 63), 1e308, -1e308, 1e21, 86_400_001, 9, 10, 500, 501];
const KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'userId',
  'role',
  'ok',
  'status',
  '',
  '😀',
  '$ACTION_ID_x',
  'cardId',
  'classId',
  'chapter',
];

function randomValue(r: Rng, depth = 0): unknown {
  const roll = r.int(depth > 4 ? 4 : 9);
  switch (roll) {
    case 0:
      return null;
    case 1:
      return r.next() < 0.5;
    case 2:
      return r.pick(NUMBERS);
    case 3:
      return r.pick(STRINGS);
    case 4:
    case 5:
      return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1));
    case 6:
      return deep(r.int(200));
    default:
      return randomObject(r, depth + 1);
  }
}

function randomObject(r: Rng, depth: number): Record<string, unknown> {
  // JSON.parse makes "__proto__" an own key, as a request body would.
  const o = JSON.parse('{}') as Record<string, unknown>;
  for (let i = r.int(5); i > 0; i--)
    Object.defineProperty(o, r.pick(KEYS), { value: randomValue(r, depth), enumerable: true, configurable: true, writable: true });
  return o;
}

const deep = (n: number): unknown => {
  let v: unknown = 'bottom';
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

/** A valid payload with some fields replaced, removed, or joined by hostile keys. */
function mutate(r: Rng, valid: unknown): unknown {
  if (valid === null || typeof valid !== 'object') return randomValue(r);
  const copy = JSON.parse(JSON.stringify(valid)) as Record<string, unknown>;
  const keys = Object.keys(copy);
  for (let i = 1 + r.int(3); i > 0; i--) {
    const k = keys.length ? r.pick(keys) : 'x';
    const op = r.int(4);
    if (op === 0) delete copy[k];
    else if (op === 1)
      Object.defineProperty(copy, r.pick(KEYS), { value: randomValue(r), enumerable: true, configurable: true, writable: true });
    else copy[k] = Array.isArray(copy[k]) || (copy[k] && typeof copy[k] === 'object') ? mutate(r, copy[k]) : randomValue(r);
  }
  return copy;
}

interface Payload {
  target: string;
  path: string;
  headers: Record<string, string>;
  body: string | Buffer | FormData;
  describe: string;
}

const CONTENT_TYPES = [
  'text/plain;charset=UTF-8',
  'application/json',
  'text/html',
  'application/octet-stream',
  'application/x-www-form-urlencoded',
  'application/xml; charset=utf-16',
  '',
];

function rawBody(r: Rng, valid: unknown): { body: string | Buffer; how: string } {
  const text = JSON.stringify(r.next() < 0.5 ? mutate(r, valid) : randomValue(r)) ?? 'null';
  switch (r.int(6)) {
    case 0:
      return { body: text.slice(0, r.int(text.length)), how: 'truncated JSON' };
    case 1:
      return { body: '', how: 'empty body' };
    case 2:
      return { body: Buffer.from(Array.from({ length: 1 + r.int(64) }, () => r.int(256))), how: 'random bytes' };
    default:
      return { body: text.length > 200_000 ? text.slice(0, 200_000) : text, how: 'JSON' };
  }
}

function makePayload(r: Rng, w: World, i: number): Payload {
  const calls = validCalls(w);
  const routes = validRouteCalls(w);
  const targets = [...Object.keys(calls), ...Object.keys(routes)];
  const target = r.pick(targets);
  if (target in routes) {
    const route = routes[target]!;
    const path =
      target === 'POST /api/auth/[...nextauth]'
        ? r.pick(['/api/auth/signout', '/api/auth/callback/credentials', '/api/auth/signin/credentials', '/api/auth/session'])
        : route.path;
    const { body, how } = rawBody(r, route.data);
    const type = r.pick(CONTENT_TYPES);
    return {
      target,
      path,
      headers: type ? { 'Content-Type': type } : {},
      body,
      describe: `#${i} ${target} ${path} ${how} as ${type || 'no type'}`,
    };
  }
  const call = calls[target]!;
  const headers: Record<string, string> = { 'Next-Action': action(target).id, Accept: 'text/x-component' };
  const valid = call.kind === 'args' ? call.payload : [null, call.payload];
  if (r.next() < 0.35) {
    // Multipart: random fields around a root part that is valid, random or missing.
    const form = new FormData();
    const fields = { ...(call.kind === 'args' ? {} : (call.payload as Record<string, string>)) };
    for (const [k, v] of Object.entries(fields)) if (r.next() < 0.7) form.append(`_1_${k}`, r.next() < 0.5 ? v : String(r.pick(STRINGS)));
    for (let n = r.int(3); n > 0; n--)
      form.append(
        r.pick(['_1_', '1', 'S1', '$ACTION_REF_1', '$ACTION_1:0', '_1_' + r.pick(KEYS)]) + r.pick(['', 'x']),
        JSON.stringify(randomValue(r)) ?? '',
      );
    const root = r.int(3);
    if (root === 0) form.append('0', call.kind === 'formdata' ? '["$K1"]' : '[null,"$K1"]');
    else if (root === 1) form.append('0', JSON.stringify(mutate(r, valid)) ?? '');
    return {
      target,
      path: call.path,
      headers,
      body: form,
      describe: `#${i} ${target} multipart (root ${['valid', 'random', 'missing'][root]})`,
    };
  }
  const { body, how } = rawBody(r, valid);
  const type = r.pick(CONTENT_TYPES);
  return {
    target,
    path: call.path,
    headers: { ...headers, ...(type ? { 'Content-Type': type } : {}) },
    body,
    describe: `#${i} ${target} ${how} as ${type || 'no type'}`,
  };
}

const file = 'content/chapters/00-introduction/index.mdx';
const quiz = analyzeChapter(fs.readFileSync(file, 'utf8'), 'introduction', file).quizzes[0]!;
const right = quiz.choices.flatMap((c, i) => (c.correct ? [i] : []));

const COUNTED = allTables().filter((t) => !['RateLimitHit', 'SignInFailure'].includes(t)); // failed joins and sign-ins are counted by design

/** Every table's row count, in one query. */
function counts(): string {
  const db = e2eDb();
  try {
    return JSON.stringify(db.prepare(`SELECT ${COUNTED.map((t) => `(SELECT COUNT(*) FROM "${t}") AS "${t}"`).join(', ')}`).get());
  } finally {
    db.close();
  }
}

function sanity(): Record<string, number> {
  const db = e2eDb();
  const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  try {
    return {
      'attempts without an item': n(
        "SELECT COUNT(*) AS n FROM Attempt WHERE itemId IS NULL OR itemId = '' OR itemKind NOT IN ('quiz', 'scenario')",
      ),
      'attempts of no user': n('SELECT COUNT(*) AS n FROM Attempt WHERE userId NOT IN (SELECT id FROM User)'),
      'attempts with a negative duration': n('SELECT COUNT(*) AS n FROM Attempt WHERE durationMs < 0'),
      'cards of no user': n('SELECT COUNT(*) AS n FROM ReviewCard WHERE userId NOT IN (SELECT id FROM User)'),
      'logs of no card': n('SELECT COUNT(*) AS n FROM ReviewLog WHERE cardId NOT IN (SELECT id FROM ReviewCard)'),
      'classes of no owner': n('SELECT COUNT(*) AS n FROM Class WHERE ownerId NOT IN (SELECT id FROM User)'),
      'users with an unknown role': n("SELECT COUNT(*) AS n FROM User WHERE role NOT IN ('learner', 'instructor')"),
    };
  } finally {
    db.close();
  }
}

test.describe('fuzzing', () => {
  let w: World;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    w = await buildWorld(quiz.id, right);
  });
  test.afterAll(async () => disposeWorld(w));

  test(`seed ${SEED}: ${PAYLOADS} random payloads across every server action and route handler; none gets a 5xx and the database stays sane`, async () => {
    test.setTimeout(300_000);
    const r = prng(SEED);
    const calls = validCalls(w);
    const sane = sanity();
    expect(
      Object.values(sane).every((v) => v === 0),
      JSON.stringify(sane),
    ).toBe(true);
    let rows = counts();
    const failures: string[] = [];
    const accepted: string[] = [];
    const targets = new Set<string>();
    for (let i = 0; i < PAYLOADS; i++) {
      const p = makePayload(r, w, i);
      targets.add(p.target);
      const as = p.target in calls ? calls[p.target]!.as : validRouteCalls(w)[p.target]!.as;
      // Actions that end a session get a context of their own, so the others keep theirs.
      // A fresh, signed-out context each time: a payload that signs in cannot lend its session to the next one.
      const own = ['signOutAction', 'deleteAccountAction', 'changePasswordAction'].includes(p.target) || as === 'nobody';
      const api = own ? await request.newContext({ baseURL: BASE_URL }) : as === 'owner' ? w.owner.api : w.learner.api;
      const res = await api.post(p.path, {
        headers: { Origin: BASE_URL, ...p.headers },
        ...(p.body instanceof FormData ? { multipart: p.body } : { data: p.body }),
        maxRedirects: 0,
        failOnStatusCode: false,
      });
      const body = await res.body();
      if (own) await api.dispose();
      const reply = parseActionReply({
        status: res.status(),
        contentType: res.headers()['content-type'] ?? '',
        body,
        redirect: res.headers()['x-action-redirect'] ?? null,
      });
      if (res.status() >= 500 || reply.crashed) failures.push(`${p.describe} → ${res.status()} ${reply.text.slice(0, 160)}`);
      // A refused payload writes nothing. (A mutation can leave a payload valid, e.g. only an extra key: it runs.)
      const refused = res.status() >= 400 || reply.result?.ok === false;
      const after = counts();
      if (refused && after !== rows)
        failures.push(`${p.describe} → refused with ${res.status()} but changed row counts: ${rows} → ${after}`);
      if (!refused) accepted.push(p.describe);
      rows = after;
    }
    expect(failures, `seed ${SEED}: reproduce with FUZZ_SEED=${SEED}`).toEqual([]);
    expect(targets.size, 'every target got payloads').toBe(Object.keys(calls).length + Object.keys(validRouteCalls(w)).length);
    expect(sanity(), `seed ${SEED}`).toEqual(sane);
    console.log(`fuzz seed ${SEED}: ${PAYLOADS} payloads, ${accepted.length} accepted (valid after mutation), the rest refused with a 4xx`);
    // The server still works for the people whose sessions were used.
    expect((await w.learner.api.get('/api/progress')).status()).toBe(200);
    expect((await w.owner.api.get(`/teach/${w.classId}`)).status()).toBe(200);
  });
});
