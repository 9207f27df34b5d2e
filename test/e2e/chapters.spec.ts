import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { analyzeChapter } from '../../lib/content/analyze';
import { scrollToTop } from './support';

const chapters = fs
  .readdirSync('content/chapters')
  .filter((d) => /^\d{2}-/.test(d))
  .sort()
  .map((folder) => {
    const file = `content/chapters/${folder}/index.mdx`;
    const raw = fs.readFileSync(file, 'utf8');
    const title = /^title:\s*"?(.+?)"?\s*$/m.exec(raw)![1]!;
    return { slug: folder.slice(3), title, quizzes: analyzeChapter(raw, folder.slice(3), file).quizzes.length };
  });

test.describe('every chapter', () => {
  test('there are seven chapters', () => {
    expect(chapters).toHaveLength(7);
  });

  for (const c of chapters) {
    test(`${c.slug} opens with its title, every quiz, references and no serious accessibility problem`, async ({ browser }) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const res = await page.goto(`/chapters/${c.slug}`);
      expect(res?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1, name: c.title })).toBeVisible();
      await expect(page.locator('form[data-quiz-id]')).toHaveCount(c.quizzes);
      await expect(page.getByRole('heading', { name: 'References' })).toBeVisible();
      await expect(page.locator('figure').first()).toBeVisible();
      await scrollToTop(page);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
