import 'server-only';
import fs from 'node:fs';
import type {
  BlockContent,
  Definition,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Text,
} from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { parseMdx } from './analyze';
import { getChapter } from './chapters';
import { attr, childrenOf, isJsx, numberCitations, slugHeadings, type JsxNode } from './mdast';
import { loadReferences, type Reference } from './references';

// The chapter as a plain Markdown file for readers' own tools (note apps, e-readers, printing): the MDX components
// become ordinary Markdown, interactive parts become a pointer to the online chapter, quiz answers move to the end.

const CALLOUT_LABELS: Record<string, string> = {
  example: 'Example',
  takeaway: 'Key takeaway',
  question: 'Open question',
  note: 'Note',
  warning: 'Warning',
};

const WIDGETS: Record<string, (node: JsxNode) => string> = {
  TaxonomyTable: () => 'an interactive table that sorts failures into specification gaming, goal misgeneralization and capability failure',
  SimplicityBiasToy: () => 'a small network that trains in your browser, to see which of two predictive features it relies on',
  CoinRunGridworld: () => 'a CoinRun-style gridworld whose agent trains in your browser',
  ToySweep: (node) => `the results table from a real sweep of the ${attr(node, 'toy') === 'coinrun' ? 'gridworld' : 'simplicity-bias'} toy`,
  ClassifierDrill: () => 'a drill in telling specification gaming, goal misgeneralization and capability failure apart',
};

interface QuizAnswer {
  prompt: PhrasingContent[];
  choices: { text: PhrasingContent[]; correct: boolean; explain: PhrasingContent[] }[];
}

interface State {
  slug: string;
  citations: string[];
  figures: number;
  answers: QuizAnswer[];
  /** Anchor of the latest heading, so a widget note can link straight to its place in the online chapter. */
  section: string;
}

const text = (value: string): Text => ({ type: 'text', value });
const paragraph = (children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const item = (children: BlockContent[], spread = false): ListItem => ({ type: 'listItem', spread, children });
const letter = (i: number) => String.fromCharCode(65 + i);

/** A component used inline stays inline; one on its own line becomes a paragraph. */
function asBlock(node: JsxNode, children: PhrasingContent[]): RootContent[] {
  return node.type === 'mdxJsxTextElement' ? children : [paragraph(children)];
}

/** Inline content of a node whose children may be inline or wrapped in paragraphs, with its edges trimmed. */
function inline(nodes: RootContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const n of nodes) {
    if (n.type === 'paragraph') {
      if (out.length) out.push(text(' '));
      out.push(...n.children);
    } else out.push(n as PhrasingContent);
  }
  const first = out[0];
  if (first?.type === 'text') first.value = first.value.trimStart();
  const last = out.at(-1);
  if (last?.type === 'text') last.value = last.value.trimEnd();
  return out.filter((n) => n.type !== 'text' || n.value);
}

function convertAll(nodes: RootContent[], st: State): RootContent[] {
  return nodes.flatMap((n) => convert(n, st));
}

function convert(node: RootContent, st: State): RootContent[] {
  switch (node.type) {
    case 'yaml':
    case 'mdxjsEsm':
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return [];
    case 'heading':
      st.section = (node.data?.hProperties as { id?: string } | undefined)?.id ?? st.section;
      break;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return convertJsx(node, st);
  }
  if ('children' in node) return [{ ...node, children: convertAll(node.children as RootContent[], st) } as RootContent];
  return [node];
}

function convertJsx(node: JsxNode, st: State): RootContent[] {
  const kids = () => convertAll(childrenOf(node as RootContent), st);
  const name = node.name ?? '';
  if (name === 'Cite') {
    const id = attr(node, 'id');
    const n = typeof id === 'string' ? st.citations.indexOf(id) + 1 : 0;
    if (!n) return [];
    const loc = attr(node, 'loc');
    const label = String(n);
    // A reference-style link: reads as "[3]" in plain text and, with the definitions at the end, links to the work.
    return [
      typeof loc === 'string'
        ? { type: 'linkReference', identifier: label, label, referenceType: 'full', children: [text(`${n}, ${loc}`)] }
        : { type: 'linkReference', identifier: label, label, referenceType: 'shortcut', children: [text(label)] },
    ];
  }
  if (name === 'Callout') {
    const kind = attr(node, 'kind');
    const title = attr(node, 'title');
    const label = (typeof kind === 'string' && CALLOUT_LABELS[kind]) || 'Note';
    const heading = strong(typeof title === 'string' && title ? `${label}: ${title}` : label);
    if (node.type === 'mdxJsxTextElement') return [heading, text(' '), ...(kids() as PhrasingContent[])];
    return [{ type: 'blockquote', children: [paragraph([heading]), ...(kids() as BlockContent[])] }];
  }
  if (name === 'Figure') {
    const n = ++st.figures;
    const caption = attr(node, 'caption');
    const alt = attr(node, 'alt');
    const kept = convertAll(
      childrenOf(node as RootContent).filter((c) => !(isJsx(c) && c.name === 'svg')),
      st,
    ).filter((c) => c.type !== 'text' || c.value.trim());
    const out: RootContent[] = [paragraph([{ type: 'emphasis', children: [text(`Figure ${n}: ${typeof caption === 'string' ? caption : ''}`.trim())] }])];
    // A table inside a figure is the content itself; the alt text stands in only for the drawing we drop.
    if (kept.length) out.push(...kept);
    else if (typeof alt === 'string') out.push(paragraph([text(alt)]));
    return out;
  }
  if (name === 'Quiz') return convertQuiz(node, st);
  const widget = WIDGETS[name];
  if (widget) {
    const href = `/chapters/${st.slug}${st.section ? `#${st.section}` : ''}`;
    return asBlock(node, [
      {
        type: 'emphasis',
        children: [text(`Interactive: ${widget(node)}. Try it in `), { type: 'link', url: href, children: [text('the online chapter')] }, text('.')],
      },
    ]);
  }
  if (name === 'svg') return [];
  if (name === 'a') {
    const href = attr(node, 'href');
    return [{ type: 'link', url: typeof href === 'string' ? href : '', children: kids() as PhrasingContent[] }];
  }
  // Term, KeyTakeaways, and anything else that only wraps its children.
  return kids();
}

function convertQuiz(node: JsxNode, st: State): RootContent[] {
  // `<Choice>text</Choice>` on one line is inline inside a paragraph; look through paragraphs (as analyze.ts does).
  const parts = childrenOf(node as RootContent)
    .flatMap((c) => (c.type === 'paragraph' ? c.children : [c]))
    .filter(isJsx);
  const prompt = parts.find((p) => p.name === 'Prompt');
  const answer: QuizAnswer = {
    prompt: prompt ? inline(convertAll(childrenOf(prompt as RootContent), st)) : [],
    choices: parts
      .filter((p) => p.name === 'Choice')
      .map((c) => {
        const children = childrenOf(c as RootContent);
        const explain = children.find((k) => isJsx(k) && k.name === 'Explain');
        const correct = attr(c, 'correct');
        return {
          text: inline(convertAll(children.filter((k) => k !== explain), st)),
          correct: correct === true || correct === 'true',
          explain: explain ? inline(convertAll(childrenOf(explain), st)) : [],
        };
      }),
  };
  st.answers.push(answer);
  return [
    paragraph([strong('Check yourself:'), text(' '), ...answer.prompt]),
    {
      type: 'list',
      ordered: false,
      spread: false,
      children: answer.choices.map((c, i) => item([paragraph([text(`${letter(i)}. `), ...c.text])])),
    },
  ];
}

function answersSection(answers: QuizAnswer[]): RootContent[] {
  if (!answers.length) return [];
  return [
    { type: 'heading', depth: 2, children: [text('Answers')] },
    paragraph([text('The questions from the chapter, in order, with why each choice is right or wrong.')]),
    {
      type: 'list',
      ordered: true,
      start: 1,
      spread: true,
      children: answers.map((a) =>
        item(
          [
            paragraph([{ type: 'emphasis', children: a.prompt }]),
            {
              type: 'list',
              ordered: false,
              spread: true,
              children: a.choices.map((c, i) =>
                item(
                  [
                    paragraph([text(`${letter(i)}. `), ...c.text]),
                    paragraph([strong(c.correct ? 'Correct.' : 'Incorrect.'), ...(c.explain.length ? [text(' '), ...c.explain] : [])]),
                  ],
                  true,
                ),
              ),
            },
          ],
          true,
        ),
      ),
    },
  ];
}

function authorList(authors: string[]): string {
  if (authors.length < 2) return authors.join('');
  if (authors.at(-1) === 'et al.') return `${authors.slice(0, -1).join(', ')} et al.`;
  return `${authors.slice(0, -1).join(', ')} and ${authors.at(-1)}`;
}

function referencesSection(order: string[], references: Map<string, Reference>): RootContent[] {
  if (!order.length) return [];
  const definitions: Definition[] = [];
  const items = order.map((id, i) => {
    const ref = references.get(id);
    if (!ref) return item([paragraph([text(`Missing reference "${id}".`)])]);
    definitions.push({ type: 'definition', identifier: String(i + 1), label: String(i + 1), url: ref.url, title: null });
    return item([
      paragraph([
        text(`${authorList(ref.authors)} (${ref.year}). `),
        { type: 'emphasis', children: [text(ref.title)] },
        text(`. ${ref.venue}. `),
        { type: 'link', url: ref.url, children: [text(ref.url)] },
      ]),
    ]);
  });
  return [
    { type: 'heading', depth: 2, children: [text('References')] },
    { type: 'list', ordered: true, start: 1, spread: false, children: items },
    ...definitions,
  ];
}

/**
 * The chapter with this slug as a standalone Markdown document, or null if there is no such chapter. Citations
 * are numbered by first appearance, as on the page, and listed under References at the end.
 */
export function chapterToMarkdown(slug: string): string | null {
  const chapter = getChapter(slug);
  if (!chapter) return null;
  const tree = parseMdx(fs.readFileSync(chapter.file, 'utf8'));
  tree.children = tree.children.filter((n) => n.type !== 'yaml');
  slugHeadings(tree);
  const citations = numberCitations(tree);
  const st: State = { slug, citations, figures: 0, answers: [], section: '' };
  const body = convertAll(tree.children, st);
  const { references } = loadReferences();
  const online = `/chapters/${slug}`;

  const doc: Root = {
    type: 'root',
    children: [
      { type: 'heading', depth: 1, children: [text(chapter.title)] },
      paragraph([
        {
          type: 'emphasis',
          children: [
            text(`Goalpost, chapter ${chapter.section}. The interactive version is at `),
            { type: 'link', url: online, children: [text(online)] },
            text('.'),
          ],
        },
      ]),
      paragraph([text(chapter.summary)]),
      paragraph([strong('Learning objectives')]),
      { type: 'list', ordered: false, spread: false, children: chapter.objectives.map((o) => item([paragraph([text(o)])])) },
      { type: 'thematicBreak' },
      ...body,
      { type: 'thematicBreak' },
      ...answersSection(st.answers),
      ...referencesSection(citations, references),
    ] as RootContent[],
  };
  return toMarkdown(doc, {
    extensions: [gfmToMarkdown()],
    bullet: '-',
    rule: '-',
    emphasis: '*',
    strong: '*',
    fences: true,
    listItemIndent: 'one',
    // Link definitions read as one block, like a bibliography, rather than one paragraph each.
    join: [(left, right) => (left.type === 'definition' && right.type === 'definition' ? 0 : undefined)],
  });
}
