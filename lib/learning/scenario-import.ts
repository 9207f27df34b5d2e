// Parses a scenario set a teacher or learner uploads (JSON or CSV, in the scenario-bank schema). Pure: valid
// rows are returned, every invalid row is reported by row number and field.
import Papa from 'papaparse';
import { scenarioSchema, type Scenario } from '../content/scenarios';

export interface ImportError {
  row: number; // 1-based data row (CSV: not counting the header; JSON: array index + 1)
  field: string;
  message: string;
}

export interface ImportResult {
  scenarios: Scenario[];
  errors: ImportError[];
}

export const MAX_IMPORT_ROWS = 500;

export const CSV_COLUMNS = [
  'id',
  'title',
  'domain',
  'description',
  'label',
  'signal',
  'capability',
  'goal',
  'signal_note',
  'capability_note',
  'goal_note',
  'goal_pursued',
  'rationale',
  'source_kind',
  'source_ref',
  'difficulty',
  'chapter',
  'contested',
  'acceptable',
  'argument_specification_gaming',
  'argument_goal_misgeneralization',
  'argument_capability_failure',
] as const;

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A flat CSV row into the nested scenario shape (empty cells become missing fields). */
export function csvRowToScenario(r: Record<string, string | undefined>): unknown {
  const contested = blank(r.contested);
  const isContested = typeof contested === 'string' ? /^(true|yes|1)$/i.test(contested.trim()) : false;
  const args: Record<string, string> = {};
  for (const l of ['specification-gaming', 'goal-misgeneralization', 'capability-failure']) {
    const v = blank(r[`argument_${l.replace(/-/g, '_')}`]);
    if (typeof v === 'string') args[l] = v;
  }
  const acceptable = blank(r.acceptable);
  return {
    id: blank(r.id),
    title: blank(r.title),
    domain: blank(r.domain),
    description: blank(r.description),
    label: blank(r.label),
    axes: { signal: blank(r.signal), capability: blank(r.capability), goal: blank(r.goal) },
    axisNotes: { signal: blank(r.signal_note), capability: blank(r.capability_note), goal: blank(r.goal_note) },
    goalPursued: blank(r.goal_pursued),
    rationale: blank(r.rationale),
    source: blank(r.source_kind) === 'paper' ? { kind: 'paper', ref: blank(r.source_ref) } : { kind: blank(r.source_kind) ?? 'constructed' },
    difficulty: blank(r.difficulty),
    chapter: blank(r.chapter),
    ...(isContested
      ? {
          contested: true,
          acceptable: typeof acceptable === 'string' ? acceptable.split(/[;|]/).map((s) => s.trim()).filter(Boolean) : undefined,
          arguments: args,
        }
      : {}),
  };
}

const CSV_FIELD: Record<string, string> = {
  'axes.signal': 'signal',
  'axes.capability': 'capability',
  'axes.goal': 'goal',
  'axisNotes.signal': 'signal_note',
  'axisNotes.capability': 'capability_note',
  'axisNotes.goal': 'goal_note',
  goalPursued: 'goal_pursued',
  'source.kind': 'source_kind',
  'source.ref': 'source_ref',
};

function validateRows(rows: unknown[], format: 'json' | 'csv'): ImportResult {
  const scenarios: Scenario[] = [];
  const errors: ImportError[] = [];
  const seen = new Set<string>();
  if (rows.length > MAX_IMPORT_ROWS) {
    return { scenarios, errors: [{ row: 0, field: '', message: `A set can hold at most ${MAX_IMPORT_ROWS} scenarios; this file has ${rows.length}.` }] };
  }
  rows.forEach((raw, i) => {
    const parsed = scenarioSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.join('.');
        errors.push({ row: i + 1, field: format === 'csv' ? (CSV_FIELD[field] ?? field.split('.')[0] ?? field) : field, message: issue.message });
      }
      return;
    }
    if (seen.has(parsed.data.id)) {
      errors.push({ row: i + 1, field: 'id', message: `the id "${parsed.data.id}" appears twice in this file` });
      return;
    }
    seen.add(parsed.data.id);
    scenarios.push(parsed.data);
  });
  return { scenarios, errors };
}

export function parseScenarioImport(text: string, format: 'json' | 'csv'): ImportResult {
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      return { scenarios: [], errors: [{ row: 0, field: '', message: `This is not valid JSON: ${(e as Error).message}` }] };
    }
    const rows = Array.isArray(data) ? data : (data as { scenarios?: unknown })?.scenarios;
    if (!Array.isArray(rows)) return { scenarios: [], errors: [{ row: 0, field: '', message: 'Expected a JSON array of scenarios (or {"scenarios": [...]}).' }] };
    return validateRows(rows, 'json');
  }
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const missing = CSV_COLUMNS.slice(0, 17).filter((c) => !parsed.meta.fields?.includes(c));
  if (missing.length) {
    return { scenarios: [], errors: [{ row: 0, field: missing.join(', '), message: `The CSV header is missing these columns: ${missing.join(', ')}.` }] };
  }
  const structural = parsed.errors.map((e) => ({ row: (e.row ?? -1) + 1, field: '', message: e.message }));
  const result = validateRows(parsed.data.map(csvRowToScenario), 'csv');
  return { scenarios: result.scenarios, errors: [...structural, ...result.errors] };
}
