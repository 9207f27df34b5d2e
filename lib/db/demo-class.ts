import 'server-only';
import { randomBytes } from 'node:crypto';
import { db, transaction } from './client';
import { recordReview } from './reviews';
import { applyPlanPrisma } from './attempts';
import { planAnswer } from './answer-plan';
import { drillScenarioIds } from '../content/assignment-items';
import { getScenario, getScenarioBank } from '../content/bank';
import { getCourse } from '../content/course';
import type { Scenario } from '../content/scenarios';
import { ANSWERS_FOR, QUESTIONS, type Question, type QuestionAnswer } from '../learning/scenario-schema';
import { gradeDrill, type Label } from '../learning/classify';
import { gradeQuiz } from '../learning/grading';
import { makeJoinCode } from '../learning/join-code';
import { createRng, deriveSeed, type Rng } from '../toys/rng';
import type { AnswerRecord } from '../learning/stored-response';
import type { Prisma } from './generated/client.ts';
import { workshopAsScenario, workshopItemId, type WorkshopQuestions } from '../learning/workshop';

// A demo class for instructors to explore the roster and analytics: 30 synthetic learners of varying ability and
// diligence, three assignments (one past due, so late work shows) and first attempts with a realistic pattern:
// harder items are missed more, and in the drill the usual confusions dominate (goal misgeneralization taken for
// specification gaming, then capability failure taken for goal misgeneralization). Everything is stored the way
// the real actions store it, so every page and export treats it like a real class.

export const DEMO_CLASS_TITLE = 'Demo class: Goal misgeneralization';
export const DEMO_LEARNER_COUNT = 30;
const demoLearnerEmail = (i: number) => `demo-learner-${String(i + 1).padStart(2, '0')}@goalpost.example`;

const NAMES = [
  'Amara Okafor',
  'Ben Fischer',
  'Chen Wei',
  'Daniela Rossi',
  'Emeka Nwosu',
  'Fatima Zahra',
  'Gustav Lindqvist',
  'Hana Sato',
  'Ibrahim Khan',
  'Julia Nowak',
  'Kofi Mensah',
  'Lena Schmidt',
  'Mateo García',
  'Nguyễn Thị Lan',
  'Olivia Brown',
  'Priya Raman',
  'Quinn Murphy',
  'Rafael Souza',
  'Sofia Petrova',
  'Tomás Álvarez',
  'Uma Iyer',
  'Victor Dubois',
  'Wanjiru Kamau',
  'Xavier Martin',
  'Yara Haddad',
  'Zoë O’Brien',
  'Aiko Tanaka',
  'Bilal Yilmaz',
  'Clara Jensen',
  'Dmitri Volkov',
];

const DAY = 86_400_000;
const MIN = 60_000;

type Profile = 'diligent' | 'late' | 'inactive' | 'absent';

// What a learner picks when they get a scenario wrong, by its real failure mode.
const WRONG_PICK: Record<Label, [Label, number][]> = {
  'goal-misgeneralization': [
    ['specification-gaming', 0.8],
    ['capability-failure', 0.2],
  ],
  'capability-failure': [
    ['goal-misgeneralization', 0.75],
    ['specification-gaming', 0.25],
  ],
  'specification-gaming': [
    ['goal-misgeneralization', 0.5],
    ['capability-failure', 0.5],
  ],
};
// How much harder each failure mode is to recognise than the scenario's difficulty alone suggests.
const LABEL_HARDNESS: Record<Label, number> = { 'goal-misgeneralization': 1.3, 'capability-failure': 0.1, 'specification-gaming': -0.5 };
const DIFFICULTY: Record<Scenario['difficulty'], number> = { intro: -0.4, core: 0.3, advanced: 1 };

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function weighted<T>(rng: Rng, options: [T, number][]): T {
  let r = rng.next() * options.reduce((n, [, w]) => n + w, 0);
  for (const [v, w] of options) if ((r -= w) < 0) return v;
  return options[options.length - 1]![0];
}

/** A stable per-item difficulty from its id, so quizzes differ from one another in a repeatable way. */
function itemHardness(id: string): number {
  return (deriveSeed(7, id) / 0xffffffff) * 1.6 - 0.8;
}

interface PlannedAttempt extends AnswerRecord {
  durationMs: number;
  at: Date;
  concept: string | null;
}

/**
 * Creates the demo class for the instructor with this email unless they already have one of that title.
 * passwordHash is shared by all 30 demo learners (hashing 30 passwords would take seconds); pass a function to
 * hash only when the class is actually created, so an idempotent seed on every start costs one query.
 * Returns null when the instructor does not exist.
 */
export async function seedDemoClass(
  instructorEmail: string,
  passwordHash: string | (() => Promise<string>),
  options: { now?: Date; seed?: number } = {},
): Promise<{ classId: string; created: boolean; attempts: number } | null> {
  const instructor = await db.user.findUnique({ where: { email: instructorEmail }, select: { id: true } });
  if (!instructor) return null;
  const existing = await db.class.findFirst({ where: { ownerId: instructor.id, title: DEMO_CLASS_TITLE }, select: { id: true } });
  if (existing) return { classId: existing.id, created: false, attempts: 0 };

  const now = options.now ?? new Date();
  const seed = options.seed ?? 20_240_901;
  const course = getCourse();
  const bank = getScenarioBank();
  const chapter = 'introduction';
  const quizzes = course.analyses.get(chapter)?.quizzes ?? [];
  const drillTarget = 'difficulty:intro';
  const drillScenarios = drillScenarioIds(drillTarget).flatMap((id) => bank.get(id) ?? []);
  const extraScenarios = [...bank.values()].filter((s) => s.difficulty === 'core');
  const chapterTitle = course.chapters.find((c) => c.slug === chapter)?.title ?? chapter;

  const assignments = [
    {
      kind: 'chapter',
      target: chapter,
      title: `Read “${chapterTitle}” and answer its questions`,
      opensAt: new Date(now.getTime() - 14 * DAY),
      dueAt: new Date(now.getTime() - 7 * DAY),
    },
    {
      kind: 'drill',
      target: drillTarget,
      title: 'Classifier drill: intro scenarios',
      opensAt: new Date(now.getTime() - 10 * DAY),
      dueAt: new Date(now.getTime() - 2 * DAY),
    },
    {
      kind: 'review',
      target: '15',
      title: 'Do 15 reviews',
      opensAt: new Date(now.getTime() - 7 * DAY),
      dueAt: new Date(now.getTime() + 5 * DAY),
    },
  ];

  const hash = typeof passwordHash === 'string' ? passwordHash : await passwordHash();
  const emails = Array.from({ length: DEMO_LEARNER_COUNT }, (_, i) => demoLearnerEmail(i));
  const plans: {
    email: string;
    reviewsWanted: number;
    reviewWindow: [number, number];
    attempts: PlannedAttempt[];
    completedAt: Date | null;
  }[] = [];
  for (let i = 0; i < DEMO_LEARNER_COUNT; i++) {
    const rng = createRng(deriveSeed(seed, 'learner', i));
    const ability = rng.normal(0, 1);
    const profile: Profile =
      i === 7 || i === 22
        ? 'absent'
        : weighted<Profile>(rng, [
            ['diligent', 0.62],
            ['late', 0.2],
            ['inactive', 0.18],
          ]);
    // The last day this learner did anything: inactive learners stopped some days ago.
    const stop = profile === 'inactive' ? now.getTime() - rng.float(4, 10) * DAY : now.getTime() - rng.float(0, 0.8) * DAY;
    const when = (from: Date, to: Date, lateBy = 0) => {
      const a = from.getTime() + lateBy;
      const b = Math.min(to.getTime() + lateBy, stop);
      return new Date(b > a ? rng.float(a, b) : Math.min(a, stop) - rng.float(0, DAY));
    };
    const attempts: PlannedAttempt[] = [];
    let completedAt: Date | null = null;
    if (profile !== 'absent') {
      const [ch, dr] = assignments as [(typeof assignments)[number], (typeof assignments)[number]];
      const lateBy = profile === 'late' ? rng.float(1, 4) * DAY : 0;
      const share = profile === 'inactive' ? rng.float(0.3, 0.9) : 1;
      const chapterQuizzes = quizzes.slice(0, Math.max(1, Math.round(quizzes.length * share)));
      for (const q of chapterQuizzes) {
        const hard = itemHardness(q.id) + (q.kind === 'multiple' ? 0.9 : 0);
        const correct = rng.bool(sigmoid(1.3 * (ability - hard) + 1));
        const right = q.choices.flatMap((c, k) => (c.correct ? [k] : []));
        const wrong = q.choices.flatMap((c, k) => (c.correct ? [] : [k]));
        let selected: number[];
        if (correct) selected = right;
        else if (q.kind === 'multiple') selected = rng.bool(0.6) ? right.slice(0, 1) : [...right, wrong[0] ?? 0].sort((a, b) => a - b);
        // One distractor draws most wrong answers, as a real misconception does.
        else selected = [rng.bool(0.65) ? wrong[0]! : rng.pick(wrong)];
        attempts.push({
          itemKind: 'quiz',
          itemId: q.id,
          chapter,
          response: { selected },
          correct: gradeQuiz(q, selected),
          confident: rng.bool(correct ? 0.75 : 0.35),
          durationMs: Math.round(rng.float(6, 45) * 1000),
          at: when(ch.opensAt, ch.dueAt, lateBy),
          concept: null,
        });
      }
      if (chapterQuizzes.length === quizzes.length && rng.bool(0.9)) {
        completedAt = new Date(Math.max(...attempts.map((a) => a.at.getTime())) + rng.float(2, 20) * MIN);
      }
      const scenarios = [...drillScenarios.slice(0, Math.max(1, Math.round(drillScenarios.length * share)))];
      if (profile === 'diligent' && rng.bool(0.5)) scenarios.push(...rng.shuffle(extraScenarios).slice(0, rng.int(3, 8)));
      for (const s of scenarios) {
        const hard = DIFFICULTY[s.difficulty] + LABEL_HARDNESS[s.label] + itemHardness(s.id) * 0.4;
        const labelRight = rng.bool(sigmoid(1.3 * (ability - hard) + 1.1));
        const label: Label = labelRight ? s.label : weighted(rng, WRONG_PICK[s.label]);
        // A learner's answers to the questions lead to the label they picked; some right labels rest on a slip.
        const answers = answersFor(
          s,
          label,
          () => labelRight && rng.bool(0.15),
          () => rng.bool(0.5),
        );
        const graded = gradeDrill(s, { label, answers });
        attempts.push({
          itemKind: 'scenario',
          itemId: s.id,
          chapter: s.chapter ?? null,
          response: { label, answers, wrong: graded.wrongQuestions, truth: s.label },
          correct: graded.correct,
          confident: rng.bool(graded.correct ? 0.7 : 0.4),
          durationMs: Math.round(rng.float(20, 150) * 1000),
          at: when(dr.opensAt, dr.dueAt, lateBy),
          concept: s.contested ? null : s.label,
        });
      }
      // Some misses are tried again later; only the first attempt counts.
      for (const a of attempts.filter((x) => !x.correct && rng.bool(0.35))) {
        const at = new Date(Math.min(a.at.getTime() + rng.float(0.2, 3) * DAY, stop));
        if (at <= a.at) continue;
        attempts.push({ ...a, at, correct: true, confident: rng.bool(0.6), response: retryResponse(a) });
      }
    }
    attempts.sort((a, b) => a.at.getTime() - b.at.getTime());
    const reviewsWanted =
      profile === 'diligent' ? rng.int(12, 26) : profile === 'late' ? rng.int(4, 14) : profile === 'inactive' ? rng.int(0, 5) : 0;
    plans.push({ email: emails[i]!, reviewsWanted, reviewWindow: [assignments[2]!.opensAt.getTime(), stop], attempts, completedAt });
  }

  // One transaction for the accounts, the class and the answers: a failure leaves no half-made demo class.
  const { classId, users, stored } = await transaction(
    async (tx) => {
      const known = await tx.user.findMany({
        where: { email: { in: emails } },
        select: { id: true, email: true, _count: { select: { attempts: true } } },
      });
      const missing = emails.map((email, i) => ({ email, i })).filter(({ email }) => !known.some((k) => k.email === email));
      if (missing.length)
        await tx.user.createMany({
          data: missing.map(({ email, i }) => ({
            email,
            name: NAMES[i % NAMES.length]!,
            role: 'learner',
            passwordHash: hash,
            createdAt: new Date(now.getTime() - 20 * DAY),
          })),
        });
      const users = await tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
      const idOf = new Map(users.map((u) => [u.email, u.id]));
      const busy = new Set(known.filter((k) => k._count.attempts > 0).map((k) => k.email));
      const cls = await tx.class.create({
        data: {
          ownerId: instructor.id,
          title: DEMO_CLASS_TITLE,
          joinCode: makeJoinCode(randomBytes(16)),
          createdAt: new Date(now.getTime() - 16 * DAY),
        },
      });
      await tx.enrolment.createMany({
        data: users.map((u, k) => ({ classId: cls.id, userId: u.id, joinedAt: new Date(now.getTime() - 15 * DAY + k * 7 * MIN) })),
      });
      await tx.assignment.createMany({
        data: assignments.map((a, k) => ({ classId: cls.id, ...a, createdAt: new Date(now.getTime() - 15 * DAY + k * MIN) })),
      });
      let stored = 0;
      for (const plan of plans) {
        const userId = idOf.get(plan.email)!;
        // An account that already has answers (a demo learner someone used) keeps its own history.
        if (busy.has(plan.email) || plan.attempts.length === 0) continue;
        // Each answer is stored by the same rules as a real one (lib/db/answer-plan.ts): first attempts, the study
        // day, and a first answer's review card with its first review.
        for (const [n, a] of plan.attempts.entries()) {
          const key = `demo-${plan.email.slice(13, 15)}-${n}-${a.itemId}`.slice(0, 64);
          await applyPlanPrisma(
            tx,
            planAnswer(userId, {
              idempotencyKey: key,
              itemKind: a.itemKind,
              itemId: a.itemId,
              chapter: a.chapter,
              response: a.response,
              correct: a.correct,
              confident: a.confident,
              durationMs: a.durationMs,
              createdAt: a.at,
              schedule: { concept: a.concept, retention: 0.9 },
            }),
          );
        }
        stored += plan.attempts.length;
        if (plan.completedAt) await tx.chapterProgress.create({ data: { userId, chapter, completedAt: plan.completedAt, position: null } });
      }
      stored += await seedDemoWorkshop(
        tx,
        cls.id,
        emails.map((e) => (busy.has(e) ? null : idOf.get(e)!)),
        now,
      );
      return { classId: cls.id, users: plans.map((p) => ({ plan: p, userId: idOf.get(p.email)!, fresh: !busy.has(p.email) })), stored };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );

  // Reviews go through the real scheduler, one card at a time, in time order.
  for (const { plan, userId, fresh } of users) {
    if (!fresh || plan.reviewsWanted === 0) continue;
    const rng = createRng(deriveSeed(seed, 'reviews', plan.email));
    const [from, to] = plan.reviewWindow;
    if (to <= from) continue;
    const cards = await db.reviewCard.findMany({ where: { userId }, select: { id: true, itemId: true, createdAt: true, due: true } });
    const times = Array.from({ length: plan.reviewsWanted }, () => rng.float(from, to)).sort((a, b) => a - b);
    for (const [n, t] of times.entries()) {
      const at = new Date(t);
      // A learner reviews what is due (a review of a card that is not due would be stored as practice).
      const ready = cards.filter((c) => c.createdAt < at && c.due <= at);
      if (ready.length === 0) continue;
      const card = rng.pick(ready);
      const correct = rng.bool(0.8);
      const r = await recordReview(
        userId,
        {
          cardId: card.id,
          shownItemId: card.itemId,
          correct,
          confident: rng.bool(correct ? 0.75 : 0.4),
          durationMs: Math.round(rng.float(5, 40) * 1000),
          idempotencyKey: `demo-review-${n}-${card.id}`.slice(0, 64),
          cardVersion: null,
        },
        at,
        0.9,
      );
      if (r) card.due = r.card.due;
    }
  }
  return { classId, created: true, attempts: stored };
}

/** Answers to the three questions that fit `label`, taking the case's own answer where the label leaves it open. */
function answersFor(s: Scenario, label: Label, slip: () => boolean, coin: () => boolean): Record<Question, QuestionAnswer> {
  const need = ANSWERS_FOR[label];
  const flip = (a: QuestionAnswer): QuestionAnswer => (a === 'yes' ? 'no' : 'yes');
  return Object.fromEntries(
    QUESTIONS.map((q) => {
      const authored = s.questions[q].answer;
      const base: QuestionAnswer = need[q] ?? (authored === 'either' ? (coin() ? 'yes' : 'no') : authored);
      return [q, slip() ? flip(base) : base];
    }),
  ) as Record<Question, QuestionAnswer>;
}

function retryResponse(a: PlannedAttempt): unknown {
  if (a.itemKind === 'scenario') {
    const r = a.response as { truth: Label };
    const s = getScenario(a.itemId);
    return s
      ? {
          label: r.truth,
          answers: answersFor(
            s,
            r.truth,
            () => false,
            () => true,
          ),
          wrong: [],
          truth: r.truth,
        }
      : a.response;
  }
  const quiz = getCourse().quizzes.get(a.itemId);
  return { selected: quiz?.choices.flatMap((c, i) => (c.correct ? [i] : [])) ?? [] };
}

// Two scenarios of the demo class's workshop, written by the first two demo learners, and classmates' readings of
// them that split the way a real class does (mostly on the training question), so the workshop pages have data.
const DEMO_WORKSHOP: {
  title: string;
  sentences: [string, string, string];
  label: Label;
  answers: [QuestionAnswer, QuestionAnswer, QuestionAnswer];
}[] = [
  {
    title: 'The tidy-desk office robot',
    sentences: [
      'An office robot was scored by a camera that counted papers left on desks each evening.',
      'It learned to slide the papers into the drawers, where the camera could not see them.',
      'It opened and closed the drawers quickly and never dropped a sheet.',
    ],
    label: 'specification-gaming',
    answers: ['yes', 'no', 'yes'],
  },
  {
    title: 'The museum guide robot',
    sentences: [
      'In the training museum every exit sign hung above a staircase.',
      'In a new museum with exit signs over the lifts, the robot led visitors to the lifts during a fire drill.',
      'It walked the group there briskly and counted them at the doors.',
    ],
    label: 'goal-misgeneralization',
    answers: ['no', 'yes', 'yes'],
  },
];

/** The first reader's index: learners 11 onwards (the two absent demo learners, 8 and 23, read nothing). */
const FIRST_READER = 10;
/** Readings per demo scenario: [label, training, shift, competence] for learners 11, 12, 13, … in turn. */
const DEMO_READINGS: [Label, QuestionAnswer, QuestionAnswer, QuestionAnswer][][] = [
  [
    ['specification-gaming', 'yes', 'no', 'yes'],
    ['specification-gaming', 'yes', 'no', 'yes'],
    ['goal-misgeneralization', 'no', 'yes', 'yes'],
    ['specification-gaming', 'yes', 'no', 'yes'],
    ['goal-misgeneralization', 'no', 'no', 'yes'],
    ['specification-gaming', 'yes', 'yes', 'yes'],
    ['capability-failure', 'no', 'no', 'no'],
    ['specification-gaming', 'yes', 'no', 'yes'],
  ],
  [
    ['goal-misgeneralization', 'no', 'yes', 'yes'],
    ['specification-gaming', 'yes', 'yes', 'yes'],
    ['goal-misgeneralization', 'no', 'yes', 'yes'],
    ['goal-misgeneralization', 'no', 'yes', 'yes'],
    ['capability-failure', 'no', 'yes', 'no'],
    ['goal-misgeneralization', 'no', 'yes', 'yes'],
  ],
];

async function seedDemoWorkshop(tx: Prisma.TransactionClient, classId: string, learners: (string | null)[], now: Date): Promise<number> {
  // Only on fresh accounts: a demo learner someone has used keeps their own history.
  const readers = DEMO_READINGS.reduce((n, r) => Math.max(n, r.length), 0);
  if ([learners[0], learners[1], ...learners.slice(FIRST_READER, FIRST_READER + readers)].some((id) => id === null || id === undefined))
    return 0;
  let stored = 0;
  for (const [k, w] of DEMO_WORKSHOP.entries()) {
    const questions = Object.fromEntries(
      QUESTIONS.map((q, i) => [q, { answer: w.answers[i]!, evidence: w.sentences[i]! }]),
    ) as WorkshopQuestions;
    const row = await tx.workshopScenario.create({
      data: {
        classId,
        authorId: learners[k]!,
        title: w.title,
        description: w.sentences.join(' '),
        label: w.label,
        questions: JSON.stringify(questions),
        createdAt: new Date(now.getTime() - (6 - k) * DAY),
      },
    });
    const scenario = workshopAsScenario({ ...row, label: w.label, questions });
    for (const [j, [label, training, shift, competence]] of DEMO_READINGS[k]!.entries()) {
      const answers = { training, shift, competence };
      const graded = gradeDrill(scenario, { label, answers });
      await applyPlanPrisma(
        tx,
        planAnswer(learners[FIRST_READER + j]!, {
          idempotencyKey: `demo-ws-${k}-${j}`,
          itemKind: 'scenario',
          itemId: workshopItemId(row.id),
          chapter: null,
          response: { label, answers, wrong: graded.wrongQuestions, truth: w.label },
          correct: graded.correct,
          confident: j % 3 !== 0,
          durationMs: 40_000 + j * 7_000,
          createdAt: new Date(now.getTime() - (5 - k) * DAY + j * 13 * MIN),
          classId,
        }),
      );
      stored++;
    }
  }
  return stored;
}
