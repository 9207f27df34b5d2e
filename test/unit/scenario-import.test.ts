// A teacher's import in one try (issue 15, item 2): contested rows, rows without questions or a chapter, any short
// domain, every problem listed in plain words with the row's id and the column as the file spells it, and a set
// downloaded as CSV that imports back unchanged.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { CSV_COLUMNS, parseScenarioImport } from '../../lib/learning/scenario-import';
import { answersFromLabel } from '../../lib/learning/scenario-schema';
import { EXAMPLE_SCENARIO, scenariosToCsv } from '../../components/drill/import-example';
import { getScenarioBank } from '../../lib/content/bank';

const BASE = [
  'id',
  'title',
  'domain',
  'description',
  'label',
  'training',
  'shift',
  'competence',
  'goal_pursued',
  'rationale',
  'source_kind',
  'source_ref',
  'difficulty',
  'chapter',
];
const DESCRIPTION =
  'A warehouse robot was rewarded for moving boxes to the dock. In the new warehouse the dock moved, and it stacked boxes by the old door.';
const RATIONALE = 'It still moves boxes skilfully; what it learned to aim for was a place, not the dock, which training never told apart.';

function csv(header: string[], rows: Record<string, string>[]): string {
  return Papa.unparse({ fields: header, data: rows.map((r) => header.map((h) => r[h] ?? '')) });
}

const row = (over: Record<string, string>) => ({
  id: 'warehouse-dock',
  title: 'A warehouse robot and a moved dock',
  domain: 'logistics',
  description: DESCRIPTION,
  label: 'goal-misgeneralization',
  goal_pursued: 'bring boxes to the old door',
  rationale: RATIONALE,
  source_kind: 'constructed',
  ...over,
});

describe('importing an existing bank', () => {
  it('takes a row with no questions, notes, difficulty or chapter: answers from the label, no chapter, domain as written', () => {
    const r = parseScenarioImport(csv(BASE, [row({})]), 'csv');
    expect(r.errors).toEqual([]);
    const [s] = r.scenarios;
    expect(s!.domain).toBe('logistics');
    expect(s!.chapter).toBeUndefined();
    expect(s!.difficulty).toBe('core');
    expect(Object.fromEntries(Object.entries(s!.questions).map(([q, v]) => [q, v.answer]))).toEqual({
      training: 'no',
      shift: 'yes',
      competence: 'yes',
    });
    expect(s!.questions.training.evidence).toEqual([]);
    expect(s!.questions.training.note).toBeUndefined();
  });

  it('derives "either" where the label leaves a question open, and only the agreed answers for a contested row', () => {
    expect(answersFromLabel(['specification-gaming'])).toEqual({ training: 'yes', shift: 'either', competence: 'yes' });
    expect(answersFromLabel(['goal-misgeneralization', 'capability-failure'])).toEqual({
      training: 'no',
      shift: 'either',
      competence: 'either',
    });
    const header = [...BASE, 'contested', 'acceptable', 'argument_goal_misgeneralization', 'argument_capability_failure'];
    const r = parseScenarioImport(
      csv(header, [
        row({
          contested: 'yes',
          acceptable: 'goal-misgeneralization; capability-failure',
          argument_goal_misgeneralization: 'It moves boxes with purpose, to the wrong place: a goal that fitted training.',
          argument_capability_failure: 'It may simply fail to find the dock in a layout it never saw.',
        }),
      ]),
      'csv',
    );
    expect(r.errors).toEqual([]);
    expect(r.scenarios[0]).toMatchObject({ contested: true, acceptable: ['goal-misgeneralization', 'capability-failure'] });
    expect(r.scenarios[0]!.questions.competence.answer).toBe('either');
  });

  it('lists every problem, beyond 200, each with the row id, the column as the file spells it and plain words', () => {
    const rows = Array.from({ length: 300 }, (_, i) => row({ id: `bad-row-${i}`, label: 'wrong-goal', domain: '' }));
    const r = parseScenarioImport(csv(BASE, rows), 'csv');
    expect(r.scenarios).toEqual([]);
    // Five problems a row (domain, label, and the three questions a wrong label cannot fill in), none dropped.
    expect(r.errors).toHaveLength(1500);
    expect(
      r.errors
        .filter((e) => e.row === 1)
        .map((e) => e.field)
        .sort(),
    ).toEqual(['competence', 'domain', 'label', 'shift', 'training']);
    expect(r.errors.find((e) => e.row === 1 && e.field === 'domain')).toEqual({
      row: 1,
      id: 'bad-row-0',
      field: 'domain',
      message: 'is missing',
    });
    expect(r.errors.find((e) => e.field === 'label')!.message).toBe(
      'must be one of specification-gaming, goal-misgeneralization, capability-failure',
    );
    expect(r.errors.at(-1)!.id).toBe('bad-row-299');
  });

  it('never shows the validator’s own words', () => {
    const r = parseScenarioImport(JSON.stringify([{ id: 'x-1', label: 'goal-misgeneralization', questions: 'none', source: 7 }]), 'json');
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) {
      expect(e.id).toBe('x-1');
      expect(e.message).not.toMatch(/expected|received|Invalid input/i);
    }
  });
});

describe('a set downloaded as CSV', () => {
  it('imports back unchanged: the example, contested bank cases and rows without a chapter', () => {
    const contested = [...getScenarioBank().values()].filter((s) => s.contested).slice(0, 3);
    const first = parseScenarioImport(csv(BASE, [row({})]), 'csv').scenarios;
    const scenarios = [EXAMPLE_SCENARIO, ...contested, ...[...getScenarioBank().values()].slice(0, 5), ...first];
    const text = scenariosToCsv(scenarios);
    expect(text.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    const back = parseScenarioImport(text, 'csv');
    expect(back.errors).toEqual([]);
    expect(back.scenarios).toEqual(scenarios);
    // And a second round trip gives the same bytes.
    expect(scenariosToCsv(back.scenarios)).toBe(text);
  });
});
