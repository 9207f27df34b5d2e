import { NextResponse } from 'next/server';
import { z } from 'zod';
import { currentUser } from '@/lib/auth/session';
import { getCourse } from '@/lib/content/course';
import { latestQuizAttempts } from '@/lib/db/attempts';

export const dynamic = 'force-dynamic';

const query = z.object({
  chapter: z
    .string({ error: 'Say which chapter: /api/quiz-attempts?chapter=<slug>.' })
    .max(120)
    .refine((s) => getCourse().analyses.has(s), 'There is no chapter with that name.'),
});

/**
 * The signed-in learner's own latest answer to each question of a chapter, so a quiz can show it when they come
 * back (a guest's are read from the browser instead). Chapter pages are static, so the quizzes ask for this after
 * loading. Only the caller's rows: no user id is taken from the request, and no answer key is returned.
 */
export async function GET(request: Request) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: 'Sign in to see your earlier answers.' }, { status: 401 });
  const parsed = query.safeParse({ chapter: new URL(request.url).searchParams.get('chapter') ?? undefined });
  if (!parsed.success) return NextResponse.json({ error: parsed.error.issues[0]?.message ?? 'Say which chapter.' }, { status: 400 });
  const quizIds = getCourse()
    .analyses.get(parsed.data.chapter)!
    .quizzes.map((q) => q.id);
  const rows = await latestQuizAttempts(user.id, quizIds);
  return NextResponse.json(
    { quizzes: rows.map((r) => ({ quizId: r.quizId, tries: r.tries, selected: r.selected, correct: r.correct, at: r.at.toISOString() })) },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}
