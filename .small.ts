import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './scripts/lib/chromium';
const base = 'http://127.0.0.1:3431';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
for (const [w, h] of [[390, 844], [1280, 800]] as const) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  for (const slug of ['learning-dynamics', 'multi-objective-generalization']) {
    await page.goto(`${base}/chapters/${slug}`);
    await page.waitForLoadState('networkidle');
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('section[aria-label] svg text')].flatMap((t) => {
        const svg = (t as SVGTextElement).ownerSVGElement!;
        const m = svg.getScreenCTM();
        const px = parseFloat(getComputedStyle(t).fontSize) * (m ? m.a : 1);
        return px < 12 ? [`${Math.round(px * 10) / 10} ${(t as Element).getAttribute('class')} "${t.textContent}" svgW=${Math.round(svg.getBoundingClientRect().width)} vb=${svg.getAttribute('viewBox')}`] : [];
      }),
    );
    console.log(w, slug, small.slice(0, 12).join('\n  '));
  }
}
await browser.close();
