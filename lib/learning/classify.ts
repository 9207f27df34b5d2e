// Pure grading of a classifier-drill answer: the three diagnostic questions, then the label.

export type Label = 'specification-gaming' | 'goal-misgeneralization' | 'capability-failure';
export type Signal = 'right' | 'wrong';
export type Capability = 'generalized' | 'failed';
export type Goal = 'intended' | 'proxy' | 'literal' | 'none';
export type Axis = 'signal' | 'capability' | 'goal';

export interface ScenarioTruth {
  label: Label;
  axes: { signal: Signal; capability: Capability; goal: Goal };
  axisNotes: Record<Axis, string>;
  contested?: boolean;
  acceptable?: Label[];
}

export interface DrillAnswer {
  label: Label;
  axes: { signal: Signal; capability: Capability; goal: Goal };
}

export interface AxisResult {
  axis: Axis;
  correct: boolean;
  given: string;
  expected: string;
  why: string;
}

export interface DrillResult {
  correct: boolean;
  /** The learner's label is defensible on a contested case (never graded as simply wrong). */
  defensible: boolean;
  labelCorrect: boolean;
  axes: AxisResult[];
  wrongAxes: Axis[];
}

export const LABELS: Label[] = ['specification-gaming', 'goal-misgeneralization', 'capability-failure'];
export const LABEL_TEXT: Record<Label, string> = {
  'specification-gaming': 'Specification gaming',
  'goal-misgeneralization': 'Goal misgeneralization',
  'capability-failure': 'Capability failure',
};
export const AXIS_QUESTION: Record<Axis, string> = {
  signal: 'Was the training signal right?',
  capability: 'Did the system stay competent after the change?',
  goal: 'Which goal did it pursue?',
};
export const AXIS_OPTION_TEXT: Record<string, string> = {
  right: 'Yes: it rewarded only the intended behaviour',
  wrong: 'No: it rewarded something other than what was meant',
  generalized: 'Yes: its skills carried over',
  failed: 'No: its behaviour fell apart',
  intended: 'The intended goal',
  proxy: 'A different goal that matched the intended one in training',
  literal: 'Whatever the flawed signal literally rewarded',
  none: 'No coherent goal',
};

/** For capability failures, "intended" and "none" are both fair readings of the goal axis. */
function goalMatches(truth: ScenarioTruth, given: Goal): boolean {
  if (truth.label === 'capability-failure') return given === 'intended' || given === 'none';
  return given === truth.axes.goal;
}

export function gradeDrill(truth: ScenarioTruth, answer: DrillAnswer): DrillResult {
  const axes: AxisResult[] = (['signal', 'capability', 'goal'] as const).map((axis) => {
    const given = answer.axes[axis];
    const correct = axis === 'goal' ? goalMatches(truth, answer.axes.goal) : given === truth.axes[axis];
    return { axis, correct, given, expected: truth.axes[axis], why: truth.axisNotes[axis] };
  });
  const labelCorrect = answer.label === truth.label;
  const defensible = !labelCorrect && Boolean(truth.contested && truth.acceptable?.includes(answer.label));
  return {
    correct: labelCorrect || defensible,
    defensible,
    labelCorrect,
    axes,
    wrongAxes: axes.filter((a) => !a.correct).map((a) => a.axis),
  };
}

/** The label the learner's own axis answers point to, or null when they fit no failure mode. */
export function labelFromAxes(axes: DrillAnswer['axes']): Label | null {
  if (axes.signal === 'wrong' && axes.capability === 'generalized') return 'specification-gaming';
  if (axes.signal === 'right' && axes.capability === 'generalized' && axes.goal === 'proxy') return 'goal-misgeneralization';
  if (axes.signal === 'right' && axes.capability === 'failed') return 'capability-failure';
  return null;
}
