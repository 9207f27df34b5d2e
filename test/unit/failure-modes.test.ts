// The failure-mode list and the taxonomy's words each live once in lib/learning; these check that what is built
// from them (the classify quizzes' choices, the CSV columns, the taxonomy widget, the old stored sets) agrees.
import { describe, expect, it } from 'vitest';
import { FAILURE_MODES as WIDGET_MODES, CAPABILITY_AXIS, SIGNAL_AXIS } from '../../components/widgets/taxonomy/taxonomy-data';
import { EXAMPLE_CSV, EXAMPLE_SCENARIO } from '../../components/drill/import-example';
import { CLASSIFY_CHOICES } from '../../lib/content/registry-names';
import { FAILURE_MODES, LABEL_TEXT, labelSchema } from '../../lib/learning/failure-modes';
import { CSV_COLUMNS, argumentColumn } from '../../lib/learning/scenario-import';
import { ANSWERS_FOR, scenarioSchema } from '../../lib/learning/scenario-schema';
import { AXIS_AS_QUESTION } from '../../lib/learning/taxonomy-axes';

describe('the failure-mode list', () => {
  it('names the classify quizzes’ choices, in order', () => {
    expect(CLASSIFY_CHOICES).toEqual(FAILURE_MODES.map((l) => LABEL_TEXT[l]));
  });

  it('gives each failure mode its argument column in the import format and the downloadable example', () => {
    const header = EXAMPLE_CSV.split(/\r?\n/)[0]!.split(',');
    for (const l of FAILURE_MODES) {
      expect(CSV_COLUMNS).toContain(argumentColumn(l));
      expect(header).toContain(argumentColumn(l));
    }
  });

  it('refuses anything else with words a learner can act on', () => {
    expect(labelSchema.safeParse('goal-misgeneralization').success).toBe(true);
    expect(labelSchema.safeParse('reward-hacking').error?.issues[0]?.message).toBe('Pick one of the three failure modes.');
  });
});

describe('the taxonomy’s words', () => {
  it('are the ones the widget offers', () => {
    expect(SIGNAL_AXIS.options.map((o) => o.value)).toEqual([AXIS_AS_QUESTION.signal.no, AXIS_AS_QUESTION.signal.yes]);
    expect(CAPABILITY_AXIS.options.map((o) => o.value)).toEqual([AXIS_AS_QUESTION.capability.yes, AXIS_AS_QUESTION.capability.no]);
  });

  it('give each mode in the widget the answers the drill requires of it', () => {
    for (const mode of WIDGET_MODES) {
      const { signal, capability } = mode.signature;
      const need = ANSWERS_FOR[mode.id];
      expect(signal === AXIS_AS_QUESTION.signal.yes ? 'yes' : 'no', `${mode.id}: training`).toBe(need.training);
      if (need.competence)
        expect(capability === AXIS_AS_QUESTION.capability.yes ? 'yes' : 'no', `${mode.id}: competence`).toBe(need.competence);
    }
  });

  it('read a set stored in the widget’s words before the questions were redesigned', () => {
    const gmg = WIDGET_MODES.find((m) => m.id === 'goal-misgeneralization')!;
    const { questions: _q, ...rest } = EXAMPLE_SCENARIO;
    const parsed = scenarioSchema.safeParse({ ...rest, axes: gmg.signature });
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.data?.questions.training.answer).toBe('no');
    expect(parsed.data?.questions.competence.answer).toBe('yes');
  });
});
