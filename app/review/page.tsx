import type { Metadata } from 'next';
import { currentUser } from '@/lib/auth/session';
import { now } from '@/lib/clock';
import { loadReviewSession } from '@/lib/db/review-session';
import { ReviewSession } from '@/components/review/review-session';

export const metadata: Metadata = { title: 'Review' };
export const dynamic = 'force-dynamic';

export default async function ReviewPage() {
  const user = await currentUser();
  if (!user) {
    return (
      <div className="page prose">
        <h1>Review</h1>
        <ReviewSession mode="guest" />
      </div>
    );
  }
  const initial = await loadReviewSession(user.id, await now());
  return (
    <div className="page prose">
      <h1>Review</h1>
      <ReviewSession mode="user" initial={initial} />
    </div>
  );
}
