import { describe, expect, it } from 'vitest';
import {
  answersFit,
  bankScenarioSchema,
  labelFromAnswers,
  readStoredScenarios,
  scenarioSchema,
  type Scenario,
} from '../../lib/learning/scenario-schema';

const TRAINED = 'An autonomous campus shuttle was trained to stop where passengers request.';
const SIGNS = 'On the training routes every stop had a sign.';
const PASSED = 'At a new stop without a sign, it drove past and pulled in at the next signed stop.';
const SMOOTH = 'Its braking and docking were as smooth as ever.';

/** A complete bank case: goal misgeneralization, every question with evidence and a note, in a family. */
function shuttle(): Record<string, unknown> {
  return {
    id: 'shuttle-unsigned-stop',
    family: 'campus-shuttle',
    title: 'A campus shuttle and a new stop',
    domain: 'driving',
    description: [TRAINED, SIGNS, PASSED, SMOOTH].join(' '),
    label: 'goal-misgeneralization',
    questions: {
      training: { answer: 'no', evidence: [TRAINED], note: 'Stopping where passengers asked is what the reward paid for.' },
      shift: { answer: 'yes', evidence: [SIGNS, PASSED], note: 'In training every stop had a sign; the new stop has none.' },
      competence: { answer: 'yes', evidence: [SMOOTH], note: 'Its driving stayed smooth and precise at the wrong place.' },
    },
    goalPursued: 'stop at stop signs',
    rationale: 'The shuttle drives well, at the wrong place; the reward had no flaw; a visible feature became the target.',
    source: { kind: 'constructed' },
    difficulty: 'intro',
    chapter: 'multi-objective-generalization',
  };
}

type Q = 'training' | 'shift' | 'competence';
function withAnswer(base: Record<string, unknown>, q: Q, patch: Record<string, unknown>): Record<string, unknown> {
  const questions = base.questions as Record<Q, Record<string, unknown>>;
  return { ...base, questions: { ...questions, [q]: { ...questions[q], ...patch } } };
}

/** Every issue as "path: message", the way the content check and the import page show them. */
function issues(schema: typeof scenarioSchema, raw: unknown): string[] {
  const r = schema.safeParse(raw);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('scenario schema', () => {
  it('accepts a complete bank case, in the bank and as an import', () => {
    expect(issues(bankScenarioSchema, shuttle())).toEqual([]);
    expect(issues(scenarioSchema, shuttle())).toEqual([]);
  });

  it('refuses evidence that is not a sentence of the description, naming the question and quoting the sentence', () => {
    const raw = withAnswer(shuttle(), 'competence', { evidence: [SMOOTH, 'It parked perfectly at every single stop.'] });
    for (const schema of [scenarioSchema, bankScenarioSchema])
      expect(issues(schema, raw)).toEqual([
        'questions.competence.evidence.1: is not a sentence of the description: "It parked perfectly at every single stop.…"',
      ]);
  });

  it('refuses evidence that only differs from the description in wording', () => {
    // A paraphrase (one word changed) would leave the learner with nothing to highlight.
    const raw = withAnswer(shuttle(), 'training', { evidence: [TRAINED.replace('request', 'ask')] });
    expect(issues(scenarioSchema, raw)).toEqual([
      expect.stringMatching(/^questions\.training\.evidence\.0: is not a sentence of the description/),
    ]);
  });

  it('refuses answers that contradict the label, saying what the label needs', () => {
    const sg = { ...shuttle(), label: 'specification-gaming', questions: { ...(shuttle().questions as object) } };
    // Specification gaming with "no, nothing unwanted paid off in training" is a contradiction.
    expect(issues(scenarioSchema, sg)).toEqual(['questions.training.answer: a specification-gaming case answers "yes" here']);
    const cf = { ...shuttle(), label: 'capability-failure' };
    expect(issues(scenarioSchema, cf)).toEqual(['questions.competence.answer: a capability-failure case answers "no" here']);
    // The shift question does not decide specification gaming: either answer fits it.
    const sgOk = withAnswer(withAnswer({ ...shuttle(), label: 'specification-gaming' }, 'training', { answer: 'yes' }), 'shift', {
      answer: 'no',
    });
    expect(issues(bankScenarioSchema, sgOk)).toEqual([]);
  });

  it('allows "either" in an import but not in the bank unless the case is contested', () => {
    const raw = withAnswer(shuttle(), 'shift', { answer: 'either' });
    expect(issues(scenarioSchema, raw)).toEqual([]);
    expect(issues(bankScenarioSchema, raw)).toEqual(['questions.shift.answer: "either" is only for contested cases']);
  });

  it('the bank requires evidence, a note and a family; imports do not', () => {
    const q = shuttle().questions as Record<Q, Record<string, unknown>>;
    const bare = { ...shuttle(), family: undefined, questions: { ...q, training: { answer: 'no' } } };
    expect(issues(scenarioSchema, bare)).toEqual([]);
    expect(issues(bankScenarioSchema, bare).sort()).toEqual([
      'family: name the contrast family this scenario belongs to',
      'questions.training.evidence: name at least one sentence of the description as evidence',
      'questions.training.note: explain the answer in a note',
    ]);
  });

  describe('contested cases', () => {
    function contested(trainingAnswer: string): Record<string, unknown> {
      return {
        ...withAnswer({ ...shuttle(), label: 'specification-gaming' }, 'training', { answer: trainingAnswer }),
        contested: true,
        acceptable: ['specification-gaming', 'goal-misgeneralization'],
        arguments: {
          'specification-gaming': 'Passengers rated rides by comfort, and the signed stops were the comfortable ones.',
          'goal-misgeneralization': 'The reward paid for requested stops; the sign was only a feature that always went with them.',
        },
      };
    }

    it('answers must fit every acceptable label: "either" where the readings differ', () => {
      expect(issues(bankScenarioSchema, contested('either'))).toEqual([]);
      // "yes" fits specification gaming but rules out the goal-misgeneralization reading.
      expect(issues(bankScenarioSchema, contested('yes'))).toEqual([
        'questions: the answers rule out "goal-misgeneralization"; answer "either" where the readings differ',
      ]);
    });

    it('needs an argument for every acceptable label and its own label among them', () => {
      const raw = { ...contested('either'), arguments: { 'specification-gaming': 'Passengers rated rides by comfort, so signs paid.' } };
      expect(issues(scenarioSchema, raw)).toEqual([
        'arguments.goal-misgeneralization: a contested case argues the case for "goal-misgeneralization"',
      ]);
      const noOwn = { ...contested('either'), acceptable: ['goal-misgeneralization', 'capability-failure'] };
      expect(issues(scenarioSchema, noOwn)).toContain(
        'acceptable: a contested case lists at least two acceptable labels, including its label',
      );
    });

    it('acceptable labels on an uncontested case are refused', () => {
      const raw = { ...shuttle(), acceptable: ['goal-misgeneralization', 'specification-gaming'] };
      expect(issues(scenarioSchema, raw)).toEqual([
        'contested: acceptable and arguments are only for contested cases (set contested: true)',
      ]);
    });
  });

  it('refuses a title or description that gives the answer away', () => {
    expect(issues(scenarioSchema, { ...shuttle(), title: 'A shuttle that found a loophole' })).toEqual([
      'title: gives the answer away (uses a word like proxy, loophole, gaming)',
    ]);
  });
});

describe('stored scenarios', () => {
  const { questions: _q, ...withoutQuestions } = shuttle();
  const legacy = {
    ...withoutQuestions,
    id: 'legacy-shuttle',
    axes: { signal: 'right', capability: 'generalized', goal: 'proxy' },
    axisNotes: {
      signal: 'Reward for stopping where passengers asked is the intended objective.',
      capability: 'Its driving and stopping were as smooth and precise as ever.',
      goal: 'Requested stops and stop signs always coincided in training.',
    },
  };

  it('reads a set saved before the redesign (axes and axisNotes) back with the three questions', () => {
    const [s, ...rest] = readStoredScenarios(JSON.stringify([legacy]));
    expect(rest).toEqual([]);
    expect(s!.questions).toEqual({
      training: { answer: 'no', evidence: [], note: 'Reward for stopping where passengers asked is the intended objective.' },
      // Whether the situation changed was never recorded, so any answer counts.
      shift: { answer: 'either', evidence: [] },
      competence: { answer: 'yes', evidence: [], note: 'Its driving and stopping were as smooth and precise as ever.' },
    });
    expect(s).not.toHaveProperty('axes');
    expect(s).not.toHaveProperty('axisNotes');
    expect(s!.title).toBe('A campus shuttle and a new stop');
  });

  it('reads a legacy specification-gaming and capability-failure case with the answers their labels need', () => {
    const sg = { ...legacy, label: 'specification-gaming', axes: { signal: 'wrong', capability: 'generalized', goal: 'literal' } };
    const cf = { ...legacy, id: 'cf-case', label: 'capability-failure', axes: { signal: 'right', capability: 'failed', goal: 'none' } };
    const [a, b] = readStoredScenarios(JSON.stringify([sg, cf]));
    expect(a!.questions.training.answer).toBe('yes');
    expect(b!.questions.competence.answer).toBe('no');
    expect(b!.questions.training.answer).toBe('no');
  });

  it('drops unreadable items and keeps the rest; unreadable JSON gives an empty set', () => {
    const out: Scenario[] = readStoredScenarios(JSON.stringify([{ id: 'broken' }, shuttle(), legacy]));
    expect(out.map((s) => s.id)).toEqual(['shuttle-unsigned-stop', 'legacy-shuttle']);
    expect(readStoredScenarios('{not json')).toEqual([]);
    expect(readStoredScenarios(JSON.stringify({ id: 'not-a-list' }))).toEqual([]);
  });
});

describe('labels from answers', () => {
  it('each failure mode is exactly one pattern of answers', () => {
    expect(labelFromAnswers({ training: 'yes', shift: 'no', competence: 'yes' })).toBe('specification-gaming');
    expect(labelFromAnswers({ training: 'yes', shift: 'yes', competence: 'yes' })).toBe('specification-gaming');
    expect(labelFromAnswers({ training: 'no', shift: 'yes', competence: 'yes' })).toBe('goal-misgeneralization');
    expect(labelFromAnswers({ training: 'no', shift: 'yes', competence: 'no' })).toBe('capability-failure');
    expect(labelFromAnswers({ training: 'no', shift: 'no', competence: 'no' })).toBe('capability-failure');
  });

  it('answers that fit no failure mode point to none', () => {
    // Nothing unwanted paid off and nothing changed, yet it acted skilfully: no failure mode explains that.
    expect(labelFromAnswers({ training: 'no', shift: 'no', competence: 'yes' })).toBeNull();
    // It paid off in training, but the actions fall apart: neither gaming (needs skill) nor the others (need "no").
    expect(labelFromAnswers({ training: 'yes', shift: 'yes', competence: 'no' })).toBeNull();
  });

  it('"either" fits every label on that question', () => {
    expect(answersFit('goal-misgeneralization', { training: 'either', shift: 'yes', competence: 'yes' })).toBe(true);
    expect(answersFit('specification-gaming', { training: 'either', shift: 'yes', competence: 'yes' })).toBe(true);
    expect(answersFit('capability-failure', { training: 'either', shift: 'yes', competence: 'yes' })).toBe(false);
  });
});
