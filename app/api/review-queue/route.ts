import { NextResponse } from 'next/server';
import { currentUser } from '@/lib/auth/session';
import { now } from '@/lib/clock';
import { loadReviewSession } from '@/lib/db/review-session';

export const dynamic = 'force-dynamic';

/** The signed-in learner's review queue as /review starts from it; the page fetches it when its countdown ends. */
export async function GET() {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: 'Sign in to load your review cards.' }, { status: 401 });
  return NextResponse.json(await loadReviewSession(user.id, await now()), { headers: { 'Cache-Control': 'private, no-store' } });
}
