import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeChapter } from '../../lib/content/analyze';
import { getChapter, listChapters } from '../../lib/content/chapters';
import { chapterToMarkdown } from '../../lib/content/markdown';
import { loadReferences } from '../../lib/content/references';

// Chapter 0 has every kind of thing the export converts: citations, terms, callouts, figures with an SVG and with a
// table, quizzes of each kind, a widget and the key takeaways.
const SLUG = 'introduction';
const chapter = getChapter(SLUG)!;
const analysis = analyzeChapter(fs.readFileSync(chapter.file, 'utf8'), SLUG, chapter.file);
const md = chapterToMarkdown(SLUG)!;
const [body = '', tail = ''] = md.split(/^## Answers$/m);
const references = tail.split(/^## References$/m)[1] ?? '';
const { references: refs } = loadReferences();

describe('chapterToMarkdown', () => {
  it('returns null for an unknown chapter', () => {
    expect(chapterToMarkdown('no-such-chapter')).toBeNull();
  });

  it('opens with the title, a link to the online chapter, the summary and the objectives, without frontmatter', () => {
    expect(md.startsWith(`# ${chapter.title}\n`)).toBe(true);
    expect(md).toContain(`(/chapters/${SLUG})`);
    expect(md).toContain(chapter.summary);
    for (const o of chapter.objectives) expect(md).toContain(`- ${o}`);
    expect(md).not.toMatch(/^section: \d/m);
    expect(md.match(/^# /gm)).toHaveLength(1);
  });

  it('keeps every heading of the chapter', () => {
    for (const h of analysis.headings) expect(md).toContain(`${'#'.repeat(h.depth)} ${h.text}\n`);
  });

  it('leaves no JSX, SVG or MDX component tags behind', () => {
    expect(md).not.toMatch(
      /<(Cite|Term|Quiz|Prompt|Choice|Explain|Callout|Figure|KeyTakeaways|TaxonomyTable|ClassifierDrill|svg|text|rect)\b/,
    );
    expect(md).not.toMatch(/<\/?[A-Za-z][A-Za-z0-9]*[\s/>]/);
    expect(md).not.toContain('viewBox');
  });

  it('numbers citations by first appearance, each matching its entry in the reference list', () => {
    const order = analysis.citationOrder;
    expect(order.length).toBeGreaterThan(3);
    const cited = [...body.matchAll(/\[(\d+)\](?![(:[])/g)].map((m) => Number(m[1]));
    const firstSeen = [...new Set(cited)];
    expect(firstSeen).toEqual(order.map((_, i) => i + 1));
    const items = [...references.matchAll(/^(\d+)\. (.+)$/gm)];
    expect(items.map((m) => Number(m[1]))).toEqual(order.map((_, i) => i + 1));
    items.forEach((m, i) => {
      const ref = refs.get(order[i]!)!;
      expect(m[2]).toContain(ref.title);
      expect(m[2]).toContain(`(${ref.year})`);
      expect(m[2]).toContain(ref.url);
      expect(m[2]).toContain(ref.venue);
      // The reference-style link definition makes "[n]" a link to the work in any Markdown viewer.
      expect(references).toContain(`[${i + 1}]: ${ref.url}`);
    });
  });

  it('turns each quiz into a question with lettered choices, and answers with explanations at the end', () => {
    const questions = body.match(/^\*\*Check yourself:\*\* /gm) ?? [];
    expect(questions).toHaveLength(analysis.quizzes.length);
    const answers = tail.split(/^## References$/m)[0]!;
    // The analysis gives plain text; the export keeps inline emphasis, so compare without markup.
    const bare = (s: string) => s.replace(/[*\\]/g, '');
    for (const q of analysis.quizzes) {
      expect(bare(body)).toContain(bare(`**Check yourself:** ${q.prompt}`));
      q.choices.forEach((c, i) => {
        expect(bare(body)).toContain(`- ${'ABCDE'[i]}. ${c.text}`);
        expect(bare(answers)).toContain(`${'ABCDE'[i]}. ${c.text}`);
        expect(bare(answers)).toContain(`${c.correct ? 'Correct.' : 'Incorrect.'} ${c.explain}`);
      });
    }
    expect(answers.match(/\*\*Correct\.\*\*/g)).toHaveLength(analysis.quizzes.flatMap((q) => q.choices).filter((c) => c.correct).length);
    // Explanations are only in the answers, not next to the questions.
    expect(body).not.toContain(analysis.quizzes[0]!.choices[0]!.explain.slice(0, 30));
  });

  it('turns callouts into labelled blockquotes and figures into numbered captions with their alt text', () => {
    expect(body).toMatch(/^> \*\*Example: CoinRun, three ways\*\*$/m);
    expect(body).toMatch(/^> \*\*Open question: How common is goal misgeneralization in frontier systems\?\*\*$/m);
    const figures = analysis.components.filter((c) => c.name === 'Figure');
    figures.forEach((f, i) => expect(body).toContain(`*Figure ${i + 1}: ${String(f.attrs.caption)}*`));
    const svgFigure = figures.find((f) => f.attrs.id === 'fig-intro-coinrun')!;
    expect(body).toContain(String(svgFigure.attrs.alt));
  });

  it('keeps tables as GFM tables', () => {
    expect(body).toMatch(/^\| Version +\| Training signal +\|/m);
    expect(body).toMatch(/^\| -+ \| -+ \|/m);
    expect(body).toMatch(/^\| C\. Goal misgeneralization +\| Correct +\|/m);
  });

  it('replaces widgets by a note linking to their section of the online chapter, and terms by their text', () => {
    expect(body).toMatch(/\*Interactive: an interactive table[^*]*\[the online chapter\]\(\/chapters\/introduction#[a-z0-9-]+\)\.\*/);
    expect(body).toMatch(/\*Interactive: a drill[^*]*\(\/chapters\/introduction#[a-z0-9-]+\)/);
    const term = /<Term id="[^"]+">([^<]+)<\/Term>/.exec(fs.readFileSync(chapter.file, 'utf8'))!;
    expect(body).toContain(term[1]);
    expect(md).not.toContain('id="');
  });

  it('exports every chapter cleanly', () => {
    for (const c of listChapters()) {
      const out = chapterToMarkdown(c.slug)!;
      expect(out, c.slug).not.toMatch(/<\/?[A-Z][A-Za-z]*[\s/>]|<svg/);
      expect(out, c.slug).toContain('## References');
    }
  });
});
