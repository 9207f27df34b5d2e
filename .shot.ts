import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './scripts/lib/chromium';
const base = process.env.BASE ?? 'http://127.0.0.1:3431';
const out = process.env.OUT ?? '/tmp/shots-interact';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
for (const [w, h] of [[390, 844], [1280, 800]] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h }, colorScheme: scheme });
    const page = await ctx.newPage();
    for (const [slug, btn] of [['learning-dynamics', 'Train the network yourself'], ['multi-objective-generalization', 'Train the agent yourself']] as const) {
      await page.goto(`${base}/chapters/${slug}`);
      await page.waitForLoadState('networkidle');
      const b = page.getByRole('button', { name: btn });
      await b.scrollIntoViewIfNeeded();
      await b.click();
      await page.getByRole('button', { name: 'Train', exact: true }).click();
      await page.getByRole('status').filter({ hasText: /Training finished|Trained:/ }).waitFor({ timeout: 60000 });
      const section = page.locator('section[aria-label]').filter({ has: page.getByRole('button', { name: 'Train', exact: true }) });
      const info = await section.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const kids = [...el.querySelectorAll('*')].map((k) => k.getBoundingClientRect().bottom);
        const texts = [...el.querySelectorAll('svg text')].map((t) => {
          const svg = (t as SVGTextElement).ownerSVGElement!;
          const m = svg.getScreenCTM();
          return Math.round(parseFloat(getComputedStyle(t).fontSize) * (m ? m.a : 1) * 10) / 10;
        });
        const btn = el.querySelector('button')!;
        return { height: Math.round(r.height), contentBottom: Math.round(Math.max(...kids) - r.top), minText: Math.min(...texts), btnFont: getComputedStyle(btn).fontFamily.slice(0, 30), labelFont: getComputedStyle(el.querySelector('legend')!).fontFamily.slice(0, 30) };
      });
      console.log(w, scheme, slug, JSON.stringify(info));
      await section.screenshot({ path: `${out}/${slug}-${w}-${scheme}.png` });
    }
    await ctx.close();
  }
}
await browser.close();
