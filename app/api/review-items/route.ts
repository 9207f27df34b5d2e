import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getScenario } from '@/lib/content/bank';
import { publicReviewItem, reviewItemFor } from '@/lib/content/review-items';

// Course content for a guest's review cards (the cards themselves live in the guest's browser). Public content only:
// no answer key, explanation or verdict (the guest grading action returns those after the answer).
const body = z.object({
  cards: z
    .array(
      z.object({
        id: z.string().min(1).max(200),
        itemKind: z.enum(['quiz', 'scenario']),
        itemId: z.string().min(1).max(120),
        reps: z.number().int().min(0).max(100000),
      }),
    )
    .max(200, 'Ask for at most 200 cards at a time.'),
});

export async function POST(request: Request) {
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: parsed.error.issues[0]?.message ?? 'Send {"cards": [...]}.' }, { status: 400 });
  const items = parsed.data.cards.map((c) => {
    const s = c.itemKind === 'scenario' ? getScenario(c.itemId) : undefined;
    const concept = s && !s.contested ? s.label : null;
    const item = reviewItemFor({ ...c, concept });
    return { id: c.id, item: item ? publicReviewItem(item) : null };
  });
  return NextResponse.json({ items });
}
