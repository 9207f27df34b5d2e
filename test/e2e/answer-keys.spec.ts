import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { analyzeChapter } from '../../lib/content/analyze';
import { loadScenarioBank } from '../../lib/content/scenarios';
import { QUESTIONS } from '../../lib/learning/scenario-schema';

// No page carries an answer key before the learner answers: not the HTML, and not the RSC payload a client-side
// navigation fetches. The server grades and sends the key, the explanations and the case notes with the grade.

const chaptersDir = path.join('content', 'chapters');
const chapters = fs
  .readdirSync(chaptersDir)
  .sort()
  .map((folder) =>
    analyzeChapter(fs.readFileSync(path.join(chaptersDir, folder, 'index.mdx'), 'utf8'), folder.replace(/^\d{2}-/, ''), folder),
  );
const bank = loadScenarioBank().scenarios;

/** A distinctive stretch of a text (its longest run of plain words), so HTML escaping of quotes and ampersands does not hide it. */
function probe(text: string): string | null {
  const runs = text.match(/[A-Za-z][A-Za-z ,;:()-]{30,}/g) ?? [];
  const longest = runs.sort((a, b) => b.length - a.length)[0];
  return longest ? longest.trim().slice(0, 60) : null;
}

/** The page as the browser gets it on a full load, and as the RSC payload of a client-side navigation. */
async function payloads(request: APIRequestContext, url: string): Promise<[string, string]> {
  const html = await request.get(url);
  expect(html.status(), url).toBe(200);
  const rsc = await request.get(url, { headers: { RSC: '1' } });
  expect(rsc.status(), `${url} (RSC)`).toBe(200);
  return [await html.text(), await rsc.text()];
}

/** Texts that would give a scenario away: its notes, evidence notes, rationale, arguments and the goal it pursued. */
function scenarioSecrets(id: string): string[] {
  const s = bank.find((x) => x.id === id)!;
  return [s.rationale, s.goalPursued, ...QUESTIONS.map((q) => s.questions[q].note ?? ''), ...Object.values(s.arguments ?? {})].flatMap(
    (t) => probe(t) ?? [],
  );
}

function expectNone(body: string, secrets: string[], where: string) {
  const found = secrets.filter((p) => body.includes(p));
  expect(found, `${where} carries text only the grade should reveal`).toEqual([]);
}

test.describe('no answer key before an answer', () => {
  for (const ch of chapters) {
    test(`chapter ${ch.slug}: HTML and RSC hold no quiz key, explanation or scenario verdict`, async ({ request }) => {
      const explanations = ch.quizzes.flatMap((q) => q.choices.flatMap((c) => probe(c.explain) ?? []));
      expect(explanations.length).toBeGreaterThan(0);
      for (const [kind, body] of (await payloads(request, `/chapters/${ch.slug}`)).entries()) {
        const where = `/chapters/${ch.slug} ${kind ? 'RSC' : 'HTML'}`;
        expect(body, where).not.toMatch(/"correct":\s*true/);
        expect(body, where).not.toMatch(/"explain":/);
        expectNone(body, explanations, where);
        // The embedded drill: no scenario's verdict, notes or rationale.
        expect(body, where).not.toMatch(/"label":\s*"(specification-gaming|goal-misgeneralization|capability-failure)"/);
        expect(body, where).not.toMatch(/"questions":/);
        expectNone(
          body,
          bank.filter((s) => s.chapter === ch.slug).flatMap((s) => scenarioSecrets(s.id)),
          where,
        );
      }
    });
  }

  for (const url of [
    '/practice?chapter=introduction',
    '/practice?chapter=scheming',
    '/practice?difficulty=advanced',
    '/practice?family=coinrun-coin',
    '/practice?set=all',
  ]) {
    test(`drill ${url}: HTML and RSC hold no label, answers, notes or rationale`, async ({ request }) => {
      for (const [kind, body] of (await payloads(request, url)).entries()) {
        const where = `${url} ${kind ? 'RSC' : 'HTML'}`;
        // The scenarios are there to read…
        const shown = bank.filter((s) => body.includes(s.id));
        expect(shown.length, where).toBeGreaterThan(1);
        // …but nothing that decides them.
        expect(body, where).not.toMatch(/"label":\s*"(specification-gaming|goal-misgeneralization|capability-failure)"/);
        expect(body, where).not.toMatch(/"(questions|rationale|goalPursued|acceptable|arguments)":/);
        expectNone(
          body,
          shown.flatMap((s) => scenarioSecrets(s.id)),
          where,
        );
      }
    });
  }

  test('review items for a guest carry no key, explanation or verdict', async ({ request }) => {
    const quiz = chapters[0]!.quizzes[0]!;
    const scenario = bank.find((x) => !x.contested)!;
    const res = await request.post('/api/review-items', {
      data: {
        cards: [
          { id: 'q:1', itemKind: 'quiz', itemId: quiz.id, reps: 1 },
          { id: 's:1', itemKind: 'scenario', itemId: scenario.id, reps: 0 },
        ],
      },
    });
    expect(res.status()).toBe(200);
    const body = await res.text();
    expect(JSON.parse(body).items.filter((i: { item: unknown }) => i.item)).toHaveLength(2);
    expect(body).not.toMatch(/"(correct|explain|label|questions|rationale|goalPursued)":/);
    expectNone(
      body,
      quiz.choices.flatMap((c) => probe(c.explain) ?? []),
      '/api/review-items',
    );
  });
});
