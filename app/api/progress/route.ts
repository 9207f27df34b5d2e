import { NextResponse } from 'next/server';
import { currentUser } from '@/lib/auth/session';
import { getChapterProgress } from '@/lib/db/progress';

export const dynamic = 'force-dynamic';

/** The signed-in learner's own chapter progress (the sidebar and chapter tools read it). */
export async function GET() {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: 'Sign in to see saved progress.' }, { status: 401 });
  const rows = await getChapterProgress(user.id);
  return NextResponse.json(
    {
      chapters: rows.map((r) => ({
        chapter: r.chapter,
        completed: r.completedAt !== null,
        position: r.position,
        answered: r.answered,
        firstCorrect: r.firstCorrect,
      })),
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}
