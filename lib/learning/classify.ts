// Pure grading of a classifier-drill answer: each of the three diagnostic questions on its own, then the label.
// A right label given for a wrong reason is not counted as understood.
import { LABELS, LABEL_TEXT, labelCounts } from './failure-modes';
import { parseDrillResponse, type StoredDrillResponse } from './stored-response';
import {
  ANSWER_TEXT,
  QUESTIONS,
  QUESTION_SHORT,
  QUESTION_TEXT,
  labelFromAnswers,
  type AuthoredAnswer,
  type Label,
  type Question,
  type QuestionAnswer,
  type Scenario,
} from './scenario-schema';

export { ANSWER_TEXT, LABELS, LABEL_TEXT, QUESTIONS, QUESTION_SHORT, QUESTION_TEXT, labelCounts, labelFromAnswers };
export type { Label, Question, QuestionAnswer };
export { parseDrillResponse };

export type ScenarioTruth = Pick<Scenario, 'label' | 'questions' | 'contested' | 'acceptable'>;

export interface DrillAnswer {
  label: Label;
  answers: Record<Question, QuestionAnswer>;
}

interface QuestionResult {
  question: Question;
  correct: boolean;
  given: QuestionAnswer;
  expected: AuthoredAnswer;
  note: string | null;
  evidence: string[];
}

/** right: label and reasons; defensible: one reading of a contested case; reason: right label, a wrong reason; wrong. */
type Verdict = 'right' | 'defensible' | 'reason' | 'wrong';

export interface DrillResult {
  /** Understood: the label is right (or defensible) and every question was answered right. */
  correct: boolean;
  verdict: Verdict;
  labelCorrect: boolean;
  /** The learner's label is defensible on a contested case (never graded as simply wrong). */
  defensible: boolean;
  questions: QuestionResult[];
  wrongQuestions: Question[];
}

export function gradeDrill(truth: ScenarioTruth, answer: DrillAnswer): DrillResult {
  const questions: QuestionResult[] = QUESTIONS.map((q) => {
    const authored = truth.questions[q];
    const given = answer.answers[q];
    return {
      question: q,
      correct: authored.answer === 'either' || authored.answer === given,
      given,
      expected: authored.answer,
      note: authored.note ?? null,
      evidence: authored.evidence,
    };
  });
  const labelCorrect = answer.label === truth.label;
  const defensible = !labelCorrect && labelCounts(truth, answer.label);
  const wrongQuestions = questions.filter((r) => !r.correct).map((r) => r.question);
  const labelOk = labelCorrect || defensible;
  const verdict: Verdict = !labelOk ? 'wrong' : wrongQuestions.length ? 'reason' : labelCorrect ? 'right' : 'defensible';
  return { correct: labelOk && wrongQuestions.length === 0, verdict, labelCorrect, defensible, questions, wrongQuestions };
}
