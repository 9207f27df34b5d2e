// One drill session's state: where the learner is in the round, their answers so far, what the server said, and the
// status line. These change together on every step, so they are one reducer; the component keeps only the side
// effects (the idempotency key, the clock, focus). Pure.
import { answerStep, type AnswerStep } from '@/components/answer/answer-steps';
import type { PublicScenario, Scenario } from '@/lib/learning/scenario-schema';
import {
  ANSWER_TEXT,
  LABEL_TEXT,
  LABELS,
  QUESTION_TEXT,
  QUESTIONS,
  type DrillAnswer,
  type DrillResult,
  type Question,
} from '@/lib/learning/classify';

export type GroupName = Question | 'label' | 'confidence';
export type Answers = Record<GroupName, string | null>;

export interface Group {
  name: GroupName;
  legend: string;
  options: { value: string; text: string }[];
}

/**
 * The three questions about the story's evidence, in the order a careful reader asks them, then the verdict and how
 * sure the learner is. No option restates a failure mode's definition: each asks what the story says.
 */
export const DRILL_GROUPS: Group[] = [
  ...QUESTIONS.map((q) => ({
    name: q,
    legend: QUESTION_TEXT[q],
    options: (['yes', 'no'] as const).map((value) => ({ value, text: ANSWER_TEXT[q][value] })),
  })),
  { name: 'label', legend: 'So which failure is it?', options: LABELS.map((l) => ({ value: l, text: LABEL_TEXT[l] })) },
  {
    name: 'confidence',
    legend: 'How sure are you?',
    options: [
      { value: 'sure', text: 'Sure' },
      { value: 'unsure', text: 'Unsure' },
    ],
  },
];

export const EMPTY_ANSWERS: Answers = { training: null, shift: null, competence: null, label: null, confidence: null };

/** The questions still unanswered, in order. */
export const openGroups = (a: Answers): Group[] => DRILL_GROUPS.filter((g) => a[g.name] === null);

export interface DrillOutcome {
  scenarioId: string;
  answer: DrillAnswer;
  result: DrillResult;
  /** The whole case, as the server returned it with the grade. */
  truth: Scenario;
  /** The paper behind the case, if any. */
  cited?: { citation: string; url: string };
  /** A workshop scenario's author, sent with the grade. */
  author?: string;
}

type Phase = 'answering' | 'saving' | 'feedback' | 'queued' | 'finished';

export interface DrillSession {
  /** How many times the learner asked for a new order. */
  shuffles: number;
  size: number;
  /** Where this session starts in the shuffled set. */
  start: number;
  index: number;
  answers: Answers;
  phase: Phase;
  outcomes: DrillOutcome[];
  /** Answers of this session waiting on this device for the network (graded when they are sent). */
  queued: string[];
  /** The missed scenarios being practised again, instead of a slice of the set. */
  practiseList: PublicScenario[] | null;
  error: string | null;
  /** The polite live region's text. */
  status: string;
}

export interface BeginOptions {
  practise?: PublicScenario[] | null;
  start?: number;
  size?: number;
  reshuffle?: boolean;
}

export type DrillAction =
  | { type: 'choose'; name: GroupName; value: string }
  | AnswerStep
  | { type: 'queued'; scenarioId: string }
  | { type: 'graded'; outcome: DrillOutcome }
  | { type: 'next'; roundLength: number }
  | ({ type: 'begin' } & BeginOptions);

const QUEUED_STATUS = 'Saved on this device. It will be checked when you are back online; you can go on.';

export function newSession(size: number): DrillSession {
  return {
    shuffles: 0,
    size,
    start: 0,
    index: 0,
    answers: EMPTY_ANSWERS,
    phase: 'answering',
    outcomes: [],
    queued: [],
    practiseList: null,
    error: null,
    status: '',
  };
}

/** Whether the session has moved past the current scenario's last one (so `next` finishes it). */
export const isLastOfRound = (s: DrillSession, roundLength: number) => s.index + 1 >= roundLength;

export function drillSessionReducer(s: DrillSession, action: DrillAction): DrillSession {
  switch (action.type) {
    case 'choose':
      return { ...s, answers: { ...s.answers, [action.name]: action.value }, error: null };
    case 'error':
    case 'saving':
    case 'refused':
      return answerStep(s, action);
    case 'queued':
      return { ...s, queued: [...s.queued, action.scenarioId], phase: 'queued', status: QUEUED_STATUS };
    case 'graded':
      return { ...s, outcomes: [...s.outcomes, action.outcome], phase: 'feedback', status: announce(action.outcome) };
    case 'next': {
      if (s.phase !== 'feedback' && s.phase !== 'queued') return s;
      const cleared = { ...s, answers: EMPTY_ANSWERS, error: null };
      if (isLastOfRound(s, action.roundLength)) {
        const right = s.outcomes.filter((o) => o.result.correct).length;
        return { ...cleared, phase: 'finished', status: `Finished: ${right} of ${s.outcomes.length} checked answers right.` };
      }
      // Focus on the new title announces it; a live message as well would be read twice.
      return { ...cleared, index: s.index + 1, phase: 'answering', status: '' };
    }
    case 'begin':
      return {
        ...s,
        shuffles: action.reshuffle ? s.shuffles + 1 : s.shuffles,
        practiseList: action.practise ?? null,
        start: action.start ?? s.start,
        size: action.size ?? s.size,
        index: 0,
        answers: EMPTY_ANSWERS,
        outcomes: [],
        queued: [],
        error: null,
        phase: 'answering',
        status: '',
      };
  }
}

/** What the live region says after a graded answer. */
function announce({ truth: scenario, answer, result }: Pick<DrillOutcome, 'truth' | 'answer' | 'result'>): string {
  const wrong = result.wrongQuestions.map((q) => QUESTION_TEXT[q]);
  const reasons = wrong.length ? `Questions to revisit: ${wrong.join(' ')}` : 'All three questions right.';
  if (result.verdict === 'right') return `Right: ${LABEL_TEXT[scenario.label]}. ${reasons}`;
  if (result.verdict === 'defensible') return `Defensible: ${LABEL_TEXT[answer.label]} is one reading of a contested case. ${reasons}`;
  if (result.verdict === 'reason') return `Right label, but not for the right reasons. ${reasons}`;
  return `Not quite: this is ${LABEL_TEXT[scenario.label]}, not ${LABEL_TEXT[answer.label]}. ${reasons}`;
}
