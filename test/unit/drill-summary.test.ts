import { describe, expect, it } from 'vitest';
import { misreadByLabel, topConfusion, topMisread, type AnsweredCase } from '../../lib/learning/drill-summary';
import type { Label, Question } from '../../lib/learning/scenario-schema';

const SG: Label = 'specification-gaming';
const GMG: Label = 'goal-misgeneralization';
const CF: Label = 'capability-failure';

function c(scenarioId: string, truth: Label, given: Label, wrong: Question[] = [], labelOk = truth === given): AnsweredCase {
  return { scenarioId, truth, given, labelOk, wrong };
}

describe('drill summary', () => {
  describe('the mix-up that happened most', () => {
    it('names the most frequent wrong pair, its count and the scenarios behind it', () => {
      const cases = [c('a', GMG, SG), c('b', GMG, SG), c('c', CF, GMG), c('d', GMG, GMG), c('b', GMG, SG)];
      expect(topConfusion(cases)).toEqual({ truth: GMG, given: SG, count: 3, scenarioIds: ['a', 'b'] });
    });

    it('is directional: taking A for B is not taking B for A', () => {
      const cases = [c('a', GMG, SG), c('b', SG, GMG), c('c', SG, GMG)];
      expect(topConfusion(cases)).toMatchObject({ truth: SG, given: GMG, count: 2, scenarioIds: ['b', 'c'] });
    });

    it('a defensible label on a contested case is no mix-up', () => {
      expect(topConfusion([c('x', SG, GMG, [], true), c('y', CF, CF)])).toBeNull();
      expect(topConfusion([c('x', SG, GMG, [], true), c('z', CF, SG)])).toMatchObject({ truth: CF, given: SG, count: 1 });
    });

    it('ties go to the mix-up met first', () => {
      expect(topConfusion([c('a', CF, SG), c('b', GMG, SG)])).toMatchObject({ truth: CF, given: SG });
    });

    it('is null with no answers or none wrong', () => {
      expect(topConfusion([])).toBeNull();
    });
  });

  describe('the question misread most', () => {
    it('counts wrong answers per question out of all answers, with the scenarios', () => {
      const cases = [
        c('a', GMG, GMG, ['training']),
        c('b', GMG, SG, ['training', 'shift']),
        c('c', CF, CF, ['shift']),
        c('d', SG, SG, ['training']),
        c('e', SG, SG),
      ];
      expect(topMisread(cases)).toEqual({ question: 'training', count: 3, of: 5, scenarioIds: ['a', 'b', 'd'] });
    });

    it('counts a right label for a wrong reason: the label can be right and the question still misread', () => {
      expect(topMisread([c('a', GMG, GMG, ['competence']), c('b', GMG, GMG)])).toEqual({
        question: 'competence',
        count: 1,
        of: 2,
        scenarioIds: ['a'],
      });
    });

    it('ties go to the question asked first; none misread gives null', () => {
      expect(topMisread([c('a', GMG, GMG, ['competence']), c('b', GMG, GMG, ['shift'])])?.question).toBe('shift');
      expect(topMisread([c('a', GMG, GMG), c('b', SG, SG)])).toBeNull();
    });

    it('per failure mode, by the case’s own label', () => {
      const cases = [
        c('g1', GMG, SG, ['training']),
        c('g2', GMG, GMG, ['training']),
        c('g3', GMG, GMG, ['shift']),
        c('c1', CF, GMG, ['competence']),
        c('s1', SG, SG),
      ];
      expect(misreadByLabel(cases)).toEqual({
        [GMG]: { question: 'training', count: 2, of: 3, scenarioIds: ['g1', 'g2'] },
        [CF]: { question: 'competence', count: 1, of: 1, scenarioIds: ['c1'] },
      });
    });
  });
});
