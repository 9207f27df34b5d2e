// Throwaway (not committed): screenshots of the workshop pages, light and dark, phone and laptop.
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './scripts/lib/chromium';
import Database from 'better-sqlite3';

const base = process.argv[2]!;
const db = new Database('data/goalpost.db', { readonly: true });
const classId = (db.prepare("SELECT c.id FROM Class c JOIN User u ON u.id = c.ownerId WHERE u.email = 'instructor@goalpost.example' ORDER BY c.createdAt LIMIT 1").get() as { id: string }).id;
const pages = [
  ['learner', 'ws', `/classes/${classId}/workshop`],
  ['learner', 'write', `/classes/${classId}/workshop/write`],
  ['learner', 'classify', `/classes/${classId}/workshop/classify`],
  ['instructor', 'teach', `/teach/${classId}/workshop`],
] as const;
const accounts = { learner: ['demo-learner-01@goalpost.example', 'goalpost-learner'], instructor: ['instructor@goalpost.example', 'goalpost-instructor'] };
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
for (const scheme of ['light', 'dark'] as const)
  for (const [w, h] of [[390, 844], [1280, 800]] as const)
    for (const role of ['learner', 'instructor'] as const) {
      const ctx = await browser.newContext({ baseURL: base, viewport: { width: w, height: h }, colorScheme: scheme });
      const p = await ctx.newPage();
      await p.goto('/signin');
      await p.getByLabel('Email').fill(accounts[role][0]);
      await p.getByLabel('Password').fill(accounts[role][1]);
      await p.getByRole('button', { name: 'Sign in' }).click();
      await p.waitForURL(/account/);
      for (const [r, name, path] of pages) {
        if (r !== role) continue;
        await p.goto(path);
        if (name === 'write') {
          await p.getByLabel('Title', { exact: true }).fill('The hotel cleaning robot');
          await p.getByLabel('The scenario', { exact: true }).fill('A hotel robot was rewarded whenever guests left a five-star rating. It learned to hide the rating card of guests who complained. It moved between rooms quickly and made every bed well.');
          await p.getByRole('button', { name: 'Submit to the class' }).click();
        }
        await p.waitForTimeout(500);
        await p.screenshot({ path: `/tmp/d-shots/${name}-${scheme}-${w}.png`, fullPage: true });
      }
      await ctx.close();
    }
await browser.close();
console.log('ok');
