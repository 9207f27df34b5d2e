import fs from 'node:fs';
import path from 'node:path';
import { analyzeChapter, type ChapterAnalysis, type Issue } from './analyze';
import { splitFrontmatter } from './chapters';
import { frontmatterSchema } from './frontmatter';
import { loadGlossary, loadReferences } from './references';
import { CHAPTER_SLUGS, DIFFICULTIES, loadScenarioBank, type Scenario } from './scenarios';
import { MAX_LIFT } from '../learning/shortcut-audit';
import { allowedWords, auditClassifyQuizzes, auditScenarios, auditScenariosByFamily } from './shortcuts';
import { countWords } from './words';
import { absoluteDistractors, nearDuplicateQuizzes, NEAR_DUPLICATE_THRESHOLD, referenceKeyLines, uncitedReferences } from './quiz-lint';

// Routes a chapter may link to besides chapters and glossary entries.
const STATIC_ROUTES = new Set(['/', '/chapters', '/glossary', '/practice', '/review', '/dashboard', '/signup', '/signin', '/account']);
// Ids every chapter page has besides its headings.
const PAGE_IDS = new Set(['chapter-title', 'objectives-heading', 'references-heading', 'main']);

interface ChapterSummary {
  slug: string;
  title: string;
  words: number;
  quizzes: number;
  figures: number;
  citations: number;
  terms: number;
}

export interface CheckResult {
  issues: Issue[];
  chapters: ChapterSummary[];
  totals: {
    chapters: number;
    words: number;
    quizzes: number;
    references: number;
    glossaryTerms: number;
    scenarios: number;
    scenariosByLabel: Record<string, number>;
    contestedScenarios: number;
    families: number;
    shortcutLift: { scenarios: number; scenariosFamiliesHeldOut: number; classifyQuizzes: number };
  };
}

/**
 * Checks the whole course in `contentDir`: frontmatter, MDX structure, registered components, citations,
 * glossary terms, internal links and anchors, quiz ids, and the scenario bank. `compile`, when given, also
 * compiles each chapter through the real MDX pipeline.
 */
export async function checkContent(contentDir: string, compile?: (source: string) => Promise<unknown>): Promise<CheckResult> {
  const rel = (f: string) => path.relative(process.cwd(), f);
  const issues: Issue[] = [];
  const refs = loadReferences(path.join(contentDir, 'references.yaml'));
  const gloss = loadGlossary(path.join(contentDir, 'glossary.yaml'));
  issues.push(...refs.issues, ...gloss.issues);

  const chaptersDir = path.join(contentDir, 'chapters');
  const folders = fs.existsSync(chaptersDir) ? fs.readdirSync(chaptersDir).filter((f) => fs.statSync(path.join(chaptersDir, f)).isDirectory()).sort() : [];
  const analyses: ChapterAnalysis[] = [];
  const summaries: ChapterSummary[] = [];
  const sources = new Map<string, string>();

  for (const folder of folders) {
    const file = path.join(chaptersDir, folder, 'index.mdx');
    const m = /^(\d{2})-([a-z0-9-]+)$/.exec(folder);
    if (!m) {
      issues.push({ file: rel(path.join(chaptersDir, folder)), line: 1, message: 'chapter folders are named NN-slug' });
      continue;
    }
    if (!fs.existsSync(file)) {
      issues.push({ file: rel(path.join(chaptersDir, folder)), line: 1, message: 'missing index.mdx' });
      continue;
    }
    const raw = fs.readFileSync(file, 'utf8');
    sources.set(m[2]!, raw);
    const { data, body } = splitFrontmatter(raw);
    const fm = frontmatterSchema.safeParse(data);
    if (!fm.success) {
      for (const i of fm.error.issues) issues.push({ file: rel(file), line: 1, message: `frontmatter ${i.path.join('.') || ''}: ${i.message}` });
    } else if (fm.data.section !== Number(m[1])) {
      issues.push({ file: rel(file), line: 1, message: `frontmatter section ${fm.data.section} does not match the folder number ${m[1]}` });
    }
    const a = analyzeChapter(raw, m[2]!, file);
    analyses.push(a);
    issues.push(...a.issues);
    summaries.push({
      slug: a.slug,
      title: fm.success ? fm.data.title : folder,
      words: countWords(body),
      quizzes: a.quizzes.length,
      figures: a.components.filter((c) => c.name === 'Figure').length,
      citations: a.citationOrder.length,
      terms: new Set(a.terms.map((t) => t.id)).size,
    });
  }

  const anchors = new Map(analyses.map((a) => [a.slug, new Set([...a.headings.map((h) => h.slug), ...PAGE_IDS, ...figureIds(a)])]));
  const quizIds = new Map<string, string>();
  for (const a of analyses) {
    for (const c of a.citations) if (!refs.references.has(c.id)) issues.push({ file: a.file, line: c.line, message: `unknown citation key "${c.id}" (not in references.yaml)` });
    for (const t of a.terms) if (!gloss.glossary.has(t.id)) issues.push({ file: a.file, line: t.line, message: `unknown glossary id "${t.id}" (not in glossary.yaml)` });
    for (const q of a.quizzes) {
      const prev = quizIds.get(q.id);
      if (prev) issues.push({ file: a.file, line: q.line, message: `duplicate quiz id "${q.id}" (also in ${prev})` });
      quizIds.set(q.id, `${a.file}:${q.line}`);
    }
    for (const l of a.links) {
      const problem = linkProblem(l.url, a.slug, anchors, gloss.glossary);
      if (problem) issues.push({ file: a.file, line: l.line, message: problem });
    }
  }
  issues.push(...quizBankIssues(analyses));
  for (const g of gloss.glossary.values())
    if (!anchors.has(g.chapter)) issues.push({ file: 'content/glossary.yaml', line: 1, message: `glossary "${g.id}": unknown chapter "${g.chapter}"` });

  const bank = loadScenarioBank(path.join(contentDir, 'scenarios'));
  for (const i of bank.issues) issues.push({ file: i.file, line: i.line, message: i.message });
  for (const s of bank.scenarios) {
    if (s.source.kind === 'paper' && !refs.references.has(s.source.ref))
      issues.push({ file: 'content/scenarios', line: 1, message: `scenario "${s.id}": unknown source.ref "${s.source.ref}"` });
  }
  issues.push(...bankIssues(bank.scenarios, contentDir));
  issues.push(...uncitedReferenceIssues(path.join(contentDir, 'references.yaml'), refs.references.keys(), analyses, bank.scenarios));

  if (compile) {
    for (const [slug, raw] of sources) {
      try {
        await compile(raw);
      } catch (e) {
        issues.push({ file: `content/chapters/${folders.find((f) => f.endsWith(slug))}/index.mdx`, line: 1, message: `does not compile: ${(e as Error).message.split('\n')[0]}` });
      }
    }
  }

  const byLabel: Record<string, number> = {};
  for (const s of bank.scenarios) byLabel[s.label] = (byLabel[s.label] ?? 0) + 1;
  const allowed = allowedWords(contentDir);
  const bankAudit = auditScenarios(bank.scenarios, allowed);
  const familyAudit = auditScenariosByFamily(bank.scenarios, allowed);
  const quizAudit = auditClassifyQuizzes(contentDir, allowed);
  for (const [what, file, r] of [
    ['the scenario bank', 'content/scenarios', bankAudit],
    ['the scenario bank with each family held out', 'content/scenarios', familyAudit],
    ['the classify quizzes', 'content/chapters', quizAudit],
  ] as const) {
    if (r.lift > MAX_LIFT)
      issues.push({
        file,
        line: 1,
        message: `shortcut audit: on ${what}, a word-count classifier gets ${pct(r.accuracy)} against a ${pct(r.majorityBaseline)} majority baseline (lift ${r.lift} > ${MAX_LIFT}); run npm run content:shortcuts -- --verbose and reword the cases it gets right`,
      });
    for (const w of r.cueWords)
      issues.push({
        file,
        line: 1,
        message: `shortcut audit: on ${what}, "${w.word}" appears in ${w.items} items and ${pct(w.share)} of them are ${w.label}; reword, or list it in AUTHORING.md under "Words allowed as evidence" if it is the evidence itself`,
      });
  }
  return {
    issues,
    chapters: summaries,
    totals: {
      chapters: summaries.length,
      words: summaries.reduce((n, c) => n + c.words, 0),
      quizzes: summaries.reduce((n, c) => n + c.quizzes, 0),
      references: refs.references.size,
      glossaryTerms: gloss.glossary.size,
      scenarios: bank.scenarios.length,
      scenariosByLabel: byLabel,
      contestedScenarios: bank.scenarios.filter((s) => s.contested).length,
      families: new Set(bank.scenarios.map((s) => s.family)).size,
      shortcutLift: { scenarios: bankAudit.lift, scenariosFamiliesHeldOut: familyAudit.lift, classifyQuizzes: quizAudit.lift },
    },
  };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Bank-wide rules: contrast families, and a chapter set large and mixed enough that order and share teach nothing. */
function bankIssues(scenarios: Scenario[], contentDir: string): Issue[] {
  const issues: Issue[] = [];
  const file = 'content/scenarios';
  const families = new Map<string, Scenario[]>();
  for (const s of scenarios) if (s.family) families.set(s.family, [...(families.get(s.family) ?? []), s]);
  for (const [family, members] of families) {
    if (members.length < 2) issues.push({ file, line: 1, message: `family "${family}" has one scenario; a family tells one setting at least two ways` });
    else if (new Set(members.map((m) => m.label)).size < 2)
      issues.push({ file, line: 1, message: `family "${family}": every sibling has the label ${members[0]!.label}; siblings differ in the decisive facts and so in label` });
    const chapters = new Set(members.map((m) => m.chapter));
    if (chapters.size > 1) issues.push({ file, line: 1, message: `family "${family}" spans chapters ${[...chapters].join(', ')}; siblings share one chapter` });
  }
  const exempt = chapterBalanceExemptions(contentDir);
  const byChapter = new Map<string, Scenario[]>();
  for (const s of scenarios) if (s.chapter) byChapter.set(s.chapter, [...(byChapter.get(s.chapter) ?? []), s]);
  for (const chapter of CHAPTER_SLUGS) {
    const set = byChapter.get(chapter) ?? [];
    if (set.length === 0) continue;
    if (set.length < MIN_CHAPTER_SET) issues.push({ file, line: 1, message: `chapter "${chapter}" has ${set.length} scenarios; a chapter's set has at least ${MIN_CHAPTER_SET}` });
    if (exempt.has(chapter)) continue;
    for (const label of new Set(set.map((s) => s.label))) {
      const n = set.filter((s) => s.label === label).length;
      if (n / set.length > MAX_LABEL_SHARE)
        issues.push({ file, line: 1, message: `chapter "${chapter}": ${n} of ${set.length} scenarios are ${label} (over ${pct(MAX_LABEL_SHARE)}); add siblings with other labels, or explain in AUTHORING.md why the chapter's subject needs it` });
    }
  }
  // The difficulty sets (/practice?difficulty=…) are practice sets too: the same mix rule.
  for (const difficulty of DIFFICULTIES) {
    const set = scenarios.filter((s) => s.difficulty === difficulty);
    for (const label of new Set(set.map((s) => s.label))) {
      const n = set.filter((s) => s.label === label).length;
      if (n / set.length > MAX_LABEL_SHARE)
        issues.push({ file, line: 1, message: `difficulty "${difficulty}": ${n} of ${set.length} scenarios are ${label} (over ${pct(MAX_LABEL_SHARE)}); move some cases to another difficulty` });
    }
  }
  return issues;
}

/** The quiz rubric's mechanical rules (AUTHORING.md, "Quizzes"): near-duplicates across chapters, absolute-word distractors. */
function quizBankIssues(analyses: ChapterAnalysis[]): Issue[] {
  const issues: Issue[] = [];
  const fileOf = new Map(analyses.map((a) => [a.slug, a.file]));
  for (const a of analyses)
    for (const q of a.quizzes)
      for (const d of absoluteDistractors(q))
        issues.push({
          file: a.file,
          line: q.line,
          message: `Quiz "${q.id}": choice ${d.choice} is a wrong answer that says "${d.words.join('", "')}", which gives it away without reading it; state the misconception as plausibly as the key (or, if the key needs the word, use it there too)`,
        });
  for (const { a, b, score } of nearDuplicateQuizzes(analyses.flatMap((x) => x.quizzes)))
    issues.push({
      file: fileOf.get(b.chapter) ?? b.chapter,
      line: b.line,
      message: `Quiz "${b.id}" nearly duplicates "${a.id}" (${fileOf.get(a.chapter) ?? a.chapter}:${a.line}): ${Math.round(score * 1000) / 1000} of their word pairs are shared (limit ${NEAR_DUPLICATE_THRESHOLD}); move one to a different idea or case`,
    });
  return issues;
}

/** A references.yaml key that no chapter cites and no scenario uses as its source is dead weight in the bibliography. */
function uncitedReferenceIssues(file: string, keys: Iterable<string>, analyses: ChapterAnalysis[], scenarios: Scenario[]): Issue[] {
  if (!fs.existsSync(file)) return [];
  const lines = referenceKeyLines(fs.readFileSync(file, 'utf8'));
  const used = [...analyses.flatMap((a) => a.citations.map((c) => c.id)), ...scenarios.flatMap((s) => (s.source.kind === 'paper' ? [s.source.ref] : []))];
  return uncitedReferences(keys, used).map((id) => ({
    file: path.relative(process.cwd(), file),
    line: lines.get(id) ?? 1,
    message: `reference "${id}" is never cited: no chapter has <Cite id="${id}" /> and no scenario names it as source.ref; cite it where it serves the text or remove it`,
  }));
}

const MIN_CHAPTER_SET = 10;
const MAX_LABEL_SHARE = 0.6;

/** Chapters AUTHORING.md lists under "Chapter sets exempt from the label balance" (bullets starting with `slug`). */
function chapterBalanceExemptions(contentDir: string): Set<string> {
  const f = path.join(contentDir, 'AUTHORING.md');
  if (!fs.existsSync(f)) return new Set();
  const section = /#+\s*Chapter sets exempt from the label balance[^\n]*\n([\s\S]*?)(?=\n#+\s|$)/i.exec(fs.readFileSync(f, 'utf8'))?.[1] ?? '';
  return new Set([...section.matchAll(/^\s*[-*]\s*`([a-z0-9-]+)`/gim)].map((m) => m[1]!));
}

function figureIds(a: ChapterAnalysis): string[] {
  let n = 0;
  return a.components.filter((c) => c.name === 'Figure').map((c) => (typeof c.attrs.id === 'string' ? c.attrs.id : `figure-${++n}`));
}

function linkProblem(url: string, self: string, anchors: Map<string, Set<string>>, glossary: Map<string, unknown>): string | null {
  if (/^(https?:|mailto:)/.test(url)) return null;
  if (url.startsWith('#')) return anchors.get(self)?.has(url.slice(1)) ? null : `broken anchor "${url}" (no such heading in this chapter)`;
  if (!url.startsWith('/')) return `relative link "${url}": use a path starting with / (e.g. /chapters/introduction)`;
  const [p = '', hash] = url.split('#');
  const pathOnly = p.replace(/\/$/, '') || '/';
  const ch = /^\/chapters\/([a-z0-9-]+)$/.exec(pathOnly);
  if (ch) {
    const target = anchors.get(ch[1]!);
    if (!target) return `broken link "${url}": no chapter "${ch[1]}"`;
    if (hash && !target.has(hash)) return `broken anchor "${url}": chapter "${ch[1]}" has no heading "#${hash}"`;
    return null;
  }
  if (pathOnly === '/glossary' && hash) return glossary.has(hash) ? null : `broken link "${url}": no glossary entry "${hash}"`;
  if (STATIC_ROUTES.has(pathOnly)) return null;
  return `broken link "${url}": no such page`;
}
