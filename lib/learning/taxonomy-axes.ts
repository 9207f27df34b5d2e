// The three axes of chapter 0's taxonomy, in one vocabulary for the taxonomy widget and for scenario sets stored
// before the drill's questions were redesigned (they carry `axes` answered in these words). Pure.
import type { Question } from './scenario-schema';

type Signal = 'right' | 'wrong';
/** Whether the system's skills carried over to where it failed. */
type Capability = 'generalized' | 'failed';
type Goal = 'intended' | 'literal' | 'proxy';

export interface AxisAnswers {
  signal: Signal;
  capability: Capability;
  goal: Goal;
}

/**
 * How an axis answer reads as one of the drill's questions: a wrong signal means the behaviour paid off in training;
 * generalized capability means it still acted skilfully. The goal axis has no question of its own.
 */
export const AXIS_AS_QUESTION = {
  signal: { question: 'training', yes: 'wrong', no: 'right' },
  capability: { question: 'competence', yes: 'generalized', no: 'failed' },
} as const satisfies Partial<Record<keyof AxisAnswers, { question: Question; yes: string; no: string }>>;
