// A small in-process sliding-window limiter for endpoints that must store nothing (guest grading): the buckets live in
// memory, their number is bounded, and a per-process ceiling caps the total whatever the addresses.
export interface MemoryLimiter {
  /** Records a hit for `key` unless it is over its limit; returns seconds to wait, or 0 when allowed. */
  take(key: string, nowMs?: number): number;
}

export function memoryLimiter(opts: { perKey: number; total: number; windowMs: number; maxKeys?: number }): MemoryLimiter {
  const hits = new Map<string, number[]>();
  let all: number[] = [];
  const maxKeys = opts.maxKeys ?? 10_000;
  const prune = (xs: number[], since: number) => {
    let i = 0;
    while (i < xs.length && xs[i]! <= since) i++;
    return i ? xs.slice(i) : xs;
  };
  return {
    take(key, nowMs = Date.now()) {
      const since = nowMs - opts.windowMs;
      all = prune(all, since);
      const mine = prune(hits.get(key) ?? [], since);
      const wait = (xs: number[]) => Math.max(1, Math.ceil((xs[0]! + opts.windowMs - nowMs) / 1000));
      if (mine.length >= opts.perKey) return wait(mine);
      if (all.length >= opts.total) return wait(all);
      mine.push(nowMs);
      all.push(nowMs);
      hits.delete(key);
      hits.set(key, mine);
      // The oldest keys go first when the map is full (Map keeps insertion order; a hit re-inserts its key).
      while (hits.size > maxKeys) hits.delete(hits.keys().next().value!);
      return 0;
    },
  };
}
