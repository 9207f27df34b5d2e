import fs from 'node:fs';
import { toString } from 'mdast-util-to-string';
import type { RootContent } from 'mdast';
import { parseMdx } from './analyze';
import { chapterFolders, readChapterFile } from './chapters';
import { attr, childrenOf, isJsx, slugHeadings } from './mdast';
import { loadGlossary } from './references';

// Not `server-only`: scripts import this too. It must stay free of client code; the dialog imports only its types.

type SearchDocKind = 'chapter' | 'section' | 'glossary';

export interface SearchDoc {
  kind: SearchDocKind;
  /** Where the result leads: `/chapters/<slug>#<heading>` or `/glossary#<id>`. */
  url: string;
  /** Section title, chapter title (for a chapter's opening text) or glossary term. */
  title: string;
  /** What the title belongs to: the chapter title, "Chapter N", or "Glossary". */
  context: string;
  aliases?: string[];
  text: string;
}

export interface SearchIndex {
  version: 1;
  docs: SearchDoc[];
}

/**
 * Longest section text kept. Today's sections run to about 4,000 characters (median about 1,300), so every word
 * stays searchable; the cap only stops one runaway section from bloating the download. Cutting to 1,500 would save
 * a sixth of the size and lose a fifth of the text.
 */
export const MAX_TEXT = 4000;

/** Cuts at a word boundary so a snippet never ends mid-word. */
export function trimText(text: string, max = MAX_TEXT): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.8 ? cut.slice(0, space) : cut).trimEnd();
}

// A self-closing <Cite /> leaves a gap before the punctuation that followed it ("to be ."); close it up.
const tidy = (text: string) => text.replace(/\s+/g, ' ').replace(/ ([.,;:?!)])/g, '$1').trim();

const SKIP = new Set(['Quiz', 'Figure', 'svg']);
const BLOCKS = new Set(['list', 'listItem', 'blockquote', 'table', 'tableRow', 'tableCell', 'mdxJsxFlowElement']);

/**
 * Readable text of one block. Unlike a bare toString, block children are joined with a space, so list items and
 * callout paragraphs do not run together ("well.Wide"); quizzes and figures are left out (not prose to find).
 */
function blockText(node: RootContent): string {
  if (isJsx(node)) {
    if (!node.name || SKIP.has(node.name)) return '';
    const title = node.name === 'Callout' ? attr(node, 'title') : undefined;
    const inner = childrenOf(node).map(blockText).join(' ');
    return typeof title === 'string' ? `${title}. ${inner}` : inner;
  }
  if (BLOCKS.has(node.type)) return childrenOf(node).map(blockText).join(' ');
  return toString(node);
}

interface Section {
  slug: string;
  title: string;
  text: string;
}

/** The text under each heading (any depth) up to the next; the opening text before any heading has slug ''. */
function chapterSections(raw: string): Section[] {
  const tree = parseMdx(raw);
  slugHeadings(tree);
  const sections: Section[] = [{ slug: '', title: '', text: '' }];
  for (const node of tree.children) {
    if (node.type === 'yaml') continue;
    if (node.type === 'heading') {
      const id = (node.data?.hProperties as { id?: string } | undefined)?.id ?? '';
      sections.push({ slug: id, title: toString(node).trim(), text: '' });
      continue;
    }
    sections.at(-1)!.text += ` ${blockText(node)}`;
  }
  return sections.map((s) => ({ ...s, text: tidy(s.text) }));
}

/**
 * One document per chapter section and one per glossary entry, in reading order. A pure function of the files
 * under content/, run at build time by app/search-index.json/route.ts.
 */
export function buildSearchIndex(): SearchIndex {
  const docs: SearchDoc[] = [];
  for (const folder of chapterFolders()) {
    const chapter = readChapterFile(folder);
    const raw = fs.readFileSync(chapter.file, 'utf8');
    const sections = chapterSections(raw);
    const base = `/chapters/${chapter.slug}`;
    const opening = sections.find((s) => !s.slug);
    docs.push({
      kind: 'chapter',
      url: base,
      title: chapter.title,
      context: `Chapter ${chapter.section}`,
      text: trimText(tidy(`${chapter.summary} ${opening?.text ?? ''}`)),
    });
    for (const s of sections) {
      if (!s.slug) continue;
      docs.push({ kind: 'section', url: `${base}#${s.slug}`, title: s.title, context: chapter.title, text: trimText(s.text) });
    }
  }
  const { glossary } = loadGlossary();
  for (const entry of glossary.values()) {
    docs.push({
      kind: 'glossary',
      url: `/glossary#${entry.id}`,
      title: entry.term,
      context: 'Glossary',
      ...(entry.aliases?.length ? { aliases: entry.aliases } : {}),
      text: tidy(entry.definition),
    });
  }
  return { version: 1, docs };
}
