'use client';
import { z } from '@/lib/learning/zod';

/** A signed-in learner's latest answer to a question, as /api/quiz-attempts returns it. */
export interface PreviousAttempt {
  tries: number;
  selected: number[];
  correct: boolean;
}

const reply = z.object({
  quizzes: z
    .array(
      z.object({
        quizId: z.string().min(1).max(100),
        tries: z.number().int().min(1),
        selected: z.array(z.number().int().min(0).max(9)).max(10),
        correct: z.boolean(),
        at: z.string(),
      }),
    )
    .max(500),
});

// One request per chapter and account, shared by every quiz on the page (a chapter has several).
const loads = new Map<string, Promise<Map<string, PreviousAttempt>>>();

async function fetchChapter(chapter: string): Promise<Map<string, PreviousAttempt>> {
  const res = await fetch(`/api/quiz-attempts?chapter=${encodeURIComponent(chapter)}`, { cache: 'no-store' });
  if (!res.ok) throw new Error(`quiz attempts: ${res.status}`);
  const parsed = reply.parse(await res.json());
  return new Map(parsed.quizzes.map((q) => [q.quizId, { tries: q.tries, selected: q.selected, correct: q.correct }]));
}

/**
 * The signed-in learner's previous answers to the questions of a chapter (chapter pages are static, so they are
 * asked for after the page loads). Empty when they cannot be read: the quiz then simply shows no history.
 */
export function previousAttempts(chapter: string, userId: string): Promise<Map<string, PreviousAttempt>> {
  const key = `${userId}\u0000${chapter}`;
  let load = loads.get(key);
  if (!load) {
    load = fetchChapter(chapter).catch(() => {
      loads.delete(key);
      return new Map<string, PreviousAttempt>();
    });
    loads.set(key, load);
  }
  return load;
}

/** After a new answer, the next visit to a chapter reads the history again. */
export function forgetPreviousAttempts(): void {
  loads.clear();
}
