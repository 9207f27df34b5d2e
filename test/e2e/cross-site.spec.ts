import { expect, request, test, type APIRequestContext } from '@playwright/test';
import fs from 'node:fs';
import { analyzeChapter } from '../../lib/content/analyze';
import {
  BASE_URL,
  buildActions,
  buildWorld,
  dbDigest,
  disposeWorld,
  NOT_EXPOSED,
  send,
  signUp,
  sourceActions,
  sourceMutatingRoutes,
  validCalls,
  validRouteCalls,
  type World,
} from './actions';

// Requests another website makes a signed-in visitor's browser send: every server action and every
// state-changing route handler refuses them (proxy.ts, 403) and nothing is written. The session cookie is sent
// with each one, so the refusal is due to the origin alone.

const file = 'content/chapters/00-introduction/index.mdx';
const quiz = analyzeChapter(fs.readFileSync(file, 'utf8'), 'introduction', file).quizzes[0]!;
const right = quiz.choices.flatMap((c, i) => (c.correct ? [i] : []));
const host = new URL(BASE_URL).host;

const FOREIGN: [string, Record<string, string>][] = [
  ['another origin', { Origin: 'https://evil.example' }],
  ['Origin: null (sandboxed frame, data: URL)', { Origin: 'null' }],
  ['a look-alike host', { Origin: `http://${host.split(':')[0]}.evil.com:${host.split(':')[1]}` }],
  ['goalpost.example.evil.com', { Origin: 'https://goalpost.example.evil.com' }],
  ['the same host on another port', { Origin: `http://${host.split(':')[0]}:1` }],
  ['Sec-Fetch-Site: cross-site, no Origin', { 'Sec-Fetch-Site': 'cross-site' }],
  ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'Sec-Fetch-Site': 'same-site', Origin: BASE_URL }],
];

test.describe('cross-site requests', () => {
  test.describe.configure({ mode: 'serial' });
  let w: World;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    w = await buildWorld(quiz.id, right);
  });
  test.afterAll(async () => disposeWorld(w));

  test('every exported server action and state-changing route handler is covered here', () => {
    const calls = validCalls(w);
    const built = buildActions();
    // Every function a 'use server' module exports has a call below, or is not reachable as an action at all.
    for (const entry of sourceActions()) {
      const name = entry.split('#')[1]!;
      if (NOT_EXPOSED.includes(entry)) {
        expect(built.has(name), `${entry} is listed as not exposed but has an action id`).toBe(false);
        continue;
      }
      expect(Object.keys(calls), `${entry} has no cross-site / input coverage in test/e2e/actions.ts validCalls()`).toContain(name);
    }
    expect([...built.keys()].sort()).toEqual(Object.keys(calls).sort());
    expect(sourceMutatingRoutes()).toEqual(Object.keys(validRouteCalls(w)).sort());
  });

  test('every server action, sent with a valid session from another site, is refused with 403 and writes nothing', async () => {
    test.setTimeout(120_000);
    const calls = validCalls(w);
    const before = dbDigest();
    for (const [name, call] of Object.entries(calls)) {
      const api = call.as === 'owner' ? w.owner.api : w.learner.api; // "nobody" actions still get a session cookie
      for (const [what, headers] of FOREIGN) {
        const reply = await send(api, name, call, { origin: null, headers });
        expect(reply.status, `${name} from ${what}: ${reply.text.slice(0, 200)}`).toBe(403);
        expect(reply.text, `${name} from ${what}`).toMatch(/another website/);
        expect(reply.redirect, `${name} from ${what}`).toBeNull();
      }
    }
    expect(dbDigest()).toEqual(before);
    // The session is intact: signing out from another site did nothing.
    expect((await w.learner.api.get('/api/progress')).status()).toBe(200);
  });

  test('the same requests from Goalpost itself do run (so the refusals above are due to the origin)', async () => {
    test.setTimeout(120_000);
    const calls = validCalls(w);
    const extra: APIRequestContext[] = [];
    // Deleting the account goes last; signing out and changing the password use accounts of their own, so the others
    // keep their session.
    const order = Object.keys(calls).sort((x, y) => Number(x === 'deleteAccountAction') - Number(y === 'deleteAccountAction'));
    for (const name of order) {
      let call = calls[name]!;
      let api: APIRequestContext;
      if (name === 'signOutAction' || name === 'becomeInstructorAction') extra.push((api = (await signUp('learner')).api));
      else if (name === 'changePasswordAction') {
        // Its own account too: a password change ends the account's other sessions.
        const own = await signUp('learner');
        extra.push((api = own.api));
        call = { ...call, payload: { ...(call.payload as Record<string, string>), currentPassword: own.password } };
      } else if (call.as === 'owner') api = w.owner.api;
      else if (call.as === 'learner') api = w.learner.api;
      else extra.push((api = await request.newContext({ baseURL: BASE_URL })));
      const reply = await send(api, name, call);
      expect(reply.status, `${name}: ${reply.text.slice(0, 200)}`).not.toBe(403);
      expect(reply.crashed, name).toBe(false);
      // The action ran: its result came back, or the redirect it asked for.
      expect(
        reply.result !== null || reply.redirect !== null || reply.contentType.startsWith('text/x-component'),
        `${name}: ${reply.status} ${reply.text.slice(0, 200)}`,
      ).toBe(true);
      if (reply.result) expect(reply.result.ok, `${name}: ${reply.text.slice(0, 300)}`).toBe(true);
    }
    for (const api of extra) await api.dispose();
  });

  test('every state-changing route handler, sent with a valid session from another site, is refused with 403 and writes nothing', async () => {
    const w2 = await buildWorld(quiz.id, right);
    try {
      const before = dbDigest();
      for (const [route, call] of Object.entries(validRouteCalls(w2))) {
        for (const [what, headers] of FOREIGN) {
          const res = await w2.learner.api.post(call.path, { data: call.data, headers, maxRedirects: 0 });
          expect(res.status(), `${route} from ${what}`).toBe(403);
          expect((await res.json()).error, `${route} from ${what}`).toMatch(/another website/);
          expect(res.headers()['set-cookie'] ?? '', `${route} from ${what} sets no cookie`).toBe('');
        }
        // A urlencoded form post, the kind a plain <form> sends.
        const form = await w2.learner.api.post(call.path, { form: { a: 'b' }, headers: { Origin: 'https://evil.example' } });
        expect(form.status(), `${route} form`).toBe(403);
      }
      expect(dbDigest()).toEqual(before);
      expect((await w2.learner.api.get('/api/progress')).status()).toBe(200);

      // Control: from Goalpost itself each of them works.
      for (const [route, call] of Object.entries(validRouteCalls(w2))) {
        const res = await w2.learner.api.post(call.path, { data: call.data, headers: { Origin: BASE_URL }, maxRedirects: 0 });
        expect(res.status(), `${route}: ${(await res.text()).slice(0, 200)}`).toBeLessThan(400);
      }
    } finally {
      await disposeWorld(w2);
    }
  });

  test('a real cross-site page that auto-submits forms to Goalpost changes nothing', async ({ browser }) => {
    const ids = buildActions();
    const context = await browser.newContext();
    // The victim is signed in in this browser.
    await context.addCookies((await w.owner.api.storageState()).cookies);
    const page = await context.newPage();
    const evil = 'http://evil.example';
    const forms: [string, string, string][] = [
      // A no-JavaScript server-action form: create a class as the signed-in instructor.
      [
        'server action (create class)',
        `${BASE_URL}/teach`,
        `<form method="post" action="${BASE_URL}/teach" enctype="multipart/form-data">
           <input type="hidden" name="$ACTION_REF_1" value="">
           <input type="hidden" name="$ACTION_1:0" value='{"id":"${ids.get('createClassAction')!.id}","bound":"$@1"}'>
           <input type="hidden" name="$ACTION_1:1" value="[null]">
           <input type="hidden" name="$ACTION_KEY" value="k">
           <input name="title" value="Planted by evil.example">
         </form>`,
      ],
      // The answers API, with a JSON-looking text/plain body.
      [
        'POST /api/answers',
        `${BASE_URL}/api/answers`,
        `<form method="post" action="${BASE_URL}/api/answers" enctype="text/plain">
           <input name='{"quizId":"${quiz.id}","selected":[${right.join(',')}],"confident":true,"durationMs":1,"idempotencyKey":"evilkey0001","x":"' value='"}'>
         </form>`,
      ],
      // next-auth's sign-out endpoint.
      [
        'POST /api/auth/signout',
        `${BASE_URL}/api/auth/signout`,
        `<form method="post" action="${BASE_URL}/api/auth/signout"><input name="callbackUrl" value="/"></form>`,
      ],
    ];
    const before = dbDigest();
    for (const [what, target, form] of forms) {
      await page.route(`${evil}/**`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><title>Win a prize</title>${form}<script>document.forms[0].submit()</script>`,
        }),
      );
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url() === target && r.request().method() === 'POST'),
        page.goto(`${evil}/prize`),
      ]);
      expect(response.request().headers()['origin'], what).toBe(evil);
      expect(response.status(), what).toBe(403);
      await expect(page.locator('body'), what).toContainText('another website');
      await page.unroute(`${evil}/**`);
    }
    expect(dbDigest()).toEqual(before);
    expect((await context.request.get('/api/progress')).status()).toBe(200);
    await context.close();
  });
});
