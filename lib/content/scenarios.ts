import fs from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { FAILURE_MODES } from './registry-names';

export const DOMAINS = ['rl-agents', 'llm-assistants', 'recommenders', 'robotics', 'medical-imaging', 'driving', 'games', 'other'] as const;
export const DIFFICULTIES = ['intro', 'core', 'advanced'] as const;
export const CHAPTER_SLUGS = [
  'introduction',
  'learning-dynamics',
  'goal-directedness',
  'multi-objective-generalization',
  'scheming',
  'detection',
  'mitigations',
] as const;

const labelSchema = z.enum(FAILURE_MODES);
const text = (min: number, max: number) => z.string().trim().min(min).max(max);

// Words that decide the case for the learner; a description or title must not contain them.
export const GIVEAWAY = /\b(proxy|loophole|exploit\w*|misgenerali[sz]\w*|gaming|gamed|hack\w*|wrong goal|specification)\b/i;

export const scenarioSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, -)'),
    title: text(5, 120).refine((t) => !GIVEAWAY.test(t), 'gives the answer away (uses a word like proxy, loophole, gaming)'),
    domain: z.enum(DOMAINS),
    description: text(40, 1200).refine((t) => !GIVEAWAY.test(t), 'gives the answer away (uses a word like proxy, loophole, gaming)'),
    label: labelSchema,
    axes: z.object({
      signal: z.enum(['right', 'wrong']),
      capability: z.enum(['generalized', 'failed']),
      goal: z.enum(['intended', 'proxy', 'literal', 'none']),
    }),
    axisNotes: z.object({ signal: text(10, 600), capability: text(10, 600), goal: text(10, 600) }),
    goalPursued: text(3, 200),
    rationale: text(40, 2000),
    source: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('paper'), ref: z.string().min(2) }),
      z.object({ kind: z.literal('constructed') }),
    ]),
    difficulty: z.enum(DIFFICULTIES),
    chapter: z.enum(CHAPTER_SLUGS),
    contested: z.boolean().optional(),
    acceptable: z.array(labelSchema).optional(),
    arguments: z.partialRecord(labelSchema, text(20, 1200)).optional(),
  })
  .superRefine((s, ctx) => {
    const expected = AXES_FOR[s.label];
    if (s.axes.signal !== expected.signal) ctx.addIssue({ code: 'custom', path: ['axes', 'signal'], message: `a ${s.label} case has signal "${expected.signal}"` });
    if (s.axes.capability !== expected.capability)
      ctx.addIssue({ code: 'custom', path: ['axes', 'capability'], message: `a ${s.label} case has capability "${expected.capability}"` });
    if (!expected.goal.includes(s.axes.goal))
      ctx.addIssue({ code: 'custom', path: ['axes', 'goal'], message: `a ${s.label} case has goal ${expected.goal.map((g) => `"${g}"`).join(' or ')}` });
    if (s.contested) {
      if (!s.acceptable || s.acceptable.length < 2 || !s.acceptable.includes(s.label))
        ctx.addIssue({ code: 'custom', path: ['acceptable'], message: 'a contested case lists at least two acceptable labels, including its label' });
      for (const l of s.acceptable ?? [])
        if (!s.arguments?.[l]) ctx.addIssue({ code: 'custom', path: ['arguments', l], message: `a contested case argues the case for "${l}"` });
    } else if (s.acceptable || s.arguments) {
      ctx.addIssue({ code: 'custom', path: ['contested'], message: 'acceptable and arguments are only for contested cases (set contested: true)' });
    }
  });

export type Scenario = z.infer<typeof scenarioSchema>;
export type FailureModeLabel = Scenario['label'];

/** The diagnostic answers that define each failure mode (the course's three-way taxonomy). */
export const AXES_FOR: Record<FailureModeLabel, { signal: 'right' | 'wrong'; capability: 'generalized' | 'failed'; goal: Scenario['axes']['goal'][] }> = {
  'specification-gaming': { signal: 'wrong', capability: 'generalized', goal: ['literal'] },
  'goal-misgeneralization': { signal: 'right', capability: 'generalized', goal: ['proxy'] },
  'capability-failure': { signal: 'right', capability: 'failed', goal: ['intended', 'none'] },
};

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
export function parseScenarioYaml(text: string, file: string): { scenarios: Scenario[]; issues: ScenarioIssue[] } {
  const doc = parseDocument(text, { prettyErrors: false });
  const issues: ScenarioIssue[] = doc.errors.map((e) => ({ file, line: lineAt(text, e.pos[0]), field: '', message: e.message }));
  if (doc.errors.length) return { scenarios: [], issues };
  const data = doc.toJS() as unknown;
  if (!Array.isArray(data)) return { scenarios: [], issues: [{ file, line: 1, field: '', message: 'a scenario file is a YAML list of scenarios' }] };
  const scenarios: Scenario[] = [];
  data.forEach((raw, i) => {
    const parsed = scenarioSchema.safeParse(raw);
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
