// One try at a quiz question: the choices and confidence picked, where the answer is (being checked, checked, kept
// on this device), what the server said, and the two messages. They change together, so they are one reducer. Pure.
import { answerStep, type AnswerStep } from '@/components/answer/answer-steps';
import type { QuizFeedback } from '@/lib/actions/learning';

type Phase = 'answering' | 'saving' | 'answered' | 'queued';
type Confidence = 'sure' | 'unsure' | null;

export interface QuizAttempt {
  selected: number[];
  confidence: Confidence;
  phase: Phase;
  feedback: QuizFeedback | null;
  error: string | null;
  /** The polite live region above the choices. */
  status: string;
}

export type QuizAction =
  | { type: 'toggle'; index: number; multiple: boolean }
  | { type: 'confidence'; value: Exclude<Confidence, null> }
  | AnswerStep
  | { type: 'queued' }
  | { type: 'graded'; feedback: QuizFeedback; multiple: boolean }
  | { type: 'retry' };

const QUEUED_STATUS = 'Saved on this device. It will be checked and synced when you are back online.';

export const freshAttempt = (): QuizAttempt => ({
  selected: [],
  confidence: null,
  phase: 'answering',
  feedback: null,
  error: null,
  status: '',
});

export function quizAttemptReducer(s: QuizAttempt, action: QuizAction): QuizAttempt {
  switch (action.type) {
    case 'toggle': {
      if (s.phase !== 'answering') return s;
      const i = action.index;
      const selected = action.multiple ? (s.selected.includes(i) ? s.selected.filter((x) => x !== i) : [...s.selected, i].sort()) : [i];
      return { ...s, selected, error: null };
    }
    case 'confidence':
      return { ...s, confidence: action.value };
    case 'error':
    case 'saving':
    case 'refused':
      return answerStep(s, action);
    case 'queued':
      return { ...s, phase: 'queued', status: QUEUED_STATUS };
    case 'graded':
      return {
        ...s,
        feedback: action.feedback,
        phase: 'answered',
        status: action.feedback.correct
          ? 'Correct — why each option is right or wrong:'
          : `Not quite — ${action.multiple ? 'the correct answers are' : 'the correct answer is'} marked. Why each option is right or wrong:`,
      };
    case 'retry':
      // The last error stays until the next choice, as it always has.
      return { ...freshAttempt(), error: s.error };
  }
}
