import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';

const referenceSchema = z.object({
  authors: z.array(z.string().min(1)).min(1),
  title: z.string().min(3),
  venue: z.string().min(2),
  year: z.number().int().min(1900).max(2100),
  url: z.url(),
  note: z.string().optional(),
  verified: z.boolean().optional(),
});

export type Reference = z.infer<typeof referenceSchema> & { id: string };

const glossaryEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are kebab-case'),
  term: z.string().min(2),
  definition: z.string().min(20),
  chapter: z.string().min(2),
  aliases: z.array(z.string()).optional(),
});

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

export interface LoadIssue {
  file: string;
  line: number;
  message: string;
}

function lineOf(text: string, offset: number | undefined): number {
  if (offset === undefined) return 1;
  return text.slice(0, offset).split('\n').length;
}

/** Parses a YAML file and validates each entry, reporting problems with file, line and field. */
function loadYaml(file: string): { doc: ReturnType<typeof parseDocument>; text: string; issues: LoadIssue[] } {
  const text = fs.readFileSync(file, 'utf8');
  const doc = parseDocument(text, { prettyErrors: false });
  const rel = path.relative(process.cwd(), file);
  const issues = doc.errors.map((e) => ({ file: rel, line: lineOf(text, e.pos[0]), message: e.message }));
  return { doc, text, issues };
}

export function loadReferences(file = path.join(process.cwd(), 'content', 'references.yaml')): {
  references: Map<string, Reference>;
  issues: LoadIssue[];
} {
  const { doc, text, issues } = loadYaml(file);
  const rel = path.relative(process.cwd(), file);
  const references = new Map<string, Reference>();
  const data = doc.toJS() as Record<string, unknown> | null;
  for (const [id, value] of Object.entries(data ?? {})) {
    const node = doc.get(id, true) as { range?: [number, number, number] } | undefined;
    const parsed = referenceSchema.safeParse(value);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        issues.push({ file: rel, line: lineOf(text, node?.range?.[0]), message: `${id}.${i.path.join('.')}: ${i.message}` });
      }
      continue;
    }
    references.set(id, { ...parsed.data, id });
  }
  return { references, issues };
}

export function loadGlossary(file = path.join(process.cwd(), 'content', 'glossary.yaml')): {
  glossary: Map<string, GlossaryEntry>;
  issues: LoadIssue[];
} {
  const { doc, text, issues } = loadYaml(file);
  const rel = path.relative(process.cwd(), file);
  const glossary = new Map<string, GlossaryEntry>();
  const items = (doc.contents as { items?: { range?: [number, number, number] }[] } | null)?.items ?? [];
  const data = (doc.toJS() as unknown[] | null) ?? [];
  data.forEach((value, i) => {
    const line = lineOf(text, items[i]?.range?.[0]);
    const parsed = glossaryEntrySchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ file: rel, line, message: `entry ${i + 1}: ${issue.path.join('.')}: ${issue.message}` });
      return;
    }
    if (glossary.has(parsed.data.id)) issues.push({ file: rel, line, message: `duplicate glossary id "${parsed.data.id}"` });
    glossary.set(parsed.data.id, parsed.data);
  });
  return { glossary, issues };
}

/** "Langosco di Langosco, Koch, Sharkey et al." style short author line. */
export function shortAuthors(authors: string[]): string {
  const last = (a: string) => a.split(' ').slice(-1)[0] ?? a;
  const real = authors.filter((a) => a !== 'et al.');
  if (real.length === 1) return last(real[0]!);
  if (real.length === 2 && authors.length === 2) return `${last(real[0]!)} & ${last(real[1]!)}`;
  return `${last(real[0]!)} et al.`;
}
