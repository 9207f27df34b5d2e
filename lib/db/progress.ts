import 'server-only';
import { db } from './client';
import { mergedOnlyFirsts } from './attempts';
import { isUniqueViolation } from './users';

export interface ChapterProgressSummary {
  chapter: string;
  completedAt: Date | null;
  position: string | null;
  answered: number; // distinct questions answered in this chapter
  firstCorrect: number; // of those, answered right the first time
}

/** One learner's progress in every chapter they have touched. */
export async function getChapterProgress(userId: string): Promise<ChapterProgressSummary[]> {
  const [rows, counted, guestOnly] = await Promise.all([
    db.chapterProgress.findMany({ where: { userId } }),
    db.attempt.findMany({
      where: { userId, firstAttempt: true, itemKind: 'quiz' },
      select: { chapter: true, correct: true },
    }),
    // The learner's own view also counts questions answered only as a guest (a class does not).
    mergedOnlyFirsts(userId, 'quiz'),
  ]);
  const firsts = [...counted, ...guestOnly];
  const by = new Map<string, ChapterProgressSummary>();
  const get = (chapter: string) => {
    let s = by.get(chapter);
    if (!s) by.set(chapter, (s = { chapter, completedAt: null, position: null, answered: 0, firstCorrect: 0 }));
    return s;
  };
  for (const r of rows) Object.assign(get(r.chapter), { completedAt: r.completedAt, position: r.position });
  for (const f of firsts) {
    if (!f.chapter) continue;
    const s = get(f.chapter);
    s.answered += 1;
    if (f.correct) s.firstCorrect += 1;
  }
  return [...by.values()];
}

export async function setChapterComplete(userId: string, chapter: string, complete: boolean, now = new Date()): Promise<void> {
  await db.chapterProgress.upsert({
    where: { userId_chapter: { userId, chapter } },
    create: { userId, chapter, completedAt: complete ? now : null },
    update: { completedAt: complete ? now : null },
  });
}

export async function saveReadingPosition(userId: string, chapter: string, position: string): Promise<void> {
  await db.chapterProgress.upsert({
    where: { userId_chapter: { userId, chapter } },
    create: { userId, chapter, position },
    update: { position },
  });
}

/** Marks a chapter complete at `at` unless it already is (an earlier completion is kept); true when it changed. */
export async function markChapterCompleteOnce(userId: string, chapter: string, at: Date): Promise<boolean> {
  const r = await db.chapterProgress.updateMany({ where: { userId, chapter, completedAt: null }, data: { completedAt: at } });
  if (r.count === 1) return true;
  try {
    await db.chapterProgress.create({ data: { userId, chapter, completedAt: at } });
    return true;
  } catch (e) {
    if (isUniqueViolation(e)) return false; // it exists and is already complete (or was made complete just now)
    throw e;
  }
}
