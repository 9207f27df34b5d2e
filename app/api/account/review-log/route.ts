import { NextResponse } from 'next/server';
import { currentUser } from '@/lib/auth/session';
import { reviewLogRows } from '@/lib/db/account';

export const dynamic = 'force-dynamic';

// Column layout of the FSRS optimizer (fsrs-optimizer / fsrs-rs): review_time in ms since the epoch,
// review_rating 1-4, review_state 0-3 (New, Learning, Review, Relearning) before the review, review_duration in ms.
const REVIEW_LOG_COLUMNS = ['card_id', 'review_time', 'review_rating', 'review_state', 'review_duration'] as const;

export async function GET() {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: 'Sign in to export your review log.' }, { status: 401 });
  const rows = await reviewLogRows(user.id);
  const lines = [REVIEW_LOG_COLUMNS.join(',')];
  for (const r of rows) lines.push([r.cardId, r.review.getTime(), r.rating, r.state, r.durationMs ?? 0].join(','));
  return new NextResponse(lines.join('\r\n') + '\r\n', {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="goalpost-review-log.csv"',
      'Cache-Control': 'private, no-store',
    },
  });
}
