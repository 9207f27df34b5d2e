import { describe, expect, it } from 'vitest';
import { recordAttempt } from '../../lib/db/attempts';
import { cardsWithLogs, getDueQueue, recordReview, ReviewConflictError, reviewForecast, toCard } from '../../lib/db/reviews';
import { createUser } from '../../lib/db/users';
import { db } from '../../lib/db/client';
import { replay, type Grade } from '../../lib/learning/srs';

const t0 = new Date('2026-03-01T09:00:00Z');
const hours = (h: number) => new Date(t0.getTime() + h * 3_600_000);

async function learnerWithCards(email: string, n: number) {
  const u = await createUser({ name: 'R', email, passwordHash: 'x', role: 'learner' });
  for (let i = 0; i < n; i++) {
    await recordAttempt(u.id, {
      idempotencyKey: `${email}-first-${i}`,
      itemKind: 'quiz',
      itemId: `q-${i}`,
      chapter: i % 2 ? 'introduction' : 'scheming',
      response: { selected: [0] },
      correct: i % 3 !== 0,
      confident: true,
      durationMs: 20_000,
      createdAt: hours(i / 10),
      schedule: { concept: null, retention: 0.9 },
    });
  }
  return u;
}

/** A card answered right, sure and fast (Easy): it goes straight to review, due days later. */
async function easyCard(userId: string, itemId: string) {
  await recordAttempt(userId, {
    idempotencyKey: `${userId}-${itemId}-easy`,
    itemKind: 'quiz',
    itemId,
    chapter: 'introduction',
    response: { selected: [0] },
    correct: true,
    confident: true,
    durationMs: 1000,
    createdAt: hours(0),
    schedule: { concept: null, retention: 0.9 },
  });
  return db.reviewCard.findFirstOrThrow({ where: { userId, itemId } });
}

describe('review cards and logs', () => {
  it('a first answer creates exactly one card with its first review; later attempts do not touch it', async () => {
    const u = await learnerWithCards('r1@example.com', 1);
    await recordAttempt(u.id, {
      idempotencyKey: 'again-1',
      itemKind: 'quiz',
      itemId: 'q-0',
      chapter: 'scheming',
      response: {},
      correct: true,
      confident: true,
      durationMs: 1,
      schedule: { concept: null, retention: 0.9 },
    });
    const cards = await cardsWithLogs(u.id);
    expect(cards).toHaveLength(1);
    expect(cards[0]!.logs).toHaveLength(1);
  });

  it('a double-submitted review changes the schedule once', async () => {
    const u = await learnerWithCards('r2@example.com', 1);
    const card = (await db.reviewCard.findFirstOrThrow({ where: { userId: u.id } }))!;
    const input = {
      cardId: card.id,
      shownItemId: 'q-0',
      correct: true,
      confident: true,
      durationMs: 30_000,
      idempotencyKey: 'review-key-1',
      cardVersion: card.reps,
    };
    const [a, b] = await Promise.all([recordReview(u.id, input, hours(48), 0.9), recordReview(u.id, input, hours(48), 0.9)]);
    expect([a?.duplicate, b?.duplicate].sort()).toEqual([false, true]);
    const after = await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } });
    expect(after.reps).toBe(card.reps + 1);
    expect(await db.reviewLog.count({ where: { cardId: card.id } })).toBe(2);
  });

  it("refuses another learner's card", async () => {
    const owner = await learnerWithCards('r3@example.com', 1);
    const other = await createUser({ name: 'O', email: 'r3o@example.com', passwordHash: 'x', role: 'learner' });
    const card = await db.reviewCard.findFirstOrThrow({ where: { userId: owner.id } });
    const r = await recordReview(
      other.id,
      {
        cardId: card.id,
        shownItemId: 'q-0',
        correct: true,
        confident: true,
        durationMs: 1,
        idempotencyKey: 'steal-1234',
        cardVersion: card.reps,
      },
      hours(48),
      0.9,
    );
    expect(r).toBeNull();
    expect((await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } })).reps).toBe(card.reps);
  });

  it("replaying a learner's whole review log reproduces every stored card exactly", async () => {
    const u = await learnerWithCards('r4@example.com', 6);
    const cards = await db.reviewCard.findMany({ where: { userId: u.id } });
    let t = 24;
    for (const [i, c] of cards.entries()) {
      for (let k = 0; k < 3; k++) {
        t += 30;
        await recordReview(
          u.id,
          {
            cardId: c.id,
            shownItemId: c.itemId,
            correct: (i + k) % 3 !== 0,
            confident: k !== 1,
            durationMs: 5_000 * (k + 1),
            idempotencyKey: `r4-${i}-${k}`,
            cardVersion: null,
          },
          hours(t),
          k === 2 ? 0.95 : 0.9,
        );
      }
    }
    for (const c of await cardsWithLogs(u.id)) {
      const rebuilt = replay(
        c.createdAt,
        c.logs.map((l) => ({ rating: l.rating as Grade, review: l.review, retention: l.requestRetention })),
      );
      expect(rebuilt).toEqual(toCard(c));
    }
  });

  it('a review of a card that is not due is practice: stored, but the card and its replay are unchanged', async () => {
    const u = await learnerWithCards('r6@example.com', 0);
    const card = await easyCard(u.id, 'q-1');
    expect(card.due.getTime()).toBeGreaterThan(hours(24).getTime());
    const r = await recordReview(
      u.id,
      {
        cardId: card.id,
        shownItemId: 'q-1',
        correct: true,
        confident: true,
        durationMs: 1000,
        idempotencyKey: 'r6-early',
        cardVersion: card.reps,
      },
      hours(1),
      0.9,
    );
    expect(r).toMatchObject({ duplicate: false, practice: true });
    expect(await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } })).toEqual(card);
    const log = await db.reviewLog.findUniqueOrThrow({ where: { userId_idempotencyKey: { userId: u.id, idempotencyKey: 'r6-early' } } });
    expect(log).toMatchObject({ practice: true, due: card.due, stability: card.stability });
    // Retried, it is the same practice review.
    expect(
      await recordReview(
        u.id,
        {
          cardId: card.id,
          shownItemId: 'q-1',
          correct: true,
          confident: true,
          durationMs: 1000,
          idempotencyKey: 'r6-early',
          cardVersion: card.reps,
        },
        hours(1),
        0.9,
      ),
    ).toMatchObject({ duplicate: true, practice: true });
    // When due it counts and reschedules, and the replay (without practice) still rebuilds the card exactly.
    const due = await recordReview(
      u.id,
      {
        cardId: card.id,
        shownItemId: 'q-1',
        correct: true,
        confident: true,
        durationMs: 1000,
        idempotencyKey: 'r6-due',
        cardVersion: card.reps,
      },
      card.due,
      0.9,
    );
    expect(due).toMatchObject({ practice: false });
    expect(due!.card.reps).toBe(card.reps + 1);
    const [c] = (await cardsWithLogs(u.id)).filter((x) => x.id === card.id);
    expect(
      replay(
        c!.createdAt,
        c!.logs.map((l) => ({ rating: l.rating as Grade, review: l.review, retention: l.requestRetention })),
      ),
    ).toEqual(toCard(c!));
  });

  it('a review from a version of the card that is no longer current is refused and changes nothing', async () => {
    const u = await learnerWithCards('r7@example.com', 1);
    const card = await db.reviewCard.findFirstOrThrow({ where: { userId: u.id } });
    const at = new Date(card.due.getTime() + 1000);
    const base = { cardId: card.id, shownItemId: 'q-0', correct: true, confident: true, durationMs: 1000, cardVersion: card.reps };
    expect(await recordReview(u.id, { ...base, idempotencyKey: 'r7-tab1' }, at, 0.9)).toMatchObject({ practice: false });
    const after = await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } });
    const logs = await db.reviewLog.count({ where: { userId: u.id } });
    await expect(recordReview(u.id, { ...base, idempotencyKey: 'r7-tab2' }, at, 0.9)).rejects.toBeInstanceOf(ReviewConflictError);
    expect(await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } })).toEqual(after);
    expect(await db.reviewLog.count({ where: { userId: u.id } })).toBe(logs);
    // The first tab retrying its own request still gets its answer back.
    expect(await recordReview(u.id, { ...base, idempotencyKey: 'r7-tab1' }, at, 0.9)).toMatchObject({ duplicate: true });
  });

  it('six concurrent reviews of one due card: one reschedules it, the others are refused; of a card not due: all practice', async () => {
    const u = await learnerWithCards('r8@example.com', 2);
    const dueCard = await db.reviewCard.findFirstOrThrow({ where: { userId: u.id, itemId: 'q-0' } });
    const at = new Date(dueCard.due.getTime() + 1000);
    const send = (c: typeof dueCard, when: Date, i: number) =>
      recordReview(
        u.id,
        {
          cardId: c.id,
          shownItemId: c.itemId,
          correct: true,
          confident: true,
          durationMs: 1000,
          idempotencyKey: `r8-${c.itemId}-${i}`,
          cardVersion: c.reps,
        },
        when,
        0.9,
      ).then(
        (r) => (r?.practice ? 'practice' : 'counted'),
        (e: unknown) => (e instanceof ReviewConflictError ? 'refused' : Promise.reject(e)),
      );
    const outcomes = await Promise.all(Array.from({ length: 6 }, (_, i) => send(dueCard, at, i)));
    expect(outcomes.filter((o) => o === 'counted')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'refused')).toHaveLength(5);
    expect((await db.reviewCard.findUniqueOrThrow({ where: { id: dueCard.id } })).reps).toBe(dueCard.reps + 1);

    const notDue = await easyCard(u.id, 'q-easy');
    const early = await Promise.all(Array.from({ length: 6 }, (_, i) => send(notDue, hours(1), i)));
    expect(early).toEqual(Array(6).fill('practice'));
    expect(await db.reviewCard.findUniqueOrThrow({ where: { id: notDue.id } })).toEqual(notDue);
  });

  it('the due queue limits cards new to review per day and the forecast counts what is coming', async () => {
    const u = await learnerWithCards('r5@example.com', 6);
    const q = await getDueQueue(u.id, hours(24 * 30), { newPerDay: 2, chapterOf: () => null });
    expect(q.cards).toHaveLength(2);
    expect(q.heldBackNew).toBe(4);
    const f = await reviewForecast(u.id, hours(0), 14);
    expect(f.reduce((n, d) => n + d.count, 0)).toBe(6);
  });
});
