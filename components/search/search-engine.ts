import type { SearchDoc, SearchIndex } from '@/lib/content/search-index';

// Pure ranking and snippets for the search dialog: no DOM, no fetch, so it is unit-tested directly.

export interface Part {
  text: string;
  mark: boolean;
}

interface SearchHit {
  doc: SearchDoc;
  score: number;
  title: Part[];
  snippet: Part[];
}

export interface SearchResults {
  terms: string[];
  hits: SearchHit[];
  /** Every document that matched, before the display limit. */
  total: number;
}

interface Field {
  tokens: Map<string, number>;
  exact: number;
  prefix: number;
}

interface PreparedDoc {
  doc: SearchDoc;
  order: number;
  /** Title, aliases and text as folded words joined by single spaces, for phrase matches. */
  phrases: { title: string; aliases: string[]; text: string };
  fields: Field[];
  body: Field;
}

export interface PreparedIndex {
  docs: PreparedDoc[];
}

/**
 * Lower case without accents, one output character per input character, so a match found in the folded string
 * can be highlighted at the same offsets in the original ("Pérez" matches "perez").
 */
export function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFD').charAt(0).toLowerCase();
    // Keep the length of the original code unit(s): a surrogate pair folds to itself.
    out += base.length === ch.length ? base : ch;
  }
  return out;
}

const WORD = /[\p{L}\p{N}]+/gu;

export function tokenize(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

// Dropped from a query that has other words: nearly every section contains them, so requiring them adds nothing
// but would hide short glossary definitions that happen not to.
const STOPWORDS = new Set(
  'a an and are as at be by can do does for from how in is it its of on or that the this to was what when why with'.split(' '),
);

/** The distinct words of a query that must all match, in the order typed. */
export function queryTerms(query: string): string[] {
  const all = [...new Set(tokenize(query))];
  const kept = all.filter((t) => !STOPWORDS.has(t));
  return kept.length ? kept : all;
}

const words = (text: string) => tokenize(text).join(' ');

function countTokens(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tokenize(text)) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

export function prepareIndex(index: SearchIndex): PreparedIndex {
  return {
    docs: index.docs.map((doc, order) => ({
      doc,
      order,
      phrases: { title: words(doc.title), aliases: (doc.aliases ?? []).map(words), text: words(doc.text) },
      // Title words weigh most, then a glossary entry's aliases, then the chapter a section belongs to.
      fields: [
        { tokens: countTokens(doc.title), exact: 12, prefix: 8 },
        { tokens: countTokens((doc.aliases ?? []).join(' ')), exact: 10, prefix: 6 },
        { tokens: countTokens(doc.context), exact: 3, prefix: 2 },
      ],
      body: { tokens: countTokens(doc.text), exact: 3, prefix: 1.5 },
    })),
  };
}

/** A one-letter word matches only itself; longer words also match as the start of a longer word. */
function matchesToken(token: string, term: string): 'exact' | 'prefix' | null {
  if (token === term) return 'exact';
  if (term.length > 1 && token.startsWith(term)) return 'prefix';
  return null;
}

/** Best weight of `term` in a field, and how many times it occurs there. */
function scoreField(field: Field, term: string): { weight: number; count: number } {
  let weight = 0;
  let count = 0;
  for (const [token, n] of field.tokens) {
    const m = matchesToken(token, term);
    if (!m) continue;
    weight = Math.max(weight, m === 'exact' ? field.exact : field.prefix);
    count += n;
  }
  return { weight, count };
}

function scoreDoc(p: PreparedDoc, terms: string[], phrase: string): number | null {
  let score = 0;
  for (const term of terms) {
    let best = 0;
    for (const f of p.fields) best = Math.max(best, scoreField(f, term).weight);
    const inText = scoreField(p.body, term);
    best = Math.max(best, inText.weight);
    if (best === 0) return null; // every term must match somewhere
    // Repeated mentions in the text break ties between sections that all mention the word.
    score += best + Math.min(inText.count, 5) * 0.3;
  }
  // The words as typed, in order: an exact title or alias wins outright, a phrase inside a title or text helps.
  const { title, aliases, text } = p.phrases;
  if (title === phrase) score += 25;
  else if (aliases.includes(phrase)) score += 20;
  else if (phrase.includes(' ')) {
    if (` ${title}`.includes(` ${phrase}`)) score += 10;
    else if (` ${text}`.includes(` ${phrase}`)) score += 4;
  }
  return score;
}

const MAX_HITS = 20;
const SNIPPET_LENGTH = 160;

export function search(index: PreparedIndex, query: string, limit = MAX_HITS): SearchResults {
  const terms = queryTerms(query);
  if (!terms.length) return { terms, hits: [], total: 0 };
  const phrase = words(query);
  const scored: { p: PreparedDoc; score: number }[] = [];
  for (const p of index.docs) {
    const score = scoreDoc(p, terms, phrase);
    if (score !== null) scored.push({ p, score });
  }
  scored.sort((a, b) => b.score - a.score || a.p.order - b.p.order);
  const hits = scored.slice(0, limit).map(({ p, score }) => ({
    doc: p.doc,
    score,
    title: highlight(p.doc.title, terms),
    snippet: snippet(p.doc.text, terms),
  }));
  return { terms, hits, total: scored.length };
}

/** Start and end offsets of every word-start match of any term in `text`. */
export function matchRanges(text: string, terms: string[]): [number, number][] {
  const folded = fold(text);
  const ranges: [number, number][] = [];
  for (const m of folded.matchAll(WORD)) {
    let len = 0;
    for (const t of terms) if (matchesToken(m[0], t)) len = Math.max(len, t.length);
    if (len) ranges.push([m.index, m.index + len]);
  }
  return ranges;
}

function toParts(text: string, ranges: [number, number][]): Part[] {
  const parts: Part[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s < at) continue;
    if (s > at) parts.push({ text: text.slice(at, s), mark: false });
    parts.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return parts;
}

/** `text` split into marked and unmarked runs; the matched start of each word is marked. */
export function highlight(text: string, terms: string[]): Part[] {
  return toParts(text, matchRanges(text, terms));
}

/**
 * A window of about `length` characters around the densest cluster of matches (the one covering most distinct
 * terms, earliest on a tie), cut at word boundaries, with ellipses where text was left out.
 */
export function snippet(text: string, terms: string[], length = SNIPPET_LENGTH): Part[] {
  const ranges = matchRanges(text, terms);
  let start = 0;
  if (ranges.length && text.length > length) {
    const folded = fold(text);
    let bestCount = 0;
    let bestAt = 0;
    for (const [s] of ranges) {
      const window = ranges.filter(([x]) => x >= s && x < s + length * 0.75);
      const distinct = new Set(window.map(([x, e]) => folded.slice(x, e))).size;
      if (distinct > bestCount) {
        bestCount = distinct;
        bestAt = s;
      }
    }
    // Some context before the first match, unless that would run past the end.
    start = Math.max(0, Math.min(bestAt - Math.floor(length / 4), text.length - length));
    if (start > 0) {
      const space = text.indexOf(' ', start);
      start = space === -1 || space > bestAt ? start : space + 1;
    }
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + length / 2) end = space;
  }
  const inside = ranges.filter(([s, e]) => s >= start && e <= end).map(([s, e]): [number, number] => [s - start, e - start]);
  const parts = toParts(text.slice(start, end), inside);
  if (start > 0) parts.unshift({ text: '…', mark: false });
  if (end < text.length) parts.push({ text: '…', mark: false });
  return parts;
}
