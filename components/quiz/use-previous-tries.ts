import { useEffect, useRef, useState } from 'react';
import type { SessionState } from '@/components/session/session-provider';
import { guestAttemptsFor } from '@/lib/guest/store';
import { parseQuizResponse } from '@/lib/learning/stored-response';
import { previousAttempts } from './previous-attempts';

interface LastTime {
  correct: boolean;
  selected: number[];
}

/**
 * How many tries a learner has had at a question and what they chose last time: a guest's answers are in this
 * browser, a signed-in learner's are asked for once per chapter (the page itself is static). `answered` counts a try
 * made on this page, which is newer than anything the server sent.
 */
export function usePreviousTries(id: string, chapter: string | null, session: SessionState) {
  const [attempts, setAttempts] = useState(0);
  const [lastTime, setLastTime] = useState<LastTime | null>(null);
  const answeredHere = useRef(false);
  const userId = session.status === 'user' ? (session.user.id ?? '') : null;

  useEffect(() => {
    if (session.status === 'loading') return;
    if (userId === null) {
      const previous = guestAttemptsFor(id);
      const last = previous.at(-1);
      // eslint-disable-next-line react-hooks/set-state-in-effect -- reads browser storage once after hydration
      setAttempts(previous.length);
      setLastTime(last ? { correct: last.correct, selected: parseQuizResponse(last.response).selected } : null);
      return;
    }
    if (!chapter) return;
    let live = true;
    void previousAttempts(chapter, userId).then((all) => {
      const mine = all.get(id);
      // An answer given on this page meanwhile is newer than what the server had.
      if (!live || answeredHere.current || !mine) return;
      setAttempts(mine.tries);
      setLastTime({ correct: mine.correct, selected: mine.selected });
    });
    return () => {
      live = false;
    };
  }, [id, chapter, session.status, userId]);

  function answered() {
    answeredHere.current = true;
    setAttempts((n) => n + 1);
  }

  return { attempts, lastTime, answered };
}
