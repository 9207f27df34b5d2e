'use client';
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '@/components/session/session-provider';
import { markChapterComplete, saveChapterPosition } from '@/lib/actions/learning';
import { readGuest, writeGuest } from '@/lib/guest/store';

export interface ChapterProgressView {
  completed: boolean;
  position: string | null;
  answered: number;
  /** Of those, right the first time (a guest's browser counts them too). */
  firstCorrect?: number;
}

type ProgressMap = Record<string, ChapterProgressView>;

function guestProgress(): ProgressMap {
  const g = readGuest();
  const out: ProgressMap = {};
  const touch = (slug: string) => (out[slug] ??= { completed: false, position: null, answered: 0, firstCorrect: 0 });
  for (const [slug] of Object.entries(g.completed)) touch(slug).completed = true;
  for (const [slug, pos] of Object.entries(g.positions)) touch(slug).position = pos;
  const seen = new Set<string>();
  // The chapter's questions only, first answers only, as the server and the dashboard count them.
  for (const a of g.attempts) {
    if (!a.chapter || a.itemKind !== 'quiz' || !a.firstAttempt || seen.has(a.itemId)) continue;
    seen.add(a.itemId);
    const p = touch(a.chapter);
    p.answered += 1;
    if (a.correct) p.firstCorrect = (p.firstCorrect ?? 0) + 1;
  }
  return out;
}

/** Chapter progress for whoever is reading: the account's when signed in, this browser's for a guest. */
export function useProgress() {
  const session = useSession();
  const [progress, setProgress] = useState<ProgressMap | null>(null);

  useEffect(() => {
    if (session.status === 'loading') return;
    if (session.status === 'guest') {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- browser storage is only readable after hydration
      setProgress(guestProgress());
      return;
    }
    let live = true;
    fetch('/api/progress', { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : { chapters: [] }))
      .then((d: { chapters: (ChapterProgressView & { chapter: string })[] }) => {
        if (!live) return;
        const map: ProgressMap = {};
        for (const c of d.chapters)
          map[c.chapter] = { completed: c.completed, position: c.position, answered: c.answered, firstCorrect: c.firstCorrect };
        setProgress(map);
      })
      .catch(() => live && setProgress({}));
    return () => {
      live = false;
    };
  }, [session.status]);

  const setComplete = useCallback(
    async (slug: string, complete: boolean): Promise<string | null> => {
      if (session.status === 'user') {
        const r = await markChapterComplete({ chapter: slug, complete });
        if (!r.ok) return r.message ?? 'Could not save. Try again.';
      } else {
        const g = readGuest();
        if (complete) g.completed[slug] = new Date().toISOString();
        else delete g.completed[slug];
        writeGuest(g);
      }
      setProgress((p) => ({ ...p, [slug]: { ...(p?.[slug] ?? { position: null, answered: 0 }), completed: complete } }));
      return null;
    },
    [session.status],
  );

  const savePosition = useCallback(
    (slug: string, position: string) => {
      if (session.status === 'user') void saveChapterPosition({ chapter: slug, position });
      else if (session.status === 'guest') {
        const g = readGuest();
        g.positions[slug] = position;
        writeGuest(g);
      }
    },
    [session.status],
  );

  return { progress, setComplete, savePosition, signedIn: session.status === 'user' };
}
