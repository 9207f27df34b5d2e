// Parses a scenario set a teacher or learner uploads (JSON or CSV, in the scenario-bank schema). Pure: valid
// rows are returned, every invalid row is reported by row number and field.
import Papa from 'papaparse';
import { LABELS, type Label } from './failure-modes';
import { QUESTIONS, scenarioSchema, type Scenario } from './scenario-schema';

export interface ImportError {
  row: number; // 1-based data row (CSV: not counting the header; JSON: array index + 1)
  /** The row's own id, when it has one, so the author can find it however the file is sorted. */
  id?: string;
  /** The column (CSV) or field path (JSON) as the file spells it. */
  field: string;
  /** Plain words: "label must be one of …", "is missing"; never the validator's own text. */
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
  'training',
  'shift',
  'competence',
  'goal_pursued',
  'rationale',
  'source_kind',
  'source_ref',
  'difficulty',
  'chapter',
  'family',
  'training_evidence',
  'training_note',
  'shift_evidence',
  'shift_note',
  'competence_evidence',
  'competence_note',
  'contested',
  'acceptable',
  'argument_specification_gaming',
  'argument_goal_misgeneralization',
  'argument_capability_failure',
] as const;

/** Columns a CSV must have; the rest may be left out or empty. Sets written before the questions were redesigned use signal/capability/goal instead of training/shift/competence. */
const REQUIRED = [
  'id',
  'title',
  'domain',
  'description',
  'label',
  'goal_pursued',
  'rationale',
  'source_kind',
  'source_ref',
  'difficulty',
  'chapter',
] as const;
const QUESTION_COLUMNS = ['training', 'shift', 'competence'] as const;
const LEGACY_COLUMNS = ['signal', 'capability', 'goal'] as const;

/** Several evidence sentences share one CSV cell, separated by a vertical bar. */
export const EVIDENCE_SEPARATOR = ' | ';

/** The CSV column holding the case for one reading of a contested scenario: argument_goal_misgeneralization. */
export type ArgumentColumn = Extract<(typeof CSV_COLUMNS)[number], `argument_${string}`>;
export const argumentColumn = (l: Label) => `argument_${l.replace(/-/g, '_')}` as ArgumentColumn;

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A flat CSV row into the nested scenario shape (empty cells become missing fields). */
function csvRowToScenario(r: Record<string, string | undefined>): unknown {
  const contested = blank(r.contested);
  const isContested = typeof contested === 'string' ? /^(true|yes|1)$/i.test(contested.trim()) : false;
  const args: Record<string, string> = {};
  for (const l of LABELS) {
    const v = blank(r[argumentColumn(l)]);
    if (typeof v === 'string') args[l] = v;
  }
  const acceptable = blank(r.acceptable);
  const legacy = r.training === undefined && r.signal !== undefined;
  const questionOf = (q: (typeof QUESTIONS)[number]) => {
    const evidence = blank(r[`${q}_evidence`]);
    const note = blank(r[`${q}_note`]);
    return {
      answer: blank(r[q]),
      evidence:
        typeof evidence === 'string'
          ? evidence
              .split('|')
              .map((e) => e.trim())
              .filter(Boolean)
          : [],
      ...(note !== undefined ? { note } : {}),
    };
  };
  return {
    id: blank(r.id),
    ...(blank(r.family) !== undefined ? { family: blank(r.family) } : {}),
    title: blank(r.title),
    domain: blank(r.domain),
    description: blank(r.description),
    label: blank(r.label),
    ...(legacy
      ? {
          axes: { signal: blank(r.signal), capability: blank(r.capability), goal: blank(r.goal) },
          axisNotes: { signal: blank(r.signal_note), capability: blank(r.capability_note), goal: blank(r.goal_note) },
        }
      : { questions: Object.fromEntries(QUESTIONS.map((q) => [q, questionOf(q)])) }),
    goalPursued: blank(r.goal_pursued),
    rationale: blank(r.rationale),
    source:
      blank(r.source_kind) === 'paper' ? { kind: 'paper', ref: blank(r.source_ref) } : { kind: blank(r.source_kind) ?? 'constructed' },
    difficulty: blank(r.difficulty),
    chapter: blank(r.chapter),
    ...(isContested
      ? {
          contested: true,
          acceptable:
            typeof acceptable === 'string'
              ? acceptable
                  .split(/[;|]/)
                  .map((s) => s.trim())
                  .filter(Boolean)
              : undefined,
          arguments: args,
        }
      : {}),
  };
}

const CSV_FIELD: Record<string, string> = {
  goalPursued: 'goal_pursued',
  'source.kind': 'source_kind',
  'source.ref': 'source_ref',
  'axes.signal': 'signal',
  'axes.capability': 'capability',
};

/** The CSV column a validation path belongs to (questions.training.answer -> training, .evidence.0 -> training_evidence). */
function csvField(field: string): string {
  const q = /^questions\.(training|shift|competence)\.(answer|evidence|note)/.exec(field);
  if (q) return q[2] === 'answer' ? q[1]! : `${q[1]}_${q[2]}`;
  const arg = /^arguments\.([a-z-]+)/.exec(field);
  if (arg) return `argument_${arg[1]!.replace(/-/g, '_')}`;
  if (field === 'questions') return 'training, shift, competence';
  if (field === 'source') return 'source_kind';
  return CSV_FIELD[field] ?? field.split('.')[0] ?? field;
}

/** zod's own wording ("Invalid input: expected object, received undefined") in plain words. */
function plainMessage(issue: { code: string; message: string; input?: unknown }): string {
  const m = issue.message;
  if (issue.code === 'invalid_type' || /^Invalid input|expected .* received/i.test(m)) {
    if (issue.input === undefined || issue.input === null || /received (undefined|null)/.test(m)) return 'is missing';
    return /^Invalid input|expected .* received/i.test(m) ? 'has a value of the wrong kind (see the format below)' : m;
  }
  if (issue.code === 'unrecognized_keys') return 'has a field this format does not know';
  if (/^Invalid /.test(m)) return 'has a value this format does not accept (see the format below)';
  return m;
}

const rowId = (raw: unknown): string | undefined => {
  const id = raw && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.trim() ? id.trim().slice(0, 120) : undefined;
};

function validateRows(rows: unknown[], format: 'json' | 'csv'): ImportResult {
  const scenarios: Scenario[] = [];
  const errors: ImportError[] = [];
  const seen = new Set<string>();
  if (rows.length > MAX_IMPORT_ROWS) {
    return {
      scenarios,
      errors: [{ row: 0, field: '', message: `A set can hold at most ${MAX_IMPORT_ROWS} scenarios; this file has ${rows.length}.` }],
    };
  }
  rows.forEach((raw, i) => {
    const parsed = scenarioSchema.safeParse(raw);
    if (!parsed.success) {
      const id = rowId(raw);
      for (const issue of parsed.error.issues) {
        const field = issue.path.join('.');
        errors.push({ row: i + 1, ...(id ? { id } : {}), field: format === 'csv' ? csvField(field) : field, message: plainMessage(issue) });
      }
      return;
    }
    if (seen.has(parsed.data.id)) {
      errors.push({ row: i + 1, id: parsed.data.id, field: 'id', message: `the id "${parsed.data.id}" appears twice in this file` });
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
    if (!Array.isArray(rows))
      return { scenarios: [], errors: [{ row: 0, field: '', message: 'Expected a JSON array of scenarios (or {"scenarios": [...]}).' }] };
    return validateRows(rows, 'json');
  }
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const fields = parsed.meta.fields ?? [];
  const questionCols = fields.includes('signal') && !fields.includes('training') ? LEGACY_COLUMNS : QUESTION_COLUMNS;
  const missing = [...REQUIRED, ...questionCols].filter((c) => !fields.includes(c));
  if (missing.length) {
    return {
      scenarios: [],
      errors: [{ row: 0, field: missing.join(', '), message: `The CSV header is missing these columns: ${missing.join(', ')}.` }],
    };
  }
  const structural = parsed.errors.map((e) => ({ row: (e.row ?? -1) + 1, field: '', message: e.message }));
  const result = validateRows(parsed.data.map(csvRowToScenario), 'csv');
  return { scenarios: result.scenarios, errors: [...structural, ...result.errors] };
}
