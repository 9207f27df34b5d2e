import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// The registry pulls in the quiz, whose server action needs the Next runtime; the names are what matter here.
vi.mock('@/lib/actions/learning', () => ({ submitQuizAnswer: vi.fn(), markChapterComplete: vi.fn(), saveChapterPosition: vi.fn() }));
vi.mock('@/lib/actions/drill', () => ({ submitDrillAnswer: vi.fn(), importScenarioSetForm: vi.fn(), deleteScenarioSetAction: vi.fn() }));
vi.mock('@/lib/actions/review', () => ({ submitReview: vi.fn(), gradeReviewAsGuest: vi.fn() }));
import { checkContent } from '../../lib/content/check';
import { MDX_COMPONENT_NAMES } from '../../lib/content/registry-names';

describe('content check', () => {
  it('reports every problem in a deliberately broken course with file and line', async () => {
    const r = await checkContent(path.join('test', 'fixtures', 'broken-content'));
    const msgs = r.issues.map((i) => `${path.basename(path.dirname(i.file))}/${path.basename(i.file)}:${i.line}: ${i.message}`);
    const has = (re: RegExp) =>
      expect(
        msgs.some((m) => re.test(m)),
        `expected an issue matching ${re}\n${msgs.join('\n')}`,
      ).toBe(true);
    has(/00-broken\/index\.mdx:13: <Sparkle> is not a registered component/);
    has(/index\.mdx:15: unknown citation key "nobody2099"/);
    has(/index\.mdx:15: unknown glossary id "not-a-term"/);
    has(/index\.mdx:17: broken link "\/chapters\/no-such-chapter"/);
    has(/index\.mdx:17: broken anchor "#no-such-heading"/);
    has(/index\.mdx:25: duplicate quiz id "dup-quiz"/);
    has(/index\.mdx:25: .*single-choice quiz has exactly one correct choice \(has 2\)/);
    has(/scenarios\/bad\.yaml:10: scenario "bad-answers": questions\.training\.answer: a goal-misgeneralization case answers "no" here/);
    has(/scenarios\/bad\.yaml:\d+: scenario "bad-answers": questions\.competence\.evidence\.0: is not a sentence of the description/);
    has(/glossary\.yaml:1: .*unknown chapter "nowhere"/);
    // The quiz rubric's rules (lib/content/quiz-lint.ts) and the uncited-reference rule.
    has(/00-broken\/index\.mdx:31: Quiz "giveaway-quiz": choice 2 is a wrong answer that says "always"/);
    has(/01-echo\/index\.mdx:15: Quiz "echo-quiz" nearly duplicates "giveaway-quiz" \(.*00-broken\/index\.mdx:31\)/);
    has(/broken-content\/references\.yaml:8: reference "orphan2020" is never cited/);
    const hasNot = (re: RegExp) =>
      expect(
        msgs.some((m) => re.test(m)),
        `expected no issue matching ${re}\n${msgs.join('\n')}`,
      ).toBe(false);
    hasNot(/absolute-key-quiz/); // its key says "none", so a distractor's "only" gives nothing away
    hasNot(/echo-distinct/); // a different case in another chapter is not a near-duplicate
    hasNot(/reference "langosco2022"/); // cited by 01-echo
  });

  it('passes the real course', async () => {
    const r = await checkContent('content');
    expect(r.issues).toEqual([]);
    expect(r.totals.chapters).toBe(7);
    expect(r.totals.quizzes).toBeGreaterThanOrEqual(42);
    expect(r.totals.scenarios).toBeGreaterThanOrEqual(110);
    expect(r.totals.families).toBeGreaterThanOrEqual(30);
  });

  it('the MDX registry provides exactly the names the checker allows', async () => {
    const { mdxComponents } = await import('../../components/mdx/registry');
    expect(Object.keys(mdxComponents).sort()).toEqual([...MDX_COMPONENT_NAMES].sort());
  });
});
