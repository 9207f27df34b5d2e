import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent, Link } from 'mdast';
import { visit } from 'unist-util-visit';
import { attr, childrenOf, isJsx, numberCitations, slugHeadings, type HeadingInfo, type JsxNode } from './mdast';
import { CALLOUT_KINDS, CLASSIFY_CHOICES, MDX_COMPONENT_NAMES, QUIZ_KINDS } from './registry-names';

export interface Issue {
  file: string;
  line: number;
  message: string;
}

interface QuizChoiceInfo {
  text: string;
  correct: boolean;
  explain: string;
}

export interface QuizInfo {
  id: string;
  kind: (typeof QUIZ_KINDS)[number];
  chapter: string;
  section: string | null;
  prompt: string;
  choices: QuizChoiceInfo[];
  line: number;
}

export interface ChapterAnalysis {
  slug: string;
  file: string;
  headings: HeadingInfo[];
  citations: { id: string; line: number }[];
  citationOrder: string[];
  terms: { id: string; line: number }[];
  links: { url: string; line: number }[];
  quizzes: QuizInfo[];
  components: { name: string; line: number; attrs: Record<string, string | true> }[];
  issues: Issue[];
}

const known = new Set<string>(MDX_COMPONENT_NAMES);

export function parseMdx(raw: string): Root {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMdx).parse(raw) as Root;
}

function jsxAttrs(node: JsxNode): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (const a of node.attributes) {
    if (a.type === 'mdxJsxAttribute') out[a.name] = attr(node, a.name)!;
  }
  return out;
}

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Reads a chapter's MDX (the whole file, so line numbers are real) and extracts what the checker, the grader and
 * the search index need. Structural problems inside the file are reported as issues with file and line.
 */
export function analyzeChapter(raw: string, slug: string, file: string): ChapterAnalysis {
  const rel = path.isAbsolute(file) ? path.relative(process.cwd(), file) : file;
  const issues: Issue[] = [];
  const issue = (line: number | undefined, message: string) => issues.push({ file: rel, line: line ?? 1, message });

  let tree: Root;
  try {
    tree = parseMdx(raw);
  } catch (e) {
    const err = e as { line?: number; place?: { line?: number; start?: { line?: number } }; reason?: string; message: string };
    const line = err.line ?? err.place?.line ?? err.place?.start?.line ?? 1;
    issue(line, `MDX syntax error: ${err.reason ?? err.message}`);
    return { slug, file: rel, headings: [], citations: [], citationOrder: [], terms: [], links: [], quizzes: [], components: [], issues };
  }

  const headings = slugHeadings(tree);
  for (const h of headings) if (h.depth === 1) issue(h.line, 'Use ## or ### for headings; the page supplies the title (#).');
  const citationOrder = numberCitations(tree);

  const citations: ChapterAnalysis['citations'] = [];
  const terms: ChapterAnalysis['terms'] = [];
  const links: ChapterAnalysis['links'] = [];
  const components: ChapterAnalysis['components'] = [];
  const quizzes: QuizInfo[] = [];

  visit(tree, (node) => {
    if (node.type === 'link') {
      links.push({ url: (node as Link).url, line: node.position?.start.line ?? 1 });
      return;
    }
    if (!isJsx(node) || !node.name) return;
    const line = node.position?.start.line;
    const name = node.name;
    if (/^[A-Z]/.test(name)) {
      components.push({ name, line: line ?? 1, attrs: jsxAttrs(node) });
      if (!known.has(name)) issue(line, `<${name}> is not a registered component (see content/AUTHORING.md).`);
    }
    if (name === 'a') {
      const href = attr(node, 'href');
      if (typeof href === 'string') links.push({ url: href, line: line ?? 1 });
    }
    if (name === 'Cite') {
      const id = attr(node, 'id');
      if (typeof id !== 'string' || !id) issue(line, '<Cite> needs an id="..." naming a key of content/references.yaml.');
      else citations.push({ id, line: line ?? 1 });
    }
    if (name === 'Term') {
      const id = attr(node, 'id');
      if (typeof id !== 'string' || !id) issue(line, '<Term> needs an id="..." naming an entry of content/glossary.yaml.');
      else terms.push({ id, line: line ?? 1 });
    }
    if (name === 'Callout') {
      const kind = attr(node, 'kind');
      if (typeof kind !== 'string' || !(CALLOUT_KINDS as readonly string[]).includes(kind)) {
        issue(line, `<Callout kind="${String(kind)}"> must be one of ${CALLOUT_KINDS.join(', ')}.`);
      }
    }
    if (name === 'Figure') {
      for (const required of ['caption', 'alt']) {
        const v = attr(node, required);
        if (typeof v !== 'string' || v.trim().length < 10) issue(line, `<Figure> needs a ${required}="..." of at least 10 characters.`);
      }
    }
    if (name === 'Quiz') {
      const q = readQuiz(node, slug, issue);
      if (q) quizzes.push(q);
    }
  });

  // Section of each quiz: the nearest heading above it.
  for (const q of quizzes) {
    const before = headings.filter((h) => h.line < q.line);
    q.section = before.at(-1)?.slug ?? null;
  }

  return { slug, file: rel, headings, citations, citationOrder, terms, links, quizzes, components, issues };
}

function readQuiz(node: JsxNode, chapter: string, issue: (line: number | undefined, m: string) => void): QuizInfo | null {
  const line = node.position?.start.line;
  const id = attr(node, 'id');
  const kind = attr(node, 'kind');
  if (typeof id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
    issue(line, '<Quiz> needs a kebab-case id="...".');
    return null;
  }
  if (typeof kind !== 'string' || !(QUIZ_KINDS as readonly string[]).includes(kind)) {
    issue(line, `Quiz "${id}": kind must be one of ${QUIZ_KINDS.join(', ')}.`);
    return null;
  }
  // `<Choice>text</Choice>` on one line is an inline element inside a paragraph; look through paragraphs.
  const direct = childrenOf(node as unknown as RootContent).flatMap((c) => (c.type === 'paragraph' ? childrenOf(c) : [c]));
  const kids = direct.filter(isJsx);
  const others = direct.filter((c) => !isJsx(c) && !(c.type === 'text' && !c.value.trim()));
  if (others.length) issue(others[0]!.position?.start.line ?? line, `Quiz "${id}": only <Prompt> and <Choice> may appear inside a <Quiz>.`);
  const prompts = kids.filter((k) => k.name === 'Prompt');
  if (prompts.length !== 1) issue(line, `Quiz "${id}": needs exactly one <Prompt>.`);
  const choices: QuizChoiceInfo[] = [];
  for (const c of kids.filter((k) => k.name === 'Choice')) {
    const cl = c.position?.start.line;
    const explains: JsxNode[] = [];
    visit(c, (n) => {
      if (isJsx(n) && n.name === 'Explain') explains.push(n);
    });
    if (explains.length !== 1) issue(cl, `Quiz "${id}": every <Choice> needs exactly one <Explain> saying why it is right or wrong.`);
    const explain = explains[0] ? flat(toString(explains[0])) : '';
    const text = flat(
      toString({
        type: 'root',
        children: childrenOf(c as unknown as RootContent).filter((n) => !(isJsx(n) && n.name === 'Explain')),
      } as Root),
    );
    if (!text) issue(cl, `Quiz "${id}": a <Choice> has no text.`);
    if (explains[0] && explain.length < 15) issue(cl, `Quiz "${id}": an <Explain> is too short to teach anything.`);
    choices.push({ text, correct: attr(c, 'correct') === true || attr(c, 'correct') === 'true', explain });
  }
  const nCorrect = choices.filter((c) => c.correct).length;
  if (kind === 'classify') {
    const texts = choices.map((c) => c.text);
    if (texts.join('|') !== CLASSIFY_CHOICES.join('|')) {
      issue(line, `Quiz "${id}": a classify quiz has exactly these choices, in order: ${CLASSIFY_CHOICES.join(', ')}.`);
    }
    if (nCorrect !== 1) issue(line, `Quiz "${id}": a classify quiz has exactly one correct choice.`);
  } else {
    if (choices.length < 2 || choices.length > 5) issue(line, `Quiz "${id}": needs 2 to 5 choices (has ${choices.length}).`);
    if (kind === 'single' && nCorrect !== 1) issue(line, `Quiz "${id}": a single-choice quiz has exactly one correct choice (has ${nCorrect}).`);
    if (kind === 'multiple' && nCorrect < 1) issue(line, `Quiz "${id}": a multiple-choice quiz needs at least one correct choice.`);
  }
  return {
    id,
    kind: kind as QuizInfo['kind'],
    chapter,
    section: null,
    prompt: prompts[0] ? flat(toString(prompts[0])) : '',
    choices,
    line: line ?? 1,
  };
}
