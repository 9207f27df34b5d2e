import { expect, request, test, type Browser } from '@playwright/test';
import { createHash } from 'node:crypto';
import { BASE_URL, buildActions, callAction, callFormAction, expectOk, expectRefused, signUp, type Person } from './actions';
import { countRows } from './support';

// Co-instructors join by invitation (issue 14, finding 2). The old form took an email address and answered "has a
// learner account" or "No account uses …", 50 probes a second: an account oracle for any self-registered instructor,
// and a way to add someone without their consent. Now the owner makes a link; whoever should co-teach opens it while
// signed in and accepts. No form asks for an email, so no reply can say whether one has an account.

async function browserAs(browser: Browser, p: Person | null) {
  const context = await browser.newContext();
  if (p) await context.addCookies((await p.api.storageState()).cookies);
  return context;
}

async function newClass(owner: Person, title: string): Promise<string> {
  const created = await callFormAction(owner.api, 'createClassAction', { title }, { path: '/teach' });
  expect(created.redirect, created.text.slice(0, 300)).toMatch(/^\/teach\/\w+$/);
  return created.redirect!.split('/').pop()!;
}

const tokenOf = (path: string) => path.split('/').pop()!;
const invite = async (owner: Person, classId: string) =>
  expectOk<{ inviteId: string; path: string; expiresAt: string }>(
    await callAction(owner.api, 'createCoInstructorInviteAction', [{ classId }], { path: `/teach/${classId}` }),
    'create invite',
  );
const accept = (p: Person, token: string) =>
  callFormAction(p.api, 'acceptCoInstructorInviteAction', { token }, { path: `/teach/invite/${token}` });

test.describe('co-instructors by invitation', () => {
  test('an owner invites a co-instructor with a link they accept while signed in; no form asks for an email or tells whether it has an account', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const [owner, coTeacher, third, pupil] = [
      await signUp('instructor', 'Odile Owner'),
      await signUp('instructor', 'Cleo Co'),
      await signUp('instructor', 'Theo Third'),
      await signUp('learner', 'Lea Learner'),
    ];
    const classId = await newClass(owner, 'Invitation seminar');

    // The owner's page: the instructors section has no email field at all, and no action takes an email for it.
    const ownerContext = await browserAs(browser, owner);
    const page = await ownerContext.newPage();
    await page.goto(`/teach/${classId}`);
    const section = page.locator('section[aria-labelledby="teachers-h"]');
    await expect(section.getByRole('heading', { name: 'Instructors' })).toBeVisible();
    await expect(section.locator('input')).toHaveCount(0);
    expect([...buildActions().keys()].filter((n) => /coinstructor/i.test(n)).sort()).toEqual([
      'acceptCoInstructorInviteAction',
      'createCoInstructorInviteAction',
      'removeCoInstructorAction',
      'revokeCoInstructorInviteAction',
    ]);

    // The owner makes a link; it is shown once, and only a hash of its token is stored.
    await section.getByRole('button', { name: 'Create an invite link' }).click();
    const link = section.getByTestId('co-invite-link');
    await expect(link).toBeVisible();
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(new RegExp(`^${BASE_URL.replace(/[.]/g, '\\.')}/teach/invite/[A-Za-z0-9_-]{43}$`));
    const token = tokenOf(href);
    expect(countRows('CoInstructorInvite', 'classId = ?', classId)).toBe(1);
    expect(countRows('CoInstructorInvite', 'tokenHash = ?', token)).toBe(0);
    expect(countRows('CoInstructorInvite', 'tokenHash = ?', createHash('sha256').update(token).digest('hex'))).toBe(1);
    await expect(section.getByTestId('pending-invite')).toHaveCount(1);

    // Signed out, the link leads to sign-in and back.
    const guest = await browserAs(browser, null);
    const guestPage = await guest.newPage();
    await guestPage.goto(href);
    await expect(guestPage).toHaveURL(new RegExp(`/signin\\?next=${encodeURIComponent(`/teach/invite/${token}`)}$`));
    await guest.close();

    // A learner account cannot accept it, and opening it does not use it up.
    const learnerContext = await browserAs(browser, pupil);
    const learnerPage = await learnerContext.newPage();
    await learnerPage.goto(href);
    await expect(learnerPage.getByRole('heading', { level: 1 })).toContainText('Invitation seminar');
    await expect(learnerPage.getByText(/needs an instructor account/)).toBeVisible();
    await expect(learnerPage.getByRole('button', { name: /Accept/ })).toHaveCount(0);
    expectRefused(await accept(pupil, token), [403], 'a learner accepts');
    await learnerContext.close();
    expect(countRows('ClassInstructor', 'classId = ?', classId)).toBe(0);

    // The instructor it was meant for opens it and accepts: they co-teach the class.
    const coContext = await browserAs(browser, coTeacher);
    const coPage = await coContext.newPage();
    await coPage.goto(href);
    await expect(coPage.getByRole('heading', { level: 1 })).toContainText('Invitation seminar');
    await expect(coPage.getByText('Odile Owner')).toBeVisible();
    await Promise.all([
      coPage.waitForURL(new RegExp(`/teach/${classId}$`)),
      coPage.getByRole('button', { name: 'Accept and co-teach' }).click(),
    ]);
    await expect(coPage.getByRole('heading', { level: 1, name: 'Invitation seminar' })).toBeVisible();
    await expect(coPage.getByText('you are a co-instructor')).toBeVisible();
    await coContext.close();
    expect(countRows('ClassInstructor', 'classId = ? AND userId = ?', classId, coTeacher.id)).toBe(1);
    expect(countRows('CoInstructorInvite', 'classId = ? AND acceptedById = ? AND acceptedAt IS NOT NULL', classId, coTeacher.id)).toBe(1);

    // It worked once: the next person who has the link gets the same words as for any link that does not work.
    const thirdContext = await browserAs(browser, third);
    const thirdPage = await thirdContext.newPage();
    await thirdPage.goto(href);
    await expect(thirdPage.getByRole('heading', { level: 1 })).toHaveText('This invite link does not work');
    await thirdPage.goto(`/teach/invite/${'A'.repeat(43)}`);
    await expect(thirdPage.getByRole('heading', { level: 1 })).toHaveText('This invite link does not work');
    await thirdContext.close();
    const used = await accept(third, token);
    expectRefused(used, [404], 'a used link');
    const unknown = await accept(third, 'B'.repeat(43));
    expectRefused(unknown, [404], 'an unknown link');
    expect(used.result!.message).toBe(unknown.result!.message);
    expect(countRows('ClassInstructor', 'classId = ? AND userId = ?', classId, third.id)).toBe(0);

    // The owner sees the new co-instructor, and no pending link.
    await page.reload();
    await expect(section).toContainText('Cleo Co');
    await expect(section.getByTestId('pending-invite')).toHaveCount(0);
    await ownerContext.close();
    for (const p of [owner, coTeacher, third, pupil]) await p.api.dispose();
  });

  test('invite links expire after 7 days and can be withdrawn; only the owner makes them; making and accepting them is throttled', async () => {
    test.setTimeout(120_000);
    const [owner, late, other, prober] = [
      await signUp('instructor', 'Owen Owner'),
      await signUp('instructor', 'Lars Late'),
      await signUp('instructor', 'Olive Other'),
      await signUp('instructor', 'Pat Prober'),
    ];
    const classId = await newClass(owner, 'Expiry seminar');

    // Expired: the same link a week and a day later does not work.
    const first = await invite(owner, classId);
    expect(new Date(first.expiresAt).getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(new Date(first.expiresAt).getTime() - Date.now()).toBeLessThan(7.1 * 86_400_000);
    const later = await request.newContext({ baseURL: BASE_URL, storageState: await late.api.storageState() });
    expect((await later.post('/api/test/clock', { data: { offsetMs: 8 * 86_400_000 }, headers: { Origin: BASE_URL } })).ok()).toBe(true);
    expectRefused(await accept({ ...late, api: later }, tokenOf(first.path)), [404], 'an expired link');
    await later.dispose();
    expect(countRows('ClassInstructor', 'classId = ?', classId)).toBe(0);

    // Withdrawn: the owner takes a link back before anyone uses it.
    const second = await invite(owner, classId);
    expectOk(
      await callAction(owner.api, 'revokeCoInstructorInviteAction', [{ classId, inviteId: second.inviteId }], {
        path: `/teach/${classId}`,
      }),
      'withdraw',
    );
    expectRefused(await accept(late, tokenOf(second.path)), [404], 'a withdrawn link');
    expect(countRows('ClassInstructor', 'classId = ?', classId)).toBe(0);

    // Only the owner makes or withdraws links: another instructor's class looks like no class.
    const third = await invite(owner, classId);
    expectRefused(
      await callAction(other.api, 'createCoInstructorInviteAction', [{ classId }], { path: `/teach/${classId}` }),
      [404],
      'another instructor invites',
    );
    expectRefused(
      await callAction(other.api, 'revokeCoInstructorInviteAction', [{ classId, inviteId: third.inviteId }], { path: `/teach/${classId}` }),
      [404],
      'another instructor withdraws',
    );
    expect(countRows('CoInstructorInvite', 'classId = ?', classId)).toBe(2);

    // Making links: 20 an hour per owner, then 429 with a message, and nothing is written.
    let made = 3; // first, second (withdrawn, so its row is gone) and third
    let refused = null;
    while (!refused && made < 40) {
      const r = await callAction(owner.api, 'createCoInstructorInviteAction', [{ classId }], { path: `/teach/${classId}` });
      if (r.result?.ok) made++;
      else refused = r;
    }
    expect(made).toBe(20);
    expectRefused(refused!, [429], 'the 21st link in an hour');
    expect(refused!.result!.message).toMatch(/hour/);
    expect(countRows('CoInstructorInvite', 'createdById = ?', owner.id)).toBe(19);

    // Accepting: 10 tries in 15 minutes per account, then 429 even for a good link, which stays unused.
    for (let i = 0; i < 10; i++) expectRefused(await accept(prober, `${String(i).padStart(2, '0')}${'x'.repeat(41)}`), [404], `guess ${i}`);
    expectRefused(await accept(prober, tokenOf(third.path)), [429], 'an 11th try');
    expect(countRows('ClassInstructor', 'classId = ?', classId)).toBe(0);
    expect(countRows('CoInstructorInvite', 'id = ? AND acceptedAt IS NULL', third.inviteId)).toBe(1);
    // Someone else, not throttled, can still use it.
    expect((await accept(late, tokenOf(third.path))).redirect).toBe(`/teach/${classId}`);
    expect(countRows('ClassInstructor', 'classId = ? AND userId = ?', classId, late.id)).toBe(1);
    for (const p of [owner, late, other, prober]) await p.api.dispose();
  });
});
