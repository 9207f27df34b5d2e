import { describe, expect, it } from 'vitest';
import { answerProblem, correctIndices, gradeQuiz } from '../../lib/learning/grading';

const single = { kind: 'single' as const, choices: [{ correct: false }, { correct: true }, { correct: false }] };
const multiple = { kind: 'multiple' as const, choices: [{ correct: true }, { correct: false }, { correct: true }] };

describe('grading', () => {
  it('single choice: only the correct option', () => {
    expect(gradeQuiz(single, [1])).toBe(true);
    expect(gradeQuiz(single, [0])).toBe(false);
    expect(gradeQuiz(single, [1, 0])).toBe(false);
  });

  it('multiple choice: exactly the correct set, in any order, duplicates ignored', () => {
    expect(gradeQuiz(multiple, [2, 0])).toBe(true);
    expect(gradeQuiz(multiple, [0, 0, 2])).toBe(true);
    expect(gradeQuiz(multiple, [0])).toBe(false);
    expect(gradeQuiz(multiple, [0, 1, 2])).toBe(false);
    expect(correctIndices(multiple)).toEqual([0, 2]);
  });

  it('explains why an answer cannot be graded', () => {
    expect(answerProblem(single, [])).toBe('Pick an answer.');
    expect(answerProblem(multiple, [])).toBe('Pick at least one answer.');
    expect(answerProblem(single, [7])).toBe('That answer is not one of the options.');
    expect(answerProblem(single, [0, 1])).toBe('Pick only one answer.');
    expect(answerProblem(single, [1])).toBeNull();
  });
});
