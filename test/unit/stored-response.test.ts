// One parser for what an attempt stored: the server's JSON column and a guest's browser object read the same, and
// the CSV export, the class's item statistics and a quiz's "last time you chose" all go through it.
import { describe, expect, it } from 'vitest';
import { optionLetters, parseDrillResponse, parseQuizResponse, responseText } from '../../lib/learning/stored-response';

const drill = {
  label: 'goal-misgeneralization',
  answers: { training: 'no', shift: 'yes', competence: 'yes' },
  wrong: ['training'],
  truth: 'specification-gaming',
};

describe('stored responses', () => {
  it('reads the database’s JSON text and a guest’s stored object alike', () => {
    expect(parseDrillResponse(JSON.stringify(drill))).toEqual(parseDrillResponse(drill));
    expect(parseDrillResponse(drill)).toEqual(drill);
    expect(parseQuizResponse(JSON.stringify({ selected: [0, 2] }))).toEqual(parseQuizResponse({ selected: [0, 2] }));
  });

  it('keeps only option numbers a question can have, and reads junk as nothing chosen', () => {
    expect(parseQuizResponse({ selected: [1, -1, 2.5, 'x', 10, 9] }).selected).toEqual([1, 9]);
    expect(parseQuizResponse('not json').selected).toEqual([]);
    expect(parseQuizResponse(null).selected).toEqual([]);
    expect(parseQuizResponse({ selected: 'A' }).selected).toEqual([]);
  });

  it('drops a half-answered or misspelt set of answers instead of grading it', () => {
    expect(parseDrillResponse({ ...drill, answers: { training: 'no', shift: 'maybe', competence: 'yes' } })?.answers).toBeUndefined();
    expect(parseDrillResponse({ ...drill, answers: { training: 'no' } })?.answers).toBeUndefined();
    expect(parseDrillResponse({ label: 'reward-hacking' })).toBeNull();
  });

  it('writes the response in words for the CSV export', () => {
    expect(responseText('quiz', JSON.stringify({ selected: [0, 2] }))).toBe('A+C');
    expect(responseText('scenario', JSON.stringify(drill))).toBe('goal-misgeneralization; training=no; shift=yes; competence=yes');
    // Sets answered before the questions were redesigned stored the three axes instead.
    const old = { label: 'specification-gaming', axes: { signal: 'wrong', capability: 'generalized', goal: 'literal' } };
    expect(responseText('scenario', JSON.stringify(old))).toBe('specification-gaming; signal=wrong; capability=generalized; goal=literal');
    expect(responseText('scenario', '{')).toBe('');
    expect(optionLetters([1, 3])).toBe('B+D');
  });
});
