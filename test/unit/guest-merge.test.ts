import { describe, expect, it } from 'vitest';
import { clampMergedTime, regradeDrillResponse, regradeQuizResponse } from '../../lib/learning/guest-merge';
import type { ScenarioTruth } from '../../lib/learning/classify';

const single = { kind: 'single' as const, choices: [{ correct: false }, { correct: true }, { correct: false }] };
const multiple = { kind: 'multiple' as const, choices: [{ correct: true }, { correct: false }, { correct: true }] };
const truth: ScenarioTruth = {
  label: 'goal-misgeneralization',
  questions: {
    training: { answer: 'no', evidence: [] },
    shift: { answer: 'yes', evidence: [] },
    competence: { answer: 'yes', evidence: [] },
  },
} as unknown as ScenarioTruth;

describe('re-grading a guest merge', () => {
  it('grades quiz answers from the selected options, whatever the browser said', () => {
    expect(regradeQuizResponse(single, { selected: [1] })).toEqual({ correct: true, response: { selected: [1] } });
    expect(regradeQuizResponse(single, { selected: [0], correct: true })).toEqual({ correct: false, response: { selected: [0] } });
    expect(regradeQuizResponse(multiple, { selected: [2, 0, 2] })).toEqual({ correct: true, response: { selected: [0, 2] } });
    expect(regradeQuizResponse(multiple, { selected: [0] })?.correct).toBe(false);
  });

  it('an answer that records no gradable choice is not stored', () => {
    for (const r of [undefined, null, {}, { selected: [] }, { selected: [7] }, { selected: [0, 1] }, { selected: 'all' }, 'x'])
      expect(regradeQuizResponse(single, r)).toBeNull();
  });

  it('grades drill answers question by question: a right label for a wrong reason is not right', () => {
    const right = regradeDrillResponse(truth, {
      label: 'goal-misgeneralization',
      answers: { training: 'no', shift: 'yes', competence: 'yes' },
    });
    expect(right?.correct).toBe(true);
    const reason = regradeDrillResponse(truth, {
      label: 'goal-misgeneralization',
      answers: { training: 'yes', shift: 'yes', competence: 'yes' },
      correct: true,
      wrong: [],
    });
    expect(reason).toEqual({
      correct: false,
      response: {
        label: 'goal-misgeneralization',
        answers: { training: 'yes', shift: 'yes', competence: 'yes' },
        wrong: ['training'],
        truth: 'goal-misgeneralization',
      },
    });
  });

  it('an older drill answer with only a label counts as not understood, even when the label is right', () => {
    expect(regradeDrillResponse(truth, { label: 'goal-misgeneralization' })).toEqual({
      correct: false,
      response: { label: 'goal-misgeneralization', truth: 'goal-misgeneralization' },
    });
    expect(regradeDrillResponse(truth, { label: 'boredom' })).toBeNull();
    expect(
      regradeDrillResponse(truth, { label: 'goal-misgeneralization', answers: { training: 'maybe', shift: 'yes', competence: 'yes' } }),
    ).toBeNull();
  });

  it('clamps times to [account created, now] and keeps everything between as it was', () => {
    const clock = { accountCreatedAt: new Date('2026-03-01T09:00:00Z'), now: new Date('2026-03-02T09:00:00Z') };
    expect(clampMergedTime(new Date('2024-01-01T00:00:00Z'), clock)).toEqual(clock.accountCreatedAt);
    expect(clampMergedTime(new Date('2026-03-05T00:00:00Z'), clock)).toEqual(clock.now);
    expect(clampMergedTime(new Date('2026-03-01T12:00:00Z'), clock)).toEqual(new Date('2026-03-01T12:00:00Z'));
  });
});
