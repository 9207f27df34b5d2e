import type { Metadata } from 'next';
import { currentUser } from '@/lib/auth/session';
import { now } from '@/lib/clock';
import { chapterOfItem, publicReviewItem, reviewItemFor } from '@/lib/content/review-items';
import { getDueQueue, nextDueAt } from '@/lib/db/reviews';
import { getSettings } from '@/lib/db/settings';
import { cardVersion } from '@/lib/learning/review-window';
import { ReviewSession, type ReviewEntry } from '@/components/review/review-session';

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
  const t = await now();
  const settings = await getSettings(user.id);
  const queue = await getDueQueue(user.id, t, { newPerDay: settings.newCardsPerDay, chapterOf: chapterOfItem });
  const entries: ReviewEntry[] = queue.cards.flatMap((c) => {
    const item = reviewItemFor(c);
    return item ? [{ cardId: c.id, cardVersion: cardVersion(c), isNew: c.isNew, item: publicReviewItem(item) }] : [];
  });
  const next = entries.length === 0 ? await nextDueAt(user.id, t) : null;
  return (
    <div className="page prose">
      <h1>Review</h1>
      <ReviewSession
        mode="user"
        initial={{ entries, dueCount: queue.dueCount, heldBackNew: queue.heldBackNew, nextDue: next?.toISOString() ?? null, now: t.toISOString() }}
      />
    </div>
  );
}
