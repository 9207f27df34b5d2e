import { describe, expect, it } from 'vitest';
import type { QuizInfo } from '../../lib/content/analyze';
import {
  absoluteDistractors,
  absoluteWordsIn,
  contentWords,
  jaccard,
  NEAR_DUPLICATE_THRESHOLD,
  nearDuplicateQuizzes,
  quizGist,
  referenceKeyLines,
  shingles,
  uncitedReferences,
} from '../../lib/content/quiz-lint';

const quiz = (id: string, chapter: string, prompt: string, choices: [string, boolean][], kind: QuizInfo['kind'] = 'single'): QuizInfo => ({
  id,
  kind,
  chapter,
  section: null,
  prompt,
  choices: choices.map(([text, correct]) => ({ text, correct, explain: 'Why this choice is right or wrong for the case.' })),
  line: 1,
});

describe('absolute-word distractors', () => {
  it('finds the listed words as whole words, in any case, and nothing inside other words', () => {
    expect(absoluteWordsIn('It ALWAYS wins, and never loses; only that.')).toEqual(['always', 'never', 'only']);
    expect(absoluteWordsIn('This guarantees nothing; none of them; all of it.')).toEqual(['guarantees', 'none', 'all']);
    expect(absoluteWordsIn('Finally, the allowance is nonetheless onlyish.')).toEqual([]);
  });

  it('flags a wrong choice that uses an absolute word when the key does not', () => {
    const q = quiz('q', 'a', 'What does the agent do?', [
      ['It runs past the coin to the end of the level.', true],
      ['It always goes to the coin.', false],
      ['It wanders, since nothing it learned applies.', false],
    ]);
    expect(absoluteDistractors(q)).toEqual([{ choice: 2, text: 'It always goes to the coin.', words: ['always'] }]);
  });

  it('leaves the quiz alone when a correct choice uses an absolute word too', () => {
    const q = quiz('q', 'a', 'Which can a same-distribution test tell apart?', [
      ['None of the goals that agree on every training level.', true],
      ['Only goals that differ in speed.', false],
    ]);
    expect(absoluteDistractors(q)).toEqual([]);
  });

  it('does not flag a key, or a classify quiz', () => {
    expect(
      absoluteDistractors(
        quiz('q', 'a', 'P?', [
          ['It only runs right.', true],
          ['It fetches the coin.', false],
        ]),
      ),
    ).toEqual([]);
    const c = quiz(
      'c',
      'a',
      'A robot always heads for the red door.',
      [
        ['Specification gaming', false],
        ['Goal misgeneralization', true],
        ['Capability failure', false],
      ],
      'classify',
    );
    expect(absoluteDistractors(c)).toEqual([]);
  });
});

describe('near-duplicate quizzes', () => {
  it('compares content words: boilerplate and function words do not count', () => {
    expect(contentWords('Which statements are supported? Select all that apply.')).toEqual(['support']);
    expect([...shingles('The robot heads for the red door', 2)]).toEqual(['robot head', 'head red', 'red door']);
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });

  it('uses the prompt and the key, but only the prompt for a classify quiz', () => {
    const q = quiz('q', 'a', 'Prompt text.', [
      ['Key text.', true],
      ['Wrong text.', false],
    ]);
    expect(quizGist(q)).toBe('Prompt text. Key text.');
    expect(quizGist({ ...q, kind: 'classify' })).toBe('Prompt text.');
  });

  const coinA = quiz(
    'coin-a',
    'intro',
    'An agent trained with the coin at the right-hand end meets a level with the coin in the middle. What does it do?',
    [
      ['It runs past the coin to the end of the level.', true],
      ['It goes to the coin.', false],
    ],
  );
  const coinB = quiz(
    'coin-b',
    'detection',
    'An agent trained with the coin at the right-hand end meets a test level with the coin moved to the middle. Predict what it does.',
    [
      ['It runs past the coin to the end of the level.', true],
      ['It stops moving.', false],
    ],
  );
  const other = quiz('other', 'detection', 'A summarizer scored by word overlap learns to copy phrases. Which failure is this?', [
    ['Specification gaming, since the score paid for copying.', true],
    ['A capability failure.', false],
  ]);

  it('reports a reworded copy in another chapter, with its score, and not a different case', () => {
    const found = nearDuplicateQuizzes([coinA, coinB, other]);
    expect(found.map((d) => [d.a.id, d.b.id])).toEqual([['coin-a', 'coin-b']]);
    expect(found[0]!.score).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
  });

  it('does not compare quizzes within one chapter (a contrast pair may share its setting)', () => {
    expect(nearDuplicateQuizzes([coinA, { ...coinB, chapter: 'intro' }])).toEqual([]);
  });

  it('keeps the threshold between the two flagged pairs of the old bank and the closest pair of the fixed one', () => {
    // Scores of real pairs (see AUTHORING.md): the old bank's coloured-marker items scored 0.081 and 0.068, the two
    // exit-code items 0.074; the closest pair left after the rewrite scores 0.059.
    expect(NEAR_DUPLICATE_THRESHOLD).toBeGreaterThan(0.059);
    expect(NEAR_DUPLICATE_THRESHOLD).toBeLessThanOrEqual(0.068);
  });
});

describe('uncited references', () => {
  it('lists keys nobody cites or uses as a scenario source, in file order', () => {
    expect(uncitedReferences(['a2020', 'b2021', 'c2022'], ['b2021', 'zzz'])).toEqual(['a2020', 'c2022']);
    expect(uncitedReferences(['a2020'], ['a2020'])).toEqual([]);
  });

  it('finds the line of each top-level key', () => {
    const yaml = 'a2020:\n  title: "x"\n  year: 2020\n\nb2021:\n  title: "y"\n';
    expect(referenceKeyLines(yaml)).toEqual(
      new Map([
        ['a2020', 1],
        ['b2021', 5],
      ]),
    );
  });
});
