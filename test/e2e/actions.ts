// Server actions and route handlers over plain HTTP, as an attacker (or a script) would call them: no browser,
// no React client, just the POSTs Next.js accepts. Also reads the source, so the security specs can check that
// every exported action and every state-changing route handler is covered.
import fs from 'node:fs';
import path from 'node:path';
import { expect, request as playwrightRequest, type APIRequestContext, type APIResponse } from '@playwright/test';
import { e2eDb, SCENARIO_HEADER, scenarioRow, unique, uniqueIp } from './support';

export const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? '3100'}`;

// ---------------------------------------------------------------- what exists (read from the source and build)

export interface ActionInfo {
  id: string;
  name: string;
  file: string;
  /** Pages whose bundle includes the action, e.g. "app/teach/[classId]/page". */
  workers: string[];
}

/** Every server action of the production build, by exported name (.next/server/server-reference-manifest.json). */
export function buildActions(): Map<string, ActionInfo> {
  const manifest = JSON.parse(fs.readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  const out = new Map<string, ActionInfo>();
  for (const [id, a] of Object.entries(manifest.node)) {
    if (out.has(a.exportedName)) throw new Error(`Two server actions are exported as ${a.exportedName}; the helper keys them by name.`);
    out.set(a.exportedName, { id, name: a.exportedName, file: a.filename, workers: Object.keys(a.workers) });
  }
  return out;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'generated' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Every function exported from a 'use server' module under app/, lib/ or components/: "file#name". */
export function sourceActions(): string[] {
  const out: string[] = [];
  for (const file of [...walk('app'), ...walk('lib'), ...walk('components')]) {
    const src = fs.readFileSync(file, 'utf8');
    if (!/^\s*(?:\/\/[^\n]*\n\s*)*['"]use server['"]/.test(src)) continue;
    for (const m of src.matchAll(/^export\s+(?:async\s+)?(?:function\s*\*?\s*|const\s+|let\s+)(\w+)/gm)) out.push(`${file}#${m[1]}`);
    for (const m of src.matchAll(/^export\s*\{([^}]*)\}/gm))
      for (const n of m[1]!.split(','))
        out.push(
          `${file}#${n
            .trim()
            .split(/\s+as\s+/)
            .pop()}`,
        );
  }
  return out.sort();
}

/** Every state-changing route handler: "POST /api/answers" (dynamic segments as in the folder name). */
export function sourceMutatingRoutes(): string[] {
  const out: string[] = [];
  for (const file of walk('app')) {
    if (!/route\.(ts|tsx)$/.test(file)) continue;
    const src = fs.readFileSync(file, 'utf8');
    const route = '/' + path.dirname(path.relative('app', file)).split(path.sep).join('/');
    const methods = new Set<string>();
    for (const m of src.matchAll(/export\s+(?:async\s+function|const|let|var|function)\s+(POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]!);
    for (const m of src.matchAll(/export\s+(?:const|let)\s*\{([^}]*)\}/g))
      for (const n of m[1]!.split(',')) if (/^(POST|PUT|PATCH|DELETE)$/.test(n.trim())) methods.add(n.trim());
    for (const m of src.matchAll(/export\s*\{([^}]*)\}/g))
      for (const n of m[1]!.split(',')) {
        const exported = n
          .trim()
          .split(/\s+as\s+/)
          .pop()!;
        if (/^(POST|PUT|PATCH|DELETE)$/.test(exported)) methods.add(exported);
      }
    for (const method of methods) out.push(`${method} ${route.replace(/\/\.$/, '') || '/'}`);
  }
  return out.sort();
}

// ---------------------------------------------------------------- calling actions

interface ActionResult {
  ok: boolean;
  status?: number;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  data?: unknown;
  values?: Record<string, string>;
}

export interface ActionReply {
  /** The HTTP status. A handled refusal is usually 200 with result.ok === false and result.status set. */
  status: number;
  contentType: string;
  text: string;
  /** The action's return value, when the body is the RSC stream of a completed action. */
  result: ActionResult | null;
  /** Where a redirect() inside the action sends the browser. */
  redirect: string | null;
  /** The action threw: the RSC stream carries an error row (Next answers 500 for these). */
  crashed: boolean;
}

export interface CallOptions {
  /** The page the action is posted to; by default the first page the build lists for it (dynamic segments filled with "x"). */
  path?: string;
  /** The Origin header; the app's own origin by default (what a browser sends), null for none. */
  origin?: string | null;
  headers?: Record<string, string>;
}

let actionsCache: Map<string, ActionInfo> | null = null;
export function action(name: string): ActionInfo {
  actionsCache ??= buildActions();
  const a = actionsCache.get(name);
  if (!a) throw new Error(`No server action named ${name} in the build.`);
  return a;
}

function pagePathOf(a: ActionInfo): string {
  const worker = a.workers.find((w) => w.endsWith('/page') && !w.includes('_not-found')) ?? 'app/page';
  const p = worker
    .replace(/^app/, '')
    .replace(/\/page$/, '')
    .replace(/\[\.\.\.\w+\]|\[\w+\]/g, 'x');
  return p || '/';
}

/** Splits an RSC stream into its rows: "<id>:<json>\n", or "<id>:T<hex byte length>,<text>" for long strings. */
function rscRows(body: Buffer): Map<string, { text?: string; json?: string }> {
  const rows = new Map<string, { text?: string; json?: string }>();
  let at = 0;
  while (at < body.length) {
    const colon = body.indexOf(0x3a, at);
    if (colon < 0) break;
    const id = body.subarray(at, colon).toString('latin1');
    if (body[colon + 1] === 0x54 /* T */) {
      const comma = body.indexOf(0x2c, colon);
      const length = parseInt(body.subarray(colon + 2, comma).toString('latin1'), 16);
      rows.set(id, { text: body.subarray(comma + 1, comma + 1 + length).toString('utf8') });
      at = comma + 1 + length;
    } else {
      const nl = body.indexOf(0x0a, colon);
      const end = nl < 0 ? body.length : nl;
      rows.set(id, { json: body.subarray(colon + 1, end).toString('utf8') });
      at = end + 1;
    }
  }
  return rows;
}

/** Parses the RSC answer of a server action: row 0 points at the row holding the return value. */
export function parseActionReply(res: { status: number; contentType: string; body: Buffer; redirect: string | null }): ActionReply {
  let result: ActionResult | null = null;
  let crashed = false;
  const text = res.body.toString('utf8');
  if (res.contentType.startsWith('text/x-component')) {
    const rows = rscRows(res.body);
    const ref = /"a":"\$@([0-9a-f]+)"/.exec(rows.get('0')?.json ?? '')?.[1];
    const row = ref ? rows.get(ref)?.json : undefined;
    // Strings React moved into rows of their own come back as "$<id>"; "$$" escapes a leading "$".
    const resolve = (v: unknown): unknown => {
      if (typeof v === 'string' && v.startsWith('$')) {
        if (v.startsWith('$$')) return v.slice(1);
        const r = rows.get(v.slice(1));
        if (r?.text !== undefined) return r.text;
        if (r?.json !== undefined) return resolve(JSON.parse(r.json));
        return v;
      }
      if (Array.isArray(v)) return v.map(resolve);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]));
      return v;
    };
    if (row?.startsWith('E')) crashed = true;
    else if (row) {
      try {
        const value = resolve(JSON.parse(row));
        // Actions that return nothing answer "$undefined"; only an object is a result.
        result = value !== null && typeof value === 'object' ? (value as ActionResult) : null;
      } catch {
        result = null;
      }
    }
  }
  return { status: res.status, contentType: res.contentType, text, redirect: res.redirect, result, crashed };
}

async function toReply(res: APIResponse): Promise<ActionReply> {
  return parseActionReply({
    status: res.status(),
    contentType: res.headers()['content-type'] ?? '',
    body: await res.body(),
    redirect: res.headers()['x-action-redirect']?.split(';')[0] ?? null,
  });
}

function headersFor(a: ActionInfo, opts: CallOptions): Record<string, string> {
  const h: Record<string, string> = { 'Next-Action': a.id, Accept: 'text/x-component', ...opts.headers };
  const origin = opts.origin === undefined ? BASE_URL : opts.origin;
  if (origin !== null) h['Origin'] = origin;
  return h;
}

/** Calls an action that takes plain arguments, the way Next's client does (React's text encoding of the list). */
export async function callAction(api: APIRequestContext, name: string, args: unknown[], opts: CallOptions = {}): Promise<ActionReply> {
  return postActionBody(api, name, JSON.stringify(args), 'text/plain;charset=UTF-8', opts);
}

/** Posts any body as the request of an action (for malformed and hostile payloads). */
export async function postActionBody(
  api: APIRequestContext,
  name: string,
  body: string | Buffer,
  contentType: string,
  opts: CallOptions = {},
): Promise<ActionReply> {
  const a = action(name);
  const res = await api.post(opts.path ?? pagePathOf(a), {
    headers: { ...headersFor(a, opts), 'Content-Type': contentType },
    data: body,
    maxRedirects: 0,
  });
  return toReply(res);
}

/**
 * Calls a `(prevState, formData)` action as a form submitted through useActionState does: multipart, part "0" the
 * argument list [prevState, FormData], the form's fields as "_1_<name>" before it.
 */
export async function callFormAction(
  api: APIRequestContext,
  name: string,
  fields: Record<string, string>,
  opts: CallOptions & { prevState?: unknown } = {},
): Promise<ActionReply> {
  const a = action(name);
  // The fields come first: React resolves "$K1" when part "0" arrives, from the fields it has seen so far.
  // (A FormData keeps that order; an object would not, as "0" is an integer key.)
  const multipart = new FormData();
  for (const [k, v] of Object.entries(fields)) multipart.append(`_1_${k}`, v);
  multipart.append('0', JSON.stringify([opts.prevState ?? null, '$K1']));
  const res = await api.post(opts.path ?? pagePathOf(a), { headers: headersFor(a, opts), multipart, maxRedirects: 0 });
  return toReply(res);
}

/** Calls a `(formData)` action the way a `<form action={fn}>` does with JavaScript on: part "0" is ["$K1"]. */
async function callFormDataAction(
  api: APIRequestContext,
  name: string,
  fields: Record<string, string>,
  opts: CallOptions = {},
): Promise<ActionReply> {
  const a = action(name);
  const multipart = new FormData();
  for (const [k, v] of Object.entries(fields)) multipart.append(`_1_${k}`, v);
  multipart.append('0', JSON.stringify(['$K1']));
  const res = await api.post(opts.path ?? pagePathOf(a), { headers: headersFor(a, opts), multipart, maxRedirects: 0 });
  return toReply(res);
}

/** The action ran and returned a refusal with one of these statuses, or the request itself was refused with one. */
export function expectRefused(reply: ActionReply, statuses: number[], what = ''): void {
  expect(reply.crashed, `${what}: crashed (${reply.text.slice(0, 200)})`).toBe(false);
  expect(reply.status, `${what}: HTTP ${reply.status} ${reply.text.slice(0, 200)}`).toBeLessThan(500);
  if (reply.result) {
    expect(reply.result.ok, `${what}: ${reply.text.slice(0, 300)}`).toBe(false);
    expect(statuses, `${what}: action status ${reply.result.status} (${reply.result.message})`).toContain(reply.result.status);
    expect(reply.result.message?.length ?? 0, `${what}: a message`).toBeGreaterThan(5);
  } else {
    expect(statuses, `${what}: HTTP ${reply.status} ${reply.text.slice(0, 200)}`).toContain(reply.status);
  }
  expect(reply.redirect, `${what}: no redirect`).toBeNull();
}

export function expectOk<T = unknown>(reply: ActionReply, what = ''): T {
  expect(reply.crashed, what).toBe(false);
  expect(reply.result?.ok, `${what}: ${reply.status} ${reply.text.slice(0, 300)}`).toBe(true);
  return reply.result!.data as T;
}

// ---------------------------------------------------------------- people

export interface Person {
  id: string;
  email: string;
  password: string;
  role: 'learner' | 'instructor';
  /** Carries this person's session cookie. */
  api: APIRequestContext;
}

/** Signs up over HTTP (the sign-up form's action) and keeps the session cookie in a fresh request context. */
export async function signUp(
  role: 'learner' | 'instructor',
  name = role === 'learner' ? 'Lena Learner' : 'Ines Instructor',
): Promise<Person> {
  // An address of its own (what the load balancer would set), so the specs' many sign-ups do not use up the one
  // per-address sign-up budget that the browser specs' sign-ups share.
  const api = await playwrightRequest.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
  const email = `${unique(role)}@example.com`.toLowerCase();
  const password = 'access control matters';
  const reply = await callFormAction(api, 'signUpAction', { name, email, password, role, next: '/dashboard' }, { path: '/signup' });
  expect(reply.redirect, `sign-up: ${reply.status} ${reply.text.slice(0, 300)}`).toBeTruthy();
  const row = e2eDb().prepare('SELECT id FROM User WHERE email = ?').get(email) as { id: string } | undefined;
  expect(row, 'the account exists').toBeTruthy();
  const me = await api.get('/api/progress');
  expect(me.status(), 'signed in').toBe(200);
  return { id: row!.id, email, password, role, api };
}

/** Signs an existing account in over HTTP (the sign-in form's action), in a fresh request context. */
export async function signIn(p: Pick<Person, 'id' | 'email' | 'password' | 'role'>): Promise<Person> {
  const api = await playwrightRequest.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
  const reply = await callFormAction(
    api,
    'signInAction',
    { email: p.email, password: p.password, next: '/dashboard' },
    { path: '/signin' },
  );
  expect(reply.redirect, `sign-in: ${reply.status} ${reply.text.slice(0, 300)}`).toBeTruthy();
  expect((await api.get('/api/progress')).status(), 'signed in').toBe(200);
  return { ...p, api };
}

/** Request keys for the idempotent actions. */
export const key = () =>
  unique('k')
    .replace(/[^A-Za-z0-9_-]/g, '_')
    .slice(0, 64);

// ---------------------------------------------------------------- the database, all of it

/** Every table of the schema. */
export function allTables(): string[] {
  return [...fs.readFileSync('prisma/schema.prisma', 'utf8').matchAll(/^model (\w+) \{/gm)].map((m) => m[1]!);
}

/**
 * What a refused request must leave as it was: the row count of every table, and the columns that change without
 * adding rows (settings, session versions, join codes, reading positions, card schedules).
 */
export function dbDigest(): Record<string, unknown> {
  const db = e2eDb();
  try {
    const out: Record<string, unknown> = {};
    // One query for all counts (on PostgreSQL each query is a process of its own).
    Object.assign(
      out,
      db
        .prepare(
          `SELECT ${allTables()
            .map((t) => `(SELECT COUNT(*) FROM "${t}") AS "${t}"`)
            .join(', ')}`,
        )
        .get(),
    );
    out.users = db.prepare('SELECT id, name, email, role, settings, sessionVersion, passwordHash FROM User ORDER BY id').all();
    out.classes = db.prepare('SELECT id, title, joinCode, ownerId, archivedAt FROM Class ORDER BY id').all();
    out.progress = db.prepare('SELECT userId, chapter, position, completedAt FROM ChapterProgress ORDER BY userId, chapter').all();
    // The specs' own accounts (the demo class's thousands of cards stay out of it; their counts are above).
    out.cards = db
      .prepare(
        "SELECT id, due, reps, lapses, stability FROM ReviewCard WHERE userId IN (SELECT id FROM User WHERE email LIKE '%@example.com') ORDER BY id",
      )
      .all();
    return out;
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------- a small world to attack

export interface World {
  owner: Person; // instructor: owns `classId` (with an assignment, a co-instructor and an unused invite link) and `otherClassId`
  co: Person; // co-teaches `classId` (joined by an invite link)
  spare: Person; // an instructor with a class of their own, `spareClassId`, who has invited the owner to co-teach it
  learner: Person; // enrolled in `classId`; has an answer, a review card, progress and a scenario set
  classId: string;
  otherClassId: string;
  otherJoinCode: string;
  assignmentId: string;
  cardId: string;
  /** The review card's version (reps) as a review page would show it. */
  cardVersion: number;
  setId: string;
  /** Another of the learner's sets, for the actions that change a set in place (rename, add rows, remove rows). */
  manageSetId: string;
  quizId: string;
  rightChoices: number[];
  /** An unused co-instructor invite of `classId`. */
  inviteId: string;
  spareClassId: string;
  /** The token of the spare's invite for the owner to co-teach `spareClassId` (unused). */
  ownerInviteToken: string;
  /** A second learner of `classId`, who wrote `workshopId` for its workshop. */
  peer: Person;
  workshopId: string;
  /** A scenario set of the owner's, to promote workshop scenarios into. */
  ownerSetId: string;
}

/** The owner makes a co-instructor link for the class and `invitee` accepts it, as the invite page's form does. */
export async function inviteCoInstructor(owner: Person, classId: string, invitee: Person): Promise<void> {
  const token = (await makeInvite(owner, classId)).path.split('/').pop()!;
  const accepted = await callFormAction(invitee.api, 'acceptCoInstructorInviteAction', { token }, { path: `/teach/invite/${token}` });
  expect(accepted.redirect, `accept invite: ${accepted.text.slice(0, 300)}`).toBe(`/teach/${classId}`);
}

export async function makeInvite(owner: Person, classId: string): Promise<{ inviteId: string; path: string }> {
  return expectOk<{ inviteId: string; path: string }>(
    await callAction(owner.api, 'createCoInstructorInviteAction', [{ classId }], { path: `/teach/${classId}` }),
    'create invite',
  );
}

export const SCENARIO_CSV = [SCENARIO_HEADER, scenarioRow('office-heating-lights', 'goal-misgeneralization')].join('\n');

const WS = [
  'A warehouse robot was paid for every parcel its scanner logged at the dock.',
  'It learned to wave the same parcel past the scanner again and again.',
  'It picked the parcel up and turned it with quick, sure movements.',
];
/** A workshop scenario that passes every check (the submit action's valid input, without the class). */
export const WORKSHOP_DRAFT = {
  title: 'The loading dock robot',
  description: WS.join(' '),
  label: 'specification-gaming',
  questions: {
    training: { answer: 'yes', evidence: WS[0] },
    shift: { answer: 'no', evidence: WS[1] },
    competence: { answer: 'yes', evidence: WS[2] },
  },
};

export async function buildWorld(quizId: string, rightChoices: number[]): Promise<World> {
  const [owner, co, spare, learner, peer] = [
    await signUp('instructor', 'Olga Owner'),
    await signUp('instructor', 'Cai Co'),
    await signUp('instructor', 'Sam Spare'),
    await signUp('learner', 'Lu Learner'),
    await signUp('learner', 'Pat Peer'),
  ];
  const created = await callFormAction(owner.api, 'createClassAction', { title: 'Target seminar' }, { path: '/teach' });
  expect(created.redirect, created.text.slice(0, 300)).toMatch(/^\/teach\/\w+$/);
  const classId = created.redirect!.split('/').pop()!;
  const other = await callFormAction(owner.api, 'createClassAction', { title: 'Second seminar' }, { path: '/teach' });
  const otherClassId = other.redirect!.split('/').pop()!;
  await inviteCoInstructor(owner, classId, co);
  const { inviteId } = await makeInvite(owner, classId);
  const spareCreated = await callFormAction(spare.api, 'createClassAction', { title: 'Spare seminar' }, { path: '/teach' });
  const spareClassId = spareCreated.redirect!.split('/').pop()!;
  const ownerInviteToken = (await makeInvite(spare, spareClassId)).path.split('/').pop()!;
  expectOk(
    await callFormAction(
      owner.api,
      'createAssignmentAction',
      { classId, kind: 'chapter', chapter: 'introduction', opensAt: '2020-01-01T00:00', dueAt: '2099-01-01T00:00' },
      { path: `/teach/${classId}` },
    ),
    'create assignment',
  );
  const db = e2eDb();
  const assignmentId = (db.prepare('SELECT id FROM Assignment WHERE classId = ?').get(classId) as { id: string }).id;
  const code = (db.prepare('SELECT joinCode FROM Class WHERE id = ?').get(classId) as { joinCode: string }).joinCode;
  const otherJoinCode = (db.prepare('SELECT joinCode FROM Class WHERE id = ?').get(otherClassId) as { joinCode: string }).joinCode;
  db.close();
  const joined = await callFormAction(learner.api, 'joinClassAction', { code }, { path: `/join/${code}` });
  expect(joined.redirect, joined.text.slice(0, 300)).toContain('/classes?joined=');
  const peerJoined = await callFormAction(peer.api, 'joinClassAction', { code }, { path: `/join/${code}` });
  expect(peerJoined.redirect, peerJoined.text.slice(0, 300)).toContain('/classes?joined=');
  const { scenarioId: workshopId } = expectOk<{ scenarioId: string }>(
    await callAction(peer.api, 'submitWorkshopScenario', [{ classId, scenarioId: null, ...WORKSHOP_DRAFT }], {
      path: `/classes/${classId}/workshop/write`,
    }),
    'workshop scenario',
  );
  const ownerSet = await callFormAction(
    owner.api,
    'importScenarioSetForm',
    { title: 'Olga set', format: 'csv', text: SCENARIO_CSV },
    { path: '/practice/import' },
  );
  const ownerSetId = expectOk<{ setId: string }>(ownerSet, 'owner import').setId;
  expectOk(
    await callAction(learner.api, 'submitQuizAnswer', [
      { quizId, selected: rightChoices, confident: true, durationMs: 3000, idempotencyKey: key() },
    ]),
    'quiz answer',
  );
  const card = e2eDb().prepare('SELECT id, reps FROM ReviewCard WHERE userId = ? AND itemId = ?').get(learner.id, quizId) as {
    id: string;
    reps: number;
  };
  const [cardId, cardVersion] = [card.id, card.reps];
  expectOk(await callAction(learner.api, 'markChapterComplete', [{ chapter: 'introduction', complete: true }]), 'complete');
  const imported = await callFormAction(
    learner.api,
    'importScenarioSetForm',
    { title: 'Lu set', format: 'csv', text: SCENARIO_CSV },
    { path: '/practice/import' },
  );
  const setId = expectOk<{ setId: string }>(imported, 'import').setId;
  const manage = await callFormAction(
    learner.api,
    'importScenarioSetForm',
    { title: 'Lu set to change', format: 'csv', text: SCENARIO_CSV },
    { path: '/practice/import' },
  );
  const manageSetId = expectOk<{ setId: string }>(manage, 'import a set to change').setId;
  return {
    owner,
    co,
    spare,
    learner,
    classId,
    otherClassId,
    otherJoinCode,
    assignmentId,
    cardId,
    cardVersion,
    setId,
    manageSetId,
    quizId,
    rightChoices,
    inviteId,
    spareClassId,
    ownerInviteToken,
    peer,
    workshopId,
    ownerSetId,
  };
}

export async function disposeWorld(w: World | undefined): Promise<void> {
  if (!w) return;
  for (const p of [w.owner, w.co, w.spare, w.learner, w.peer]) await p.api.dispose();
}

type CallKind = 'args' | 'form' | 'formdata';

export interface ValidCall {
  /** Whose session makes this call succeed. */
  as: 'owner' | 'learner' | 'nobody';
  kind: CallKind;
  path: string;
  /** args: the argument list; form/formdata: the form's fields. */
  payload: unknown[] | Record<string, string>;
}

/** For every server action: a request that does what the action is for, when sent by the right person from Goalpost. */
export function validCalls(w: World): Record<string, ValidCall> {
  const answers = { training: 'no', shift: 'yes', competence: 'yes' };
  const t = `/teach/${w.classId}`;
  return {
    deleteAccountAction: { as: 'learner', kind: 'form', path: '/account', payload: { confirmEmail: w.learner.email } },
    mergeGuestProgress: {
      as: 'learner',
      kind: 'args',
      path: '/chapters/introduction',
      payload: [
        {
          attempts: [
            {
              idempotencyKey: key(),
              itemKind: 'scenario',
              itemId: 'shuttle-unsigned-stop',
              response: { label: 'specification-gaming', answers },
              correct: true,
              confident: true,
              durationMs: 900,
              createdAt: '2024-02-01T10:00:00Z',
            },
          ],
          reviews: [],
          completed: { introduction: '2024-02-01T10:00:00Z' },
        },
      ],
    },
    createClassAction: { as: 'owner', kind: 'form', path: '/teach', payload: { title: 'Forged class' } },
    rotateJoinCodeAction: { as: 'owner', kind: 'args', path: t, payload: [{ classId: w.classId }] },
    createCoInstructorInviteAction: { as: 'owner', kind: 'args', path: t, payload: [{ classId: w.classId }] },
    revokeCoInstructorInviteAction: { as: 'owner', kind: 'args', path: t, payload: [{ classId: w.classId, inviteId: w.inviteId }] },
    acceptCoInstructorInviteAction: {
      as: 'owner',
      kind: 'form',
      path: `/teach/invite/${w.ownerInviteToken}`,
      payload: { token: w.ownerInviteToken },
    },
    removeCoInstructorAction: { as: 'owner', kind: 'args', path: t, payload: [{ classId: w.classId, userId: w.co.id }] },
    createAssignmentAction: {
      as: 'owner',
      kind: 'form',
      path: t,
      payload: { classId: w.classId, kind: 'review', reviews: '10', opensAt: '2020-01-01T00:00', dueAt: '2099-01-01T00:00' },
    },
    deleteAssignmentAction: { as: 'owner', kind: 'args', path: t, payload: [{ classId: w.classId, assignmentId: w.assignmentId }] },
    // The workshop's: before leaveClassAction, which takes the learner out of the class.
    submitWorkshopScenario: {
      as: 'learner',
      kind: 'args',
      path: `/classes/${w.classId}/workshop/write`,
      payload: [{ classId: w.classId, scenarioId: null, ...WORKSHOP_DRAFT }],
    },
    moderateWorkshopAction: {
      as: 'owner',
      kind: 'args',
      path: `${t}/workshop`,
      payload: [{ classId: w.classId, scenarioId: w.workshopId, status: 'revision-requested', comment: 'Say what changed at the dock.' }],
    },
    promoteWorkshopAction: {
      as: 'owner',
      kind: 'args',
      path: `${t}/workshop`,
      payload: [{ classId: w.classId, scenarioId: w.workshopId, setId: w.ownerSetId }],
    },
    joinClassAction: { as: 'learner', kind: 'form', path: `/join/${w.otherJoinCode}`, payload: { code: w.otherJoinCode } },
    leaveClassAction: { as: 'learner', kind: 'args', path: '/classes', payload: [{ classId: w.classId }] },
    submitDrillAnswer: {
      as: 'learner',
      kind: 'args',
      path: '/practice',
      payload: [
        {
          scenarioId: 'shuttle-unsigned-stop',
          setId: null,
          label: 'specification-gaming',
          answers,
          confident: true,
          durationMs: 1200,
          idempotencyKey: key(),
        },
      ],
    },
    importScenarioSetForm: {
      as: 'learner',
      kind: 'form',
      path: '/practice/import',
      payload: { title: 'Forged set', format: 'csv', text: SCENARIO_CSV },
    },
    deleteScenarioSetAction: { as: 'learner', kind: 'args', path: '/practice/import', payload: [{ setId: w.setId }] },
    // Run in name order: the rows are added (changeScenarioSetForm) before one is removed, so the set never empties.
    changeScenarioSetForm: {
      as: 'learner',
      kind: 'form',
      path: `/practice/sets/${w.manageSetId}`,
      payload: {
        setId: w.manageSetId,
        mode: 'append',
        format: 'csv',
        text: [SCENARIO_HEADER, scenarioRow('office-heating-extra', 'goal-misgeneralization')].join('\n'),
      },
    },
    removeScenariosAction: {
      as: 'learner',
      kind: 'args',
      path: `/practice/sets/${w.manageSetId}`,
      payload: [{ setId: w.manageSetId, scenarioIds: ['office-heating-lights'] }],
    },
    renameScenarioSetAction: {
      as: 'learner',
      kind: 'args',
      path: `/practice/sets/${w.manageSetId}`,
      payload: [{ setId: w.manageSetId, title: 'Lu set, renamed' }],
    },
    submitQuizAnswer: {
      as: 'learner',
      kind: 'args',
      path: '/chapters/introduction',
      payload: [{ quizId: w.quizId, selected: w.rightChoices, confident: true, durationMs: 2000, idempotencyKey: key() }],
    },
    gradeQuizAsGuest: {
      as: 'nobody',
      kind: 'args',
      path: '/chapters/introduction',
      payload: [{ quizId: w.quizId, selected: w.rightChoices }],
    },
    gradeDrillAsGuest: {
      as: 'nobody',
      kind: 'args',
      path: '/practice',
      payload: [{ scenarioId: 'shuttle-unsigned-stop', label: 'goal-misgeneralization', answers }],
    },
    gradeReviewAsGuest: {
      as: 'nobody',
      kind: 'args',
      path: '/review',
      payload: [{ itemKind: 'quiz', shownItemId: w.quizId, selected: w.rightChoices }],
    },
    markChapterComplete: {
      as: 'learner',
      kind: 'args',
      path: '/chapters/introduction',
      payload: [{ chapter: 'introduction', complete: false }],
    },
    saveChapterPosition: {
      as: 'learner',
      kind: 'args',
      path: '/chapters/introduction',
      payload: [{ chapter: 'introduction', position: 'forged-position' }],
    },
    submitReview: {
      as: 'learner',
      kind: 'args',
      path: '/review',
      payload: [
        {
          cardId: w.cardId,
          shownItemId: w.quizId,
          selected: w.rightChoices,
          confident: true,
          durationMs: 1500,
          cardVersion: w.cardVersion,
          idempotencyKey: key(),
        },
      ],
    },
    saveReviewSettings: { as: 'learner', kind: 'form', path: '/account', payload: { desiredRetention: '0.8', newCardsPerDay: '3' } },
    signInAction: {
      as: 'nobody',
      kind: 'form',
      path: '/signin',
      payload: { email: w.learner.email, password: w.learner.password, next: '/dashboard' },
    },
    signUpAction: {
      as: 'nobody',
      kind: 'form',
      path: '/signup',
      payload: { name: 'Forged', email: `${unique('forged')}@example.com`.toLowerCase(), password: 'forged account pw', role: 'learner' },
    },
    signOutAction: { as: 'learner', kind: 'formdata', path: '/account', payload: {} },
    changePasswordAction: {
      as: 'learner',
      kind: 'form',
      path: '/account',
      payload: {
        currentPassword: w.learner.password,
        newPassword: 'a new password for the test',
        confirmPassword: 'a new password for the test',
      },
    },
    oauthSignInAction: { as: 'nobody', kind: 'formdata', path: '/signin', payload: { provider: 'github' } },
    // Makes the caller an instructor (cross-site.spec gives it an account of its own, so the learner stays a learner).
    becomeInstructorAction: { as: 'learner', kind: 'form', path: '/teach', payload: { confirm: 'yes' } },
  };
}

/** Exported from a 'use server' module but reachable only through another action (no action id of its own). */
export const NOT_EXPOSED = ['lib/actions/drill.ts#importScenarioSet'];

/** Sends one of the calls above with a given session and extra headers. */
export async function send(api: APIRequestContext, name: string, call: ValidCall, opts: CallOptions = {}): Promise<ActionReply> {
  const o = { path: call.path, ...opts };
  if (call.kind === 'args') return callAction(api, name, call.payload as unknown[], o);
  if (call.kind === 'form') return callFormAction(api, name, call.payload as Record<string, string>, o);
  return callFormDataAction(api, name, call.payload as Record<string, string>, o);
}

/** The state-changing route handlers, each with a request that does what it is for. */
export function validRouteCalls(w: World): Record<string, { as: 'learner' | 'nobody'; path: string; data: unknown }> {
  return {
    'POST /api/answers': {
      as: 'learner',
      path: '/api/answers',
      data: { quizId: w.quizId, selected: w.rightChoices, confident: true, durationMs: 1000, idempotencyKey: key() },
    },
    'POST /api/review-items': {
      as: 'nobody',
      path: '/api/review-items',
      data: { cards: [{ id: 'c1', itemKind: 'quiz', itemId: w.quizId, reps: 0 }] },
    },
    'POST /api/test/clock': { as: 'learner', path: '/api/test/clock', data: { offsetMs: 86_400_000 } },
    'POST /api/auth/[...nextauth]': { as: 'learner', path: '/api/auth/signout', data: { callbackUrl: '/' } },
  };
}
