// "A contested scenario's acceptable labels count as right" is one rule (lib/learning/failure-modes.ts). Every place
// that judges a drill label goes through it; this test asks each of them about the same contested case, so a copy
// that disagreed (the guest dashboard once compared with the case's own label only) fails here.
import { describe, expect, it } from 'vitest';
import { guestDashboard } from '../../components/dashboard/guest-dashboard';
import { gradeDrill, type ScenarioTruth } from '../../lib/learning/classify';
import { labelCounts, LABELS } from '../../lib/learning/failure-modes';

const countingLabels = (truth: ScenarioTruth) => LABELS.filter((l) => labelCounts(truth, l));
import { classConfusion, drillResponseOf } from '../../lib/learning/item-stats';
import type { GuestData } from '../../lib/guest/store';

const A = 'specification-gaming' as const;
const B = 'goal-misgeneralization' as const;
const C = 'capability-failure' as const;

/** Contested between A (its own label) and B. */
const contested: ScenarioTruth = {
  label: A,
  contested: true,
  acceptable: [A, B],
  questions: {
    training: { answer: 'either', evidence: [] },
    shift: { answer: 'yes', evidence: [] },
    competence: { answer: 'yes', evidence: [] },
  },
};
const answers = { training: 'yes', shift: 'yes', competence: 'yes' } as const;
const stored = (label: string) => JSON.stringify({ label, answers, wrong: [], truth: A });

describe('a contested case with acceptable labels [A, B]', () => {
  it('counts B as right and C as wrong in the rule itself', () => {
    expect(labelCounts(contested, A)).toBe(true);
    expect(labelCounts(contested, B)).toBe(true);
    expect(labelCounts(contested, C)).toBe(false);
    expect(countingLabels(contested)).toEqual([A, B]);
    // The same acceptable list on a case that is not contested does not widen it.
    expect(countingLabels({ ...contested, contested: false })).toEqual([A]);
  });

  it('grades B as defensible and C as wrong in the drill', () => {
    expect(gradeDrill(contested, { label: B, answers })).toMatchObject({ correct: true, verdict: 'defensible', defensible: true });
    expect(gradeDrill(contested, { label: C, answers })).toMatchObject({ correct: false, verdict: 'wrong' });
  });

  it('reads a stored B as a right label for the dashboard and the class views', () => {
    const f = { userId: 'u1', itemId: 's1', correct: true };
    expect(drillResponseOf({ ...f, response: stored(B) }, contested)).toMatchObject({ truth: A, picked: B, labelOk: true });
    expect(drillResponseOf({ ...f, response: stored(C) }, contested)).toMatchObject({ picked: C, labelOk: false });
    const confusion = classConfusion([drillResponseOf({ ...f, response: stored(B) }, contested)!]);
    expect(confusion.byTruth[A]).toMatchObject({ answers: 1, labelRight: 1 });
    // On the diagonal, not as a mix-up of A for B.
    expect(confusion.matrix.find((r) => r.truth === A)!.cells.find((c) => c.picked === A)!.count).toBe(1);
  });

  it('counts a guest’s B as a right label on the guest dashboard, as for a signed-in learner', () => {
    const now = new Date('2026-05-10T15:00:00Z');
    const g: GuestData = {
      version: 1,
      attempts: [
        {
          idempotencyKey: 'k1',
          itemKind: 'scenario',
          itemId: 's1',
          chapter: 'introduction',
          response: { label: B, answers, wrong: [], truth: A },
          correct: true,
          confident: true,
          durationMs: 20_000,
          firstAttempt: true,
          createdAt: '2026-05-10T09:00:00.000Z',
        },
      ],
      reviews: [],
      completed: {},
      positions: {},
      settings: { desiredRetention: 0.9, newCardsPerDay: 20 },
    };
    const d = guestDashboard(g, [], { s1: { label: A, contested: true, acceptable: [A, B] } }, now);
    expect(d.modes.find((m) => m.label === A)).toMatchObject({ answered: 1, labelRight: 1, firstCorrect: 1 });
    expect(d.confusion[A][A]).toBe(1);
    expect(d.confusion[A][B]).toBe(0);
    for (const l of LABELS) if (l !== A) expect(d.modes.find((m) => m.label === l)!.answered).toBe(0);
  });
});
