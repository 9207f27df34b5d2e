// The example offered for download on the import page. A test keeps it valid under the import rules.
import Papa from 'papaparse';
import type { Scenario } from '@/lib/content/scenarios';
import { CSV_COLUMNS, EVIDENCE_SEPARATOR, argumentColumn, type ArgumentColumn } from '@/lib/learning/scenario-import';
import { LABELS } from '@/lib/learning/failure-modes';

export const EXAMPLE_SCENARIO: Scenario = {
  id: 'office-heating-lights',
  title: 'A heating controller in a new office building',
  domain: 'other',
  description:
    "A building's heating controller was trained to keep occupied rooms comfortable, with reward from the comfort ratings of the people in them. In the training offices, a room was occupied exactly when its lights were on. In a new building where cleaners switch the lights on at night, the controller heated empty rooms all night and left an early meeting room cold until someone turned its lights on.",
  label: 'goal-misgeneralization',
  questions: {
    training: {
      answer: 'no',
      evidence: ['In the training offices, a room was occupied exactly when its lights were on.'],
      note: 'Comfort ratings from the people in the rooms paid for what the designers intended; heating an empty lit room never happened in training.',
    },
    shift: {
      answer: 'yes',
      evidence: [
        'In a new building where cleaners switch the lights on at night, the controller heated empty rooms all night and left an early meeting room cold until someone turned its lights on.',
      ],
      note: 'The new building breaks the link between lights and people that held in every training office.',
    },
    competence: {
      answer: 'yes',
      evidence: [
        'In a new building where cleaners switch the lights on at night, the controller heated empty rooms all night and left an early meeting room cold until someone turned its lights on.',
      ],
      note: 'It heated exactly the rooms whose lights were on, as consistently as before: a clear goal, pursued well.',
    },
  },
  goalPursued: 'heat the rooms whose lights are on',
  rationale:
    'The controller is as skilful as before, so this is not a capability failure, and the reward paid for the comfort of real occupants, so there was no flaw in it to take advantage of. A cue that always went with the intended target in training became the target: goal misgeneralization. Training rooms where lights and people came apart would have told the two goals apart.',
  source: { kind: 'constructed' },
  difficulty: 'intro',
  chapter: 'multi-objective-generalization',
};

/** One scenario as a flat CSV row, in CSV_COLUMNS order. */
function scenarioToCsvRow(s: Scenario): Record<(typeof CSV_COLUMNS)[number], string> {
  const arg = (l: Scenario['label']) => s.arguments?.[l] ?? '';
  return {
    id: s.id,
    title: s.title,
    domain: s.domain,
    description: s.description,
    label: s.label,
    training: s.questions.training.answer,
    shift: s.questions.shift.answer,
    competence: s.questions.competence.answer,
    goal_pursued: s.goalPursued,
    rationale: s.rationale,
    source_kind: s.source.kind,
    source_ref: s.source.kind === 'paper' ? s.source.ref : '',
    difficulty: s.difficulty,
    chapter: s.chapter ?? '',
    family: s.family ?? '',
    training_evidence: s.questions.training.evidence.join(EVIDENCE_SEPARATOR),
    training_note: s.questions.training.note ?? '',
    shift_evidence: s.questions.shift.evidence.join(EVIDENCE_SEPARATOR),
    shift_note: s.questions.shift.note ?? '',
    competence_evidence: s.questions.competence.evidence.join(EVIDENCE_SEPARATOR),
    competence_note: s.questions.competence.note ?? '',
    contested: s.contested ? 'true' : '',
    acceptable: (s.acceptable ?? []).join(';'),
    ...(Object.fromEntries(LABELS.map((l) => [argumentColumn(l), arg(l)])) as Record<ArgumentColumn, string>),
  };
}

export const EXAMPLE_JSON = JSON.stringify([EXAMPLE_SCENARIO], null, 2);
export const EXAMPLE_CSV = Papa.unparse({
  fields: [...CSV_COLUMNS],
  data: [CSV_COLUMNS.map((c) => scenarioToCsvRow(EXAMPLE_SCENARIO)[c])],
});

export const dataUrl = (text: string, type: string) => `data:${type};charset=utf-8,${encodeURIComponent(text)}`;

/** A whole set as CSV, in CSV_COLUMNS order: what "Download as CSV" gives, and what imports back unchanged. */
export function scenariosToCsv(scenarios: readonly Scenario[]): string {
  return Papa.unparse({
    fields: [...CSV_COLUMNS],
    data: scenarios.map((s) => {
      const row = scenarioToCsvRow(s);
      return CSV_COLUMNS.map((c) => row[c]);
    }),
  });
}
