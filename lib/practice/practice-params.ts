import { CHAPTER_SLUGS, DIFFICULTIES } from '@/lib/content/scenarios';
import { seedFrom } from './practice-sets';

type ChapterSlug = (typeof CHAPTER_SLUGS)[number];
export type Difficulty = (typeof DIFFICULTIES)[number];

/** What /practice was asked for, read from its query string. Nothing here touches the database. */
export type PracticeChoice =
  | { kind: 'hub' }
  | { kind: 'bank'; chapter?: ChapterSlug; difficulty?: Difficulty }
  | { kind: 'missed' }
  | { kind: 'all'; seed: number | null }
  | { kind: 'imported'; setId: string }
  | { kind: 'family'; family: string }
  | { kind: 'invalid'; problems: string[] };

export type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim();
const SET_ID = /^[A-Za-z0-9_-]{1,40}$/;

export function parsePracticeParams(sp: SearchParams): PracticeChoice {
  const set = first(sp.set);
  const chapter = first(sp.chapter);
  const difficulty = first(sp.difficulty);
  const family = first(sp.family);
  if (family !== undefined) {
    if (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(family) && family.length <= 120) return { kind: 'family', family };
    return { kind: 'invalid', problems: [`“${family.slice(0, 60)}” is not a family of scenarios.`] };
  }
  if (set !== undefined) {
    if (set === 'missed') return { kind: 'missed' };
    if (set === 'all') {
      const seed = first(sp.seed);
      return { kind: 'all', seed: seed ? seedFrom(seed.slice(0, 40)) : null };
    }
    if (SET_ID.test(set)) return { kind: 'imported', setId: set };
    return { kind: 'invalid', problems: [`“${set.slice(0, 60)}” is not a practice set.`] };
  }
  if (chapter === undefined && difficulty === undefined) return { kind: 'hub' };
  const problems: string[] = [];
  if (chapter !== undefined && !(CHAPTER_SLUGS as readonly string[]).includes(chapter))
    problems.push(`There is no chapter called “${chapter.slice(0, 60)}”.`);
  if (difficulty !== undefined && !(DIFFICULTIES as readonly string[]).includes(difficulty))
    problems.push(`“${difficulty.slice(0, 60)}” is not a difficulty; choose intro, core or advanced.`);
  if (problems.length) return { kind: 'invalid', problems };
  return { kind: 'bank', chapter: chapter as ChapterSlug | undefined, difficulty: difficulty as Difficulty | undefined };
}

export const DIFFICULTY_TEXT: Record<Difficulty, { title: string; blurb: string }> = {
  intro: { title: 'Intro', blurb: 'Clear-cut cases: one question usually decides.' },
  core: { title: 'Core', blurb: 'The everyday cases the course is built on.' },
  advanced: { title: 'Advanced', blurb: 'Subtle and contested cases, where careful readers disagree.' },
};

export function practiceHref(choice: PracticeChoice): string {
  switch (choice.kind) {
    case 'bank': {
      const q = new URLSearchParams();
      if (choice.chapter) q.set('chapter', choice.chapter);
      if (choice.difficulty) q.set('difficulty', choice.difficulty);
      return `/practice?${q}`;
    }
    case 'missed':
      return '/practice?set=missed';
    case 'all':
      return choice.seed === null ? '/practice?set=all' : `/practice?set=all&seed=${choice.seed}`;
    case 'imported':
      return `/practice?set=${encodeURIComponent(choice.setId)}`;
    case 'family':
      return `/practice?family=${encodeURIComponent(choice.family)}`;
    default:
      return '/practice';
  }
}
