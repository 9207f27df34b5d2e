// Pure grading of quiz answers. No I/O: the server and the browser (guest mode) grade the same way.

export interface GradableQuiz {
  kind: 'single' | 'multiple' | 'classify';
  choices: { correct: boolean }[];
}

export function correctIndices(quiz: GradableQuiz): number[] {
  return quiz.choices.flatMap((c, i) => (c.correct ? [i] : []));
}

/** Single and classify: exactly the one correct choice. Multiple: exactly the set of correct choices. */
export function gradeQuiz(quiz: GradableQuiz, selected: readonly number[]): boolean {
  const picked = [...new Set(selected)].sort((a, b) => a - b);
  const right = correctIndices(quiz);
  if (quiz.kind !== 'multiple' && picked.length !== 1) return false;
  return picked.length === right.length && picked.every((v, i) => v === right[i]);
}

/** Why an answer cannot be graded, in words a learner can act on; null when it is fine. */
export function answerProblem(
  quiz: { kind: GradableQuiz['kind']; choices: readonly unknown[] },
  selected: readonly number[],
): string | null {
  if (selected.length === 0) return quiz.kind === 'multiple' ? 'Pick at least one answer.' : 'Pick an answer.';
  if (selected.some((i) => !Number.isInteger(i) || i < 0 || i >= quiz.choices.length)) return 'That answer is not one of the options.';
  if (quiz.kind !== 'multiple' && new Set(selected).size > 1) return 'Pick only one answer.';
  return null;
}
