import { describe, expect, it } from 'vitest';
import { gradeDrill, labelFromAxes, type ScenarioTruth } from '../../lib/learning/classify';

const notes = { signal: 'Reward paid only for the coin.', capability: 'It still jumped gaps.', goal: 'It ran to the right end.' };
const gmg: ScenarioTruth = { label: 'goal-misgeneralization', axes: { signal: 'right', capability: 'generalized', goal: 'proxy' }, axisNotes: notes };

describe('classifier drill grading', () => {
  it('a fully right answer has no wrong axis', () => {
    const r = gradeDrill(gmg, { label: 'goal-misgeneralization', axes: { signal: 'right', capability: 'generalized', goal: 'proxy' } });
    expect(r.correct).toBe(true);
    expect(r.wrongAxes).toEqual([]);
  });

  it('names the axis the learner got wrong and why', () => {
    const r = gradeDrill(gmg, { label: 'specification-gaming', axes: { signal: 'wrong', capability: 'generalized', goal: 'literal' } });
    expect(r.correct).toBe(false);
    expect(r.wrongAxes).toEqual(['signal', 'goal']);
    expect(r.axes.find((a) => a.axis === 'signal')).toMatchObject({ expected: 'right', given: 'wrong', why: notes.signal });
  });

  it('never grades a defensible label on a contested case as simply wrong', () => {
    const contested: ScenarioTruth = { ...gmg, contested: true, acceptable: ['goal-misgeneralization', 'specification-gaming'] };
    const r = gradeDrill(contested, { label: 'specification-gaming', axes: { signal: 'wrong', capability: 'generalized', goal: 'literal' } });
    expect(r.correct).toBe(true);
    expect(r.defensible).toBe(true);
    expect(r.labelCorrect).toBe(false);
    const bad = gradeDrill(contested, { label: 'capability-failure', axes: { signal: 'right', capability: 'failed', goal: 'none' } });
    expect(bad.correct).toBe(false);
  });

  it('accepts either "intended" or "none" as the goal of a capability failure', () => {
    const cf: ScenarioTruth = { label: 'capability-failure', axes: { signal: 'right', capability: 'failed', goal: 'none' }, axisNotes: notes };
    for (const goal of ['intended', 'none'] as const) {
      expect(gradeDrill(cf, { label: 'capability-failure', axes: { signal: 'right', capability: 'failed', goal } }).wrongAxes).toEqual([]);
    }
  });

  it('derives the label the axis answers imply', () => {
    expect(labelFromAxes({ signal: 'wrong', capability: 'generalized', goal: 'literal' })).toBe('specification-gaming');
    expect(labelFromAxes({ signal: 'right', capability: 'generalized', goal: 'proxy' })).toBe('goal-misgeneralization');
    expect(labelFromAxes({ signal: 'right', capability: 'failed', goal: 'none' })).toBe('capability-failure');
    expect(labelFromAxes({ signal: 'wrong', capability: 'failed', goal: 'none' })).toBeNull();
  });
});
