// The steps every answer form goes through while the server checks an answer (the quiz, the drill): a problem to
// fix before sending, sending, and a refusal that hands the form back. Shared by their reducers. Pure.

export type AnswerStep = { type: 'error'; message: string } | { type: 'saving' } | { type: 'refused'; message: string };

export function answerStep<S extends { error: string | null; phase: string }>(s: S, step: AnswerStep): S {
  if (step.type === 'error') return { ...s, error: step.message };
  if (step.type === 'saving') return { ...s, error: null, phase: 'saving' };
  return { ...s, phase: 'answering', error: step.message };
}
