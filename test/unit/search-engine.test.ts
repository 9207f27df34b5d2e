import { describe, expect, it } from 'vitest';
import {
  fold,
  highlight,
  matchRanges,
  prepareIndex,
  queryTerms,
  search,
  snippet,
  tokenize,
  type Part,
} from '../../components/search/search-engine';
import type { SearchDoc } from '../../lib/content/search-index';

const doc = (d: Partial<SearchDoc> & Pick<SearchDoc, 'title' | 'text'>): SearchDoc => ({
  kind: 'section',
  url: `/chapters/x#${d.title.toLowerCase().replace(/\W+/g, '-')}`,
  context: 'Learning dynamics',
  ...d,
});

const DOCS: SearchDoc[] = [
  doc({
    title: 'Training as search over algorithms',
    text: 'Training searches a family of functions. A proxy goal can fit the data as well as the intended goal.',
  }),
  doc({ title: 'Why a simpler proxy goal tends to win', text: 'Simplicity bias pulls gradient descent towards the simplest rule.' }),
  doc({
    kind: 'glossary',
    url: '/glossary#proxy-goal',
    title: 'Proxy goal',
    context: 'Glossary',
    aliases: ['proxy'],
    text: 'A goal a system learns in place of the intended one because the two agreed throughout training.',
  }),
  doc({
    title: 'Parameter-function map',
    text: 'Valle-Pérez and colleagues showed that simple functions take up more of parameter space.',
  }),
  doc({
    kind: 'glossary',
    url: '/glossary#gmg',
    title: 'Goal misgeneralization',
    context: 'Glossary',
    aliases: ['GMG'],
    text: 'Competent pursuit of the wrong goal after a distribution shift.',
  }),
];
const index = prepareIndex({ version: 1, docs: DOCS });
const plain = (parts: Part[]) => parts.map((p) => p.text).join('');
const marked = (parts: Part[]) => parts.filter((p) => p.mark).map((p) => p.text);

describe('tokenising', () => {
  it('folds case and accents without changing the length, so matches map back onto the original text', () => {
    expect(fold('Valle-Pérez ÇA')).toBe('valle-perez ca');
    expect(fold('Pérez').length).toBe('Pérez'.length);
    expect(tokenize("Agent's goal-directed i.i.d. test")).toEqual(['agent', 's', 'goal', 'directed', 'i', 'i', 'd', 'test']);
  });

  it('drops stop words unless the query is nothing but stop words', () => {
    expect(queryTerms('Why does the proxy win?')).toEqual(['proxy', 'win']);
    expect(queryTerms('proxy proxy')).toEqual(['proxy']);
    expect(queryTerms('the')).toEqual(['the']);
    expect(queryTerms('  ')).toEqual([]);
  });
});

describe('search', () => {
  it('requires every term to match, as a whole word or the start of one', () => {
    const r = search(index, 'simpl rule');
    expect(r.hits.map((h) => h.doc.title)).toEqual(['Why a simpler proxy goal tends to win']);
    expect(search(index, 'simpl nonexistent').total).toBe(0);
    // The middle of a word is not a match.
    expect(search(index, 'implicity').total).toBe(0);
  });

  it('ranks an exact title (or alias) first, then title matches above text-only matches', () => {
    const r = search(index, 'proxy goal');
    expect(r.hits.map((h) => h.doc.title)).toEqual([
      'Proxy goal',
      'Why a simpler proxy goal tends to win',
      'Training as search over algorithms',
    ]);
    expect(search(index, 'gmg').hits[0]?.doc.url).toBe('/glossary#gmg');
  });

  it('finds accented words from plain letters and matches chapter titles as context', () => {
    expect(search(index, 'perez').hits.map((h) => h.doc.title)).toEqual(['Parameter-function map']);
    expect(search(index, 'learning dynamics simplest').hits.map((h) => h.doc.title)).toEqual(['Why a simpler proxy goal tends to win']);
  });

  it('reports the full count and honours the display limit', () => {
    const r = search(index, 'goal', 2);
    expect(r.total).toBe(4);
    expect(r.hits).toHaveLength(2);
  });

  it('returns nothing for an empty query', () => {
    expect(search(index, ' , ')).toEqual({ terms: [], hits: [], total: 0 });
  });

  it('marks the matched start of each word in the title and snippet', () => {
    const hit = search(index, 'perez simpl').hits[0]!;
    expect(marked(hit.snippet)).toEqual(['Pérez', 'simpl']);
    expect(plain(hit.title)).toBe('Parameter-function map');
  });
});

describe('highlight and snippet', () => {
  it('splits text into marked and unmarked runs that join back to the original', () => {
    const parts = highlight('Goal misgeneralization: goals that generalize', ['goal', 'general']);
    expect(plain(parts)).toBe('Goal misgeneralization: goals that generalize');
    expect(marked(parts)).toEqual(['Goal', 'goal', 'general']);
  });

  it('only matches at word starts', () => {
    expect(matchRanges('misgeneralization generalize', ['general'])).toEqual([[18, 25]]);
  });

  it('cuts a window around the densest cluster of matches at word boundaries, with ellipses', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(20);
    const text = `${filler}the proxy goal appears here ${filler}and proxy alone here ${filler}`;
    const parts = snippet(text, ['proxy', 'goal'], 80);
    const s = plain(parts);
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toContain('the proxy goal appears');
    expect(marked(parts)).toEqual(['proxy', 'goal']);
    // Whole words only at the cuts.
    expect(
      s
        .slice(1, -1)
        .trim()
        .split(' ')
        .every((w) => ['lorem', 'ipsum', 'dolor', 'sit', 'amet', 'the', 'proxy', 'goal', 'appears', 'here', 'and'].includes(w)),
    ).toBe(true);
    expect(s.length).toBeLessThanOrEqual(82);
  });

  it('shows the start of a short text whole, and the start of a long one when nothing matched in it', () => {
    expect(plain(snippet('A short definition.', ['zzz']))).toBe('A short definition.');
    const long = 'word '.repeat(100).trim();
    const s = plain(snippet(long, ['zzz'], 40));
    expect(s.startsWith('word')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
  });
});
