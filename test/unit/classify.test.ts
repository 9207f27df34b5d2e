import { describe, expect, it } from 'vitest';
import { gradeDrill, labelCounts, parseDrillResponse, type QuestionAnswer, type ScenarioTruth } from '../../lib/learning/classify';

const TRAINED = 'An autonomous campus shuttle was trained to stop where passengers request.';
const SIGNS = 'On the training routes every stop had a sign.';
const SMOOTH = 'Its braking and docking were as smooth as ever.';

/** Goal misgeneralization: nothing unwanted paid off in training, the situation changed, and it still drove well. */
const gmg: ScenarioTruth = {
  label: 'goal-misgeneralization',
  questions: {
    training: { answer: 'no', evidence: [TRAINED], note: 'Stopping where passengers asked is what the reward paid for.' },
    shift: { answer: 'yes', evidence: [SIGNS], note: 'In training every stop had a sign; the new stop has none.' },
    competence: { answer: 'yes', evidence: [SMOOTH], note: 'Its driving stayed smooth and precise at the wrong place.' },
  },
};

/** Contested between specification gaming (its own label) and goal misgeneralization: training is not decisive. */
const contested: ScenarioTruth = {
  label: 'specification-gaming',
  contested: true,
  acceptable: ['specification-gaming', 'goal-misgeneralization'],
  questions: {
    training: { answer: 'either', evidence: [], note: 'Raters sometimes preferred agreement; mostly they rewarded correct answers.' },
    shift: { answer: 'yes', evidence: [] },
    competence: { answer: 'yes', evidence: [] },
  },
};

const ans = (training: QuestionAnswer, shift: QuestionAnswer, competence: QuestionAnswer) => ({ training, shift, competence });

describe('classifier drill grading', () => {
  it('the right label with all three questions right is right, and counts', () => {
    const r = gradeDrill(gmg, { label: 'goal-misgeneralization', answers: ans('no', 'yes', 'yes') });
    expect(r).toMatchObject({ correct: true, verdict: 'right', labelCorrect: true, defensible: false, wrongQuestions: [] });
  });

  it('the right label for a wrong reason does not count, and names the misread question with its evidence and note', () => {
    const r = gradeDrill(gmg, { label: 'goal-misgeneralization', answers: ans('yes', 'yes', 'yes') });
    expect(r.verdict).toBe('reason');
    expect(r.correct).toBe(false);
    expect(r.labelCorrect).toBe(true);
    expect(r.wrongQuestions).toEqual(['training']);
    expect(r.questions.find((q) => q.question === 'training')).toEqual({
      question: 'training',
      correct: false,
      given: 'yes',
      expected: 'no',
      note: 'Stopping where passengers asked is what the reward paid for.',
      evidence: [TRAINED],
    });
  });

  it('grades each question on its own, not by whether the answers add up to the label', () => {
    // Both wrong answers point away from the label, but only the misread questions are marked, each once.
    const r = gradeDrill(gmg, { label: 'goal-misgeneralization', answers: ans('no', 'no', 'no') });
    expect(r.wrongQuestions).toEqual(['shift', 'competence']);
    expect(r.questions.map((q) => q.correct)).toEqual([true, false, false]);
    // A wrong label with every question right is still wrong: the label is graded too.
    const w = gradeDrill(gmg, { label: 'capability-failure', answers: ans('no', 'yes', 'yes') });
    expect(w).toMatchObject({ verdict: 'wrong', correct: false, labelCorrect: false, wrongQuestions: [] });
  });

  it('a wrong label with a misread question is wrong, with the question named', () => {
    const r = gradeDrill(gmg, { label: 'specification-gaming', answers: ans('yes', 'yes', 'yes') });
    expect(r).toMatchObject({ verdict: 'wrong', correct: false, wrongQuestions: ['training'] });
  });

  describe('a contested case', () => {
    it('the other acceptable label is defensible and counts; a question marked "either" takes any answer', () => {
      for (const training of ['yes', 'no'] as const) {
        const r = gradeDrill(contested, { label: 'goal-misgeneralization', answers: ans(training, 'yes', 'yes') });
        expect(r).toMatchObject({ verdict: 'defensible', correct: true, defensible: true, labelCorrect: false, wrongQuestions: [] });
        expect(r.questions[0]).toMatchObject({ correct: true, expected: 'either' });
      }
      expect(gradeDrill(contested, { label: 'specification-gaming', answers: ans('yes', 'yes', 'yes') }).verdict).toBe('right');
    });

    it('a defensible label with a misread question is "right label, wrong reason", not counted', () => {
      const r = gradeDrill(contested, { label: 'goal-misgeneralization', answers: ans('no', 'yes', 'no') });
      expect(r).toMatchObject({ verdict: 'reason', correct: false, defensible: true, wrongQuestions: ['competence'] });
    });

    it('a label outside the acceptable ones is wrong', () => {
      const r = gradeDrill(contested, { label: 'capability-failure', answers: ans('no', 'yes', 'no') });
      expect(r).toMatchObject({ verdict: 'wrong', correct: false, defensible: false });
    });
  });

  it('labelCounts: the own label always; other acceptable labels only when the case is contested', () => {
    expect(labelCounts(gmg, 'goal-misgeneralization')).toBe(true);
    expect(labelCounts(gmg, 'specification-gaming')).toBe(false);
    expect(labelCounts(contested, 'goal-misgeneralization')).toBe(true);
    expect(labelCounts(contested, 'capability-failure')).toBe(false);
    expect(labelCounts({ ...contested, contested: false }, 'goal-misgeneralization')).toBe(false);
  });
});

describe('stored drill responses', () => {
  it('reads the label, the answers, the wrong questions and the truth', () => {
    const json = JSON.stringify({
      label: 'goal-misgeneralization',
      answers: ans('yes', 'yes', 'yes'),
      wrong: ['training'],
      truth: 'goal-misgeneralization',
    });
    expect(parseDrillResponse(json)).toEqual({
      label: 'goal-misgeneralization',
      answers: ans('yes', 'yes', 'yes'),
      wrong: ['training'],
      truth: 'goal-misgeneralization',
    });
  });

  it('reads an answer stored before the redesign by its label alone', () => {
    const old = JSON.stringify({ label: 'specification-gaming', axes: { signal: 'wrong', capability: 'generalized', goal: 'literal' } });
    expect(parseDrillResponse(old)).toEqual({ label: 'specification-gaming', answers: undefined, wrong: undefined, truth: undefined });
  });

  it('drops unknown question names and labels; refuses what is not a drill response', () => {
    const r = parseDrillResponse(JSON.stringify({ label: 'capability-failure', wrong: ['signal', 'shift'], truth: 'reward-hacking' }));
    expect(r).toMatchObject({ label: 'capability-failure', wrong: ['shift'], truth: undefined });
    expect(parseDrillResponse('not json')).toBeNull();
    expect(parseDrillResponse(JSON.stringify({ label: 'reward-hacking' }))).toBeNull();
    expect(parseDrillResponse(JSON.stringify(['goal-misgeneralization']))).toBeNull();
    expect(parseDrillResponse('null')).toBeNull();
  });
});
