// The three failure modes the course tells apart, and the one rule for which label counts as right. Pure: the server,
// the browser and a guest's own progress all read labels through this file, so they cannot disagree.
import { z } from './zod';

export const FAILURE_MODES = ['specification-gaming', 'goal-misgeneralization', 'capability-failure'] as const;
export type Label = (typeof FAILURE_MODES)[number];

/** The same list, as a mutable array for code that maps over it. */
export const LABELS: Label[] = [...FAILURE_MODES];

export const LABEL_TEXT: Record<Label, string> = {
  'specification-gaming': 'Specification gaming',
  'goal-misgeneralization': 'Goal misgeneralization',
  'capability-failure': 'Capability failure',
};

export const isLabel = (v: unknown): v is Label => typeof v === 'string' && (FAILURE_MODES as readonly string[]).includes(v);

/** A form or action field holding one failure mode. */
export const labelSchema = z.enum(FAILURE_MODES, { error: 'Pick one of the three failure modes.' });

/** A zero for each failure mode, for counting. */
export const perLabel = <T>(value: () => T): Record<Label, T> => Object.fromEntries(LABELS.map((l) => [l, value()])) as Record<Label, T>;

/** What `labelCounts` reads of a scenario. */
export interface LabelTruth {
  label: Label;
  contested?: boolean;
  acceptable?: Label[];
}

/** Whether a label counts as right for a scenario: its own label, or any acceptable label of a contested case. */
export function labelCounts(truth: LabelTruth, label: string): boolean {
  return label === truth.label || Boolean(truth.contested && truth.acceptable?.includes(label as Label));
}
