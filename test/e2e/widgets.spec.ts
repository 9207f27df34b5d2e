import { expect, test } from '@playwright/test';

test.describe('interactive widgets, end to end in a real browser', () => {
  test('the CoinRun-style gridworld trains in a Web Worker and runs on test levels', async ({ page }) => {
    await page.goto('/chapters/multi-objective-generalization');
    // The static picture teaches before any script runs.
    await expect(page.getByText(/coin never moved in training/).first()).toBeVisible();
    await page.getByRole('button', { name: 'Train the agent yourself' }).click();
    const train = page.getByRole('button', { name: 'Train', exact: true });
    await expect(train).toBeVisible();
    await page.getByLabel('Coin moved in training').focus();
    await train.click();
    // Progress is reported while the worker trains, and the page stays responsive.
    await expect(page.getByRole('progressbar', { name: 'Training progress' })).toBeVisible();
    const status = page.getByRole('status').filter({ hasText: /Trained: it took the coin/ });
    await expect(status).toBeVisible({ timeout: 30_000 });
    await expect(status).toContainText(/test levels with the coin moved: coin \d+%, end \d+%/);
    await page.getByRole('button', { name: 'Run on test levels' }).click();
    await page.getByRole('button', { name: 'Skip to results' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Finished \d+ test levels: coin \d+, end \d+, other \d+/ })).toBeVisible();
  });

  test('the simplicity-bias toy trains and reports accuracy on the shifted test sets', async ({ page }) => {
    await page.goto('/chapters/learning-dynamics');
    await page.getByRole('button', { name: 'Train the network yourself' }).click();
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const done = page.getByRole('status').filter({ hasText: /Training finished: iid \d+%/ });
    await expect(done).toBeVisible({ timeout: 30_000 });
    await expect(done).toContainText(/position randomized [\d.]+%/);
  });

  test('search opens with / and Ctrl-K and takes the reader to the result', async ({ page }) => {
    await page.goto('/');
    await page.waitForLoadState('networkidle'); // the shortcut is live once the page has hydrated
    await page.keyboard.press('/');
    const input = page.getByRole('combobox', { name: 'Search chapters and glossary' });
    await expect(input).toBeFocused();
    await input.fill('proxy goal');
    const results = page.getByRole('listbox', { name: 'Results' });
    await expect(results.getByRole('option').first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(input).toBeHidden();
    await page.keyboard.press('Control+k');
    await expect(input).toBeFocused();
    await input.fill('CoinRun diversity');
    await expect(results.getByRole('option').first()).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/chapters\/[a-z-]+#[a-z0-9-]+$|\/glossary#/);
  });
});

// What a reader sees after training either toy, on a phone and on a desktop: the controls in the app's sans-serif,
// every chart label at least 12 pixels as drawn, each accuracy line told apart by its dash pattern and marker
// shape (not only its colour), and no empty block left under the panel.
const TOYS = [
  { chapter: 'learning-dynamics', widget: 'Simplicity-bias toy', open: 'Train the network yourself', done: /Training finished: iid \d+%/ },
  {
    chapter: 'multi-objective-generalization',
    widget: 'CoinRun gridworld',
    open: 'Train the agent yourself',
    done: /Trained: it took the coin/,
  },
];

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test(`after training, at ${viewport.width}px: sans-serif controls, chart labels of 12px or more, lines apart without colour, no empty block`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    for (const toy of TOYS) {
      await page.goto(`/chapters/${toy.chapter}`);
      await page.waitForLoadState('networkidle');
      const widget = page.getByRole('region', { name: toy.widget });
      await widget.getByRole('button', { name: toy.open }).click();
      await widget.getByRole('button', { name: 'Train', exact: true }).click();
      await expect(widget.getByRole('status').filter({ hasText: toy.done })).toBeVisible({ timeout: 30_000 });

      const found = await widget.evaluate((el) => {
        const sans = getComputedStyle(document.body).fontFamily;
        const controls = [...el.querySelectorAll('button, input, select, label, legend')];
        const wrongFont = controls
          .filter((c) => getComputedStyle(c).fontFamily !== sans)
          .map((c) => `${c.tagName} ${c.textContent?.trim().slice(0, 30)}: ${getComputedStyle(c).fontFamily}`);
        const labels = [...el.querySelectorAll('svg[data-chart] text')].map((t) => {
          const svg = (t as SVGTextElement).ownerSVGElement!;
          const drawn = parseFloat(getComputedStyle(t).fontSize) * (svg.getScreenCTM()?.a ?? 1);
          return { text: t.textContent ?? '', chart: svg.dataset.chart, px: Math.round(drawn * 10) / 10 };
        });
        const series = [...el.querySelectorAll('svg[data-chart="accuracy"] [data-series]')].map((g) => ({
          key: (g as SVGGElement).dataset.series,
          dash: getComputedStyle(g.querySelector('polyline')!).strokeDasharray,
          marker: (g as SVGGElement).dataset.marker,
          markers: g.querySelectorAll('circle, rect, path').length,
        }));
        // The lowest thing drawn in the widget, against the widget's own bottom edge (inside its padding).
        const box = el.getBoundingClientRect();
        const leaves = [...el.querySelectorAll('*')].filter(
          (e) => e.children.length === 0 && e.getClientRects().length > 0 && !e.closest('.visually-hidden'),
        );
        const lowest = Math.max(...leaves.map((e) => e.getBoundingClientRect().bottom));
        const padding = parseFloat(getComputedStyle(el).paddingBottom) + parseFloat(getComputedStyle(el).borderBottomWidth);
        return { sans, wrongFont, labels, series, emptyBelow: Math.round(box.bottom - padding - lowest), controls: controls.length };
      });
      expect(found.sans, 'the app font is the sans-serif stack').toMatch(/system-ui|sans-serif/);
      expect(found.controls).toBeGreaterThan(5);
      expect(found.wrongFont, `${toy.widget}: controls not in the app's sans-serif`).toEqual([]);
      expect(found.labels.length, `${toy.widget}: chart labels found`).toBeGreaterThan(5);
      expect(
        found.labels.filter((l) => l.px < 12),
        `${toy.widget}: chart labels under 12px`,
      ).toEqual([]);
      expect(found.emptyBelow, `${toy.widget}: empty space under the panel (px)`).toBeLessThan(24);
      if (toy.chapter === 'learning-dynamics') {
        expect(found.series.map((s) => s.key)).toEqual(['iid', 'hardRandomized', 'simpleRandomized']);
        // Every line differs from every other by its dash pattern and by its marker shape, and carries markers.
        expect(new Set(found.series.map((s) => s.dash)).size, JSON.stringify(found.series)).toBe(3);
        expect(new Set(found.series.map((s) => s.marker)).size, JSON.stringify(found.series)).toBe(3);
        for (const s of found.series) expect(s.markers, `${s.key} markers`).toBeGreaterThan(3);
      }
    }
  });
}
