// Pure grading of a classifier-drill answer: each of the three diagnostic questions on its own, then the label.
// A right label given for a wrong reason is not counted as understood.
import {
  ANSWER_TEXT,
  FAILURE_MODES,
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

export { ANSWER_TEXT, QUESTIONS, QUESTION_SHORT, QUESTION_TEXT, labelFromAnswers };
export type { Label, Question, QuestionAnswer };

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

export const LABELS: Label[] = [...FAILURE_MODES];
export const LABEL_TEXT: Record<Label, string> = {
  'specification-gaming': 'Specification gaming',
  'goal-misgeneralization': 'Goal misgeneralization',
  'capability-failure': 'Capability failure',
};

/** Whether a label counts as right for a scenario: its own label, or any acceptable label of a contested case. */
export function labelCounts(truth: Pick<Scenario, 'label' | 'contested' | 'acceptable'>, label: string): boolean {
  return label === truth.label || Boolean(truth.contested && truth.acceptable?.includes(label as Label));
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

/** The stored response of a drill attempt: the label, each question's answer, and the case's label at the time. */
export interface StoredDrillResponse {
  label: Label;
  answers?: Record<Question, QuestionAnswer>;
  wrong?: Question[];
  truth?: Label;
}

/** Reads a stored drill response (also those stored before the questions were redesigned); null when unreadable. */
export function parseDrillResponse(json: string): StoredDrillResponse | null {
  let r: unknown;
  try {
    r = JSON.parse(json);
  } catch {
    return null;
  }
  if (!r || typeof r !== 'object') return null;
  const o = r as Record<string, unknown>;
  if (typeof o.label !== 'string' || !(LABELS as string[]).includes(o.label)) return null;
  const answers = o.answers && typeof o.answers === 'object' ? (o.answers as Record<Question, QuestionAnswer>) : undefined;
  const wrong = Array.isArray(o.wrong) ? (o.wrong.filter((q) => (QUESTIONS as readonly unknown[]).includes(q)) as Question[]) : undefined;
  const truth = typeof o.truth === 'string' && (LABELS as string[]).includes(o.truth) ? (o.truth as Label) : undefined;
  return { label: o.label as Label, answers, wrong, truth };
}
