// Pure ordering of the review queue: interleave chapters and failure modes so the learner never does a block of
// one topic (interleaving helps tell similar ideas apart), keeping the most overdue first within each topic.

export interface QueueCard {
  id: string;
  due: Date;
  chapter: string | null;
  concept: string | null;
}

export function interleave<T extends QueueCard>(cards: T[]): T[] {
  const groups = new Map<string, T[]>();
  for (const c of [...cards].sort((a, b) => a.due.getTime() - b.due.getTime() || a.id.localeCompare(b.id))) {
    const key = `${c.chapter ?? '-'}|${c.concept ?? '-'}`;
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  // Round-robin over the groups, most overdue group first, never the same group twice in a row if avoidable.
  const order = [...groups.values()];
  const out: T[] = [];
  let last: string | null = null;
  while (out.length < cards.length) {
    order.sort((a, b) => (a[0]?.due.getTime() ?? Infinity) - (b[0]?.due.getTime() ?? Infinity));
    const pick =
      order.find((g) => g.length > 0 && `${g[0]!.chapter ?? '-'}|${g[0]!.concept ?? '-'}` !== last) ?? order.find((g) => g.length > 0)!;
    const card = pick.shift()!;
    last = `${card.chapter ?? '-'}|${card.concept ?? '-'}`;
    out.push(card);
  }
  return out;
}

/** Cards due on each of the next `days` days (day 0 = today, including anything overdue), by UTC day. */
export function forecast(dues: Date[], now: Date, days = 14): { day: string; count: number }[] {
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const out = Array.from({ length: days }, (_, i) => ({ day: new Date(start + i * 86_400_000).toISOString().slice(0, 10), count: 0 }));
  for (const d of dues) {
    const idx = Math.max(0, Math.floor((d.getTime() - start) / 86_400_000));
    if (idx < days) out[idx]!.count += 1;
  }
  return out;
}

export function utcDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
