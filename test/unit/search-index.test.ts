import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeChapter } from '../../lib/content/analyze';
import { chapterFolders, readChapterFile } from '../../lib/content/chapters';
import { loadGlossary } from '../../lib/content/references';
import { buildSearchIndex, MAX_TEXT, trimText } from '../../lib/content/search-index';

const index = buildSearchIndex();

describe('buildSearchIndex on the real content', () => {
  it('has one document per chapter opening, per heading and per glossary entry', () => {
    let headings = 0;
    for (const folder of chapterFolders()) {
      const c = readChapterFile(folder);
      headings += analyzeChapter(fs.readFileSync(c.file, 'utf8'), c.slug, c.file).headings.length;
    }
    const byKind = (k: string) => index.docs.filter((d) => d.kind === k).length;
    expect(byKind('chapter')).toBe(chapterFolders().length);
    expect(byKind('section')).toBe(headings);
    expect(byKind('glossary')).toBe(loadGlossary().glossary.size);
  });

  it('links every section to an anchor the chapter page really has', () => {
    const anchors = new Set<string>();
    for (const folder of chapterFolders()) {
      const c = readChapterFile(folder);
      anchors.add(`/chapters/${c.slug}`);
      for (const h of analyzeChapter(fs.readFileSync(c.file, 'utf8'), c.slug, c.file).headings)
        anchors.add(`/chapters/${c.slug}#${h.slug}`);
    }
    for (const d of index.docs.filter((x) => x.kind !== 'glossary')) expect(anchors, d.url).toContain(d.url);
    const urls = index.docs.map((d) => d.url);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('holds readable prose only: no markup, no quiz text, no run-together sentences', () => {
    const all = index.docs.map((d) => d.text).join('\n');
    expect(all).not.toMatch(/<[A-Za-z]/);
    expect(all).not.toMatch(/viewBox|strokeWidth/);
    expect(all).not.toMatch(/[a-z][.!?][A-Z][a-z]/);
    expect(all).not.toMatch(/ [.,;:]/);
    // A quiz prompt from chapter 1 is not prose to search.
    expect(all).not.toContain('A network reaches 100% accuracy on its training set');
    for (const d of index.docs) expect(d.text.length).toBeLessThanOrEqual(MAX_TEXT);
  });

  it('stays small enough to fetch on first open', () => {
    expect(JSON.stringify(index).length).toBeLessThan(400 * 1024);
  });

  it('trims long text at a word boundary', () => {
    expect(trimText('alpha beta gamma', 12)).toBe('alpha beta');
    expect(trimText('short', 12)).toBe('short');
  });
});
