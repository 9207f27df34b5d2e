// The same stored answers and review cards, counted by every page that shows them: the dashboard, the chapter page
// (its question count and the sidebar's progress), the review queue and the class's confusion view must agree.
import { describe, expect, it } from 'vitest';
import { recordAttempt } from '../../lib/db/attempts';
import { classDrillConfusion, loadClassData } from '../../lib/db/class-analytics';
import { createClass, enrol } from '../../lib/db/classes';
import { db } from '../../lib/db/client';
import { getDashboard } from '../../lib/db/dashboard';
import { getChapterProgress, setChapterComplete } from '../../lib/db/progress';
import { getDueQueue } from '../../lib/db/reviews';
import { loadReviewSession } from '../../lib/db/review-session';
import { createUser } from '../../lib/db/users';
import { getScenarioBank } from '../../lib/content/bank';
import { getCourse } from '../../lib/content/course';
import { itemTitle } from '../../lib/content/review-items';
import { MASTERY_TEXT } from '../../lib/learning/mastery';
import { dueText } from '../../lib/learning/due';
import { progressText } from '../../lib/learning/progress-text';
import type { Question, QuestionAnswer, Scenario } from '../../lib/learning/scenario-schema';
import { asInstructor, teaching } from '../support/capability';

const now = new Date('2026-05-10T15:00:00Z');
const at = (iso: string) => new Date(iso);
const CHAPTER = 'introduction';

/** The three answers that are right for a scenario ('either' taken as yes). */
const rightAnswers = (s: Scenario) =>
  Object.fromEntries(
    (['training', 'shift', 'competence'] as Question[]).map((q) => [q, s.questions[q].answer === 'either' ? 'yes' : s.questions[q].answer]),
  ) as Record<Question, QuestionAnswer>;
const flip = (a: QuestionAnswer): QuestionAnswer => (a === 'yes' ? 'no' : 'yes');

describe('counts agree across pages, on stored data', () => {
  it('dashboard == chapter page == review queue == class confusion for the same answers and cards', async () => {
    const u = await createUser({ name: 'Counts', email: 'counts@example.com', passwordHash: 'x', role: 'learner' });
    const course = getCourse();
    const quizzes = course.analyses.get(CHAPTER)!.quizzes;
    const bank = getScenarioBank();
    // Drill scenarios taught in the same chapter: on main they were silently added to the chapter's total.
    const scenarios = [...bank.values()].filter((s) => s.chapter === CHAPTER && !s.contested).slice(0, 3);
    expect(quizzes.length).toBeGreaterThanOrEqual(3);
    expect(scenarios).toHaveLength(3);

    const schedule = { concept: null, retention: 0.9 };
    for (const [i, q] of quizzes.slice(0, 3).entries())
      await recordAttempt(u.id, {
        idempotencyKey: `counts-q-${i}`,
        itemKind: 'quiz',
        itemId: q.id,
        chapter: CHAPTER,
        response: { selected: [0] },
        correct: i !== 2,
        confident: true,
        durationMs: 20_000,
        createdAt: at('2026-05-08T10:00:00Z'),
        schedule,
      });
    // Scenario 0: right label, right reasons. Scenario 1: right label, one wrong reason. Scenario 2: wrong label.
    for (const [i, s] of scenarios.entries()) {
      const answers = rightAnswers(s);
      if (i === 1) answers.training = flip(answers.training);
      const other = (['specification-gaming', 'goal-misgeneralization', 'capability-failure'] as const).find((l) => l !== s.label)!;
      const label = i === 2 ? other : s.label;
      await recordAttempt(u.id, {
        idempotencyKey: `counts-s-${i}`,
        itemKind: 'scenario',
        itemId: s.id,
        chapter: CHAPTER,
        // An answer stored before `wrong` was recorded (i === 0) still counts in every total.
        response: i === 0 ? { label, truth: s.label, answers } : { label, truth: s.label, answers, wrong: i === 1 ? ['training'] : [] },
        correct: i === 0,
        confident: true,
        durationMs: 30_000,
        createdAt: at('2026-05-09T10:00:00Z'),
        schedule: { concept: s.label, retention: 0.9 },
      });
    }
    await setChapterComplete(u.id, CHAPTER, true, at('2026-05-09T12:00:00Z'));

    // Six cards: two due now (one seen in review before, one new), two later today, one tomorrow, one next week.
    const cards = await db.reviewCard.findMany({ where: { userId: u.id }, orderBy: { itemId: 'asc' } });
    expect(cards).toHaveLength(6);
    const plan: [string, Date | null][] = [
      ['2026-05-10T14:00:00Z', at('2026-05-09T09:00:00Z')],
      ['2026-05-10T14:50:00Z', null],
      ['2026-05-10T15:05:00Z', at('2026-05-09T09:00:00Z')],
      ['2026-05-10T23:30:00Z', at('2026-05-09T09:00:00Z')],
      ['2026-05-11T08:00:00Z', at('2026-05-09T09:00:00Z')],
      ['2026-05-17T08:00:00Z', at('2026-05-09T09:00:00Z')],
    ];
    for (const [i, c] of cards.entries())
      await db.reviewCard.update({ where: { id: c.id }, data: { due: at(plan[i]![0]), introducedAt: plan[i]![1] } });

    const perLabel = { 'specification-gaming': 0, 'goal-misgeneralization': 0, 'capability-failure': 0 };
    for (const s of bank.values()) perLabel[s.label]++;
    const d = await getDashboard({
      userId: u.id,
      now,
      chapters: course.chapters.map((c) => ({
        slug: c.slug,
        title: c.title,
        quizIds: course.analyses.get(c.slug)!.quizzes.map((q) => q.id),
      })),
      scenarioOf: (id) => bank.get(id) ?? null,
      scenariosPerLabel: perLabel,
    });

    // ---- Chapter: the dashboard counts what the chapter page counts ("N questions") and its sidebar shows.
    const row = d.chapters.find((c) => c.slug === CHAPTER)!;
    const sidebar = (await getChapterProgress(u.id)).find((p) => p.chapter === CHAPTER)!;
    expect(row.items).toBe(quizzes.length);
    expect(row).toMatchObject({ answered: 3, firstCorrect: 2, completed: true });
    expect({ answered: row.answered, firstCorrect: row.firstCorrect }).toEqual({
      answered: sidebar.answered,
      firstCorrect: sidebar.firstCorrect,
    });
    expect(
      progressText({ done: row.answered, total: row.items, right: row.firstCorrect, unit: 'questions', chapterFinished: row.completed }),
    ).toBe(`Chapter finished · 3 of ${quizzes.length} answered · 2 right`);
    // A chapter marked finished is not labelled as barely begun.
    expect(['Attempted', 'Not started']).not.toContain(MASTERY_TEXT[row.level]);

    // ---- Due: the dashboard's numbers are the review queue's, in the same words.
    const queue = await getDueQueue(u.id, now, { newPerDay: 20, chapterOf: () => null });
    const session = await loadReviewSession(u.id, now);
    expect(d.due).toEqual({ now: 2, laterToday: 2, heldBackNew: 0 });
    expect(queue.dueCount).toBe(d.due.now);
    expect(queue.cards).toHaveLength(d.due.now);
    expect(queue.laterToday).toBe(d.due.laterToday);
    expect(session.entries).toHaveLength(d.due.now);
    expect(session.laterToday).toBe(d.due.laterToday);
    expect(dueText(d.due)).toBe('2 due now · 2 more later today');
    expect(d.forecast[0]!.count).toBe(d.due.now + d.due.laterToday);

    // With a daily limit of 0 new cards, the new card is held back on both pages alike.
    await db.user.update({ where: { id: u.id }, data: { settings: JSON.stringify({ newCardsPerDay: 0, desiredRetention: 0.9 }) } });
    const limited = await getDashboard({
      userId: u.id,
      now,
      chapters: [],
      scenarioOf: (id) => bank.get(id) ?? null,
      scenariosPerLabel: perLabel,
    });
    const limitedQueue = await loadReviewSession(u.id, now);
    expect(limited.due).toEqual({ now: 1, laterToday: 2, heldBackNew: 1 });
    expect([limitedQueue.dueCount, limitedQueue.laterToday, limitedQueue.heldBackNew]).toEqual([1, 2, 1]);

    // ---- Mix-ups: each failure mode's answers, right labels and misread question agree with the matrix, and with
    // the class's confusion view over the same stored answers.
    const owner = await createUser({ name: 'T', email: 'counts-teacher@example.com', passwordHash: 'x', role: 'instructor' });
    const cls = await createClass(await asInstructor(owner.id), 'Counts');
    await enrol(cls.id, u.id);
    const classView = classDrillConfusion(await loadClassData(await teaching(owner.id, cls.id), null), (id) => bank.get(id) ?? null);
    for (const m of d.modes) {
      const rowTotal = Object.values(d.confusion[m.label]).reduce((a, b) => a + b, 0);
      expect(m.answered, m.label).toBe(rowTotal);
      expect(m.labelRight, m.label).toBe(d.confusion[m.label][m.label]);
      if (m.misread) expect(m.misread.of, m.label).toBe(m.answered);
      expect({ answers: m.answered, labelRight: m.labelRight, correct: m.firstCorrect }).toEqual({
        answers: classView.byTruth[m.label].answers,
        labelRight: classView.byTruth[m.label].labelRight,
        correct: classView.byTruth[m.label].correct,
      });
    }
    expect(d.modes.reduce((n, m) => n + m.answered, 0)).toBe(3);
    expect(d.modes.reduce((n, m) => n + m.labelRight, 0)).toBe(2);

    // ---- Recent activity names what was answered, never an id.
    for (const r of d.recent) {
      const t = itemTitle(r.itemKind, r.itemId);
      expect(t.title).not.toBe(r.itemId);
      expect(t.title).not.toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
    }
    expect(itemTitle('quiz', quizzes[0]!.id).where).toContain(course.chapters.find((c) => c.slug === CHAPTER)!.title);
    expect(itemTitle('scenario', scenarios[0]!.id).title).toBe(scenarios[0]!.title);
  });
});
