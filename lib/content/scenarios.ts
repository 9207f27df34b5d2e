import fs from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { bankScenarioSchema, type Scenario } from '../learning/scenario-schema';

export { CHAPTER_SLUGS, DIFFICULTIES, DOMAINS, type Scenario } from '../learning/scenario-schema';
export interface ScenarioIssue {
  file: string;
  line: number;
  field: string;
  message: string;
}

function lineAt(text: string, offset: number | undefined): number {
  return offset === undefined ? 1 : text.slice(0, offset).split('\n').length;
}

/** The line of a field inside the n-th list item, falling back to the item's own line. */
function fieldLine(doc: Document, text: string, index: number, pathParts: (string | number)[]): number {
  const item = isSeq(doc.contents) ? doc.contents.items[index] : undefined;
  let node: unknown = item;
  let best = (item as { range?: [number] } | undefined)?.range?.[0];
  for (const p of pathParts) {
    if (!isMap(node) && !isSeq(node)) break;
    const next = (node as { get: (k: unknown, keep: boolean) => unknown }).get(p, true);
    if (!next) {
      const pair = isMap(node) ? node.items.find((it) => (it.key as { value?: unknown })?.value === p) : undefined;
      best = (pair?.key as { range?: [number] } | undefined)?.range?.[0] ?? best;
      break;
    }
    node = next;
    best = (next as { range?: [number] }).range?.[0] ?? best;
  }
  return lineAt(text, best);
}

/** Parses scenario YAML (a list) and validates every item; invalid items are reported and left out. */
function parseScenarioYaml(text: string, file: string): { scenarios: Scenario[]; issues: ScenarioIssue[] } {
  const doc = parseDocument(text, { prettyErrors: false });
  const issues: ScenarioIssue[] = doc.errors.map((e) => ({ file, line: lineAt(text, e.pos[0]), field: '', message: e.message }));
  if (doc.errors.length) return { scenarios: [], issues };
  const data = doc.toJS() as unknown;
  if (!Array.isArray(data)) return { scenarios: [], issues: [{ file, line: 1, field: '', message: 'a scenario file is a YAML list of scenarios' }] };
  const scenarios: Scenario[] = [];
  data.forEach((raw, i) => {
    const parsed = bankScenarioSchema.safeParse(raw);
    if (parsed.success) scenarios.push(parsed.data);
    else
      for (const issue of parsed.error.issues) {
        const id = (raw as { id?: unknown })?.id;
        issues.push({
          file,
          line: fieldLine(doc, text, i, issue.path as (string | number)[]),
          field: issue.path.join('.'),
          message: `${typeof id === 'string' ? `scenario "${id}"` : `scenario ${i + 1}`}: ${issue.path.join('.') || 'item'}: ${issue.message}`,
        });
      }
  });
  return { scenarios, issues };
}

export function loadScenarioBank(dir = path.join(process.cwd(), 'content', 'scenarios')): { scenarios: Scenario[]; issues: ScenarioIssue[] } {
  const scenarios: Scenario[] = [];
  const issues: ScenarioIssue[] = [];
  const seen = new Map<string, string>();
  if (!fs.existsSync(dir)) return { scenarios, issues };
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const file = path.join(dir, f);
    const rel = path.relative(process.cwd(), file);
    const r = parseScenarioYaml(fs.readFileSync(file, 'utf8'), rel);
    issues.push(...r.issues);
    for (const s of r.scenarios) {
      if (seen.has(s.id)) issues.push({ file: rel, line: 1, field: 'id', message: `duplicate scenario id "${s.id}" (also in ${seen.get(s.id)})` });
      seen.set(s.id, rel);
      scenarios.push(s);
    }
  }
  return { scenarios, issues };
}
