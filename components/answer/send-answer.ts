// The one answer path of the quiz and the drill: the server grades every answer (the page never holds the key); a
// signed-in learner's answer is stored there exactly once per idempotency key, a guest's is graded without being
// stored and kept in this browser. When the network fails, the answer waits in the outbox (lib/answers/outbox) and is
// sent, with the same key, when the browser is back online.
import { gradeDrillAsGuest, submitDrillAnswer, type DrillFeedbackResult } from '@/lib/actions/drill';
import { gradeQuizAsGuest, submitQuizAnswer, type QuizFeedback } from '@/lib/actions/learning';
import type { ActionResult } from '@/lib/actions/safe-action';
import { pendingAnswers, queueAnswer, removeAnswer, type OutboxEntry } from '@/lib/answers/outbox';
import { addGuestAttempt } from '@/lib/guest/store';

export type { OutboxEntry };

/** How a guest's graded answer is kept in this browser. */
export interface GuestRecord {
  itemKind: 'quiz' | 'scenario';
  itemId: string;
  chapter: string | null;
  confident: boolean;
  durationMs: number | null;
}

export type AnswerEntry = OutboxEntry & { guest?: GuestRecord };

export type SendOutcome<T> =
  | { status: 'done'; data: T }
  /** The server answered and refused (a message the learner can act on); nothing was stored. */
  | { status: 'refused'; message: string }
  /** The network failed; the answer waits on this device and will be sent when the browser is online. */
  | { status: 'queued' }
  /** The network failed and this browser cannot keep the answer (no IndexedDB): the learner must retry. */
  | { status: 'failed'; message: string };

type Feedback = QuizFeedback | DrillFeedbackResult;

function call(entry: AnswerEntry): Promise<ActionResult<Feedback>> {
  const body = { ...entry.payload, idempotencyKey: entry.key };
  if (entry.kind === 'quiz') return entry.who === 'user' ? submitQuizAnswer(body) : gradeQuizAsGuest(body);
  return entry.who === 'user' ? submitDrillAnswer(body) : gradeDrillAsGuest(body);
}

/** Keeps a guest's graded answer in this browser, with the server's grade (never the page's). */
function keepGuest(entry: AnswerEntry, data: Feedback): void {
  if (entry.who !== 'guest' || !entry.guest) return;
  const g = entry.guest;
  const response =
    entry.kind === 'quiz'
      ? { selected: entry.payload.selected }
      : { label: entry.payload.label, answers: entry.payload.answers, wrong: (data as DrillFeedbackResult).wrongQuestions, truth: (data as DrillFeedbackResult).scenario.label };
  addGuestAttempt({ idempotencyKey: entry.key, itemKind: g.itemKind, itemId: g.itemId, chapter: g.chapter, response, correct: data.correct, confident: g.confident, durationMs: g.durationMs });
}

const transient = (status: number | undefined) => status === undefined || status === 429 || status >= 500;

export async function sendAnswer<T extends Feedback>(entry: AnswerEntry): Promise<SendOutcome<T>> {
  let r: ActionResult<Feedback>;
  try {
    r = await call(entry);
  } catch {
    if (await queueAnswer(entry).catch(() => false)) return { status: 'queued' };
    return { status: 'failed', message: 'Your answer could not be sent (network problem), and this browser cannot keep it. Check your connection and press Check again.' };
  }
  if (r.ok && r.data) {
    keepGuest(entry, r.data);
    return { status: 'done', data: r.data as T };
  }
  return { status: 'refused', message: r.message ?? (transient(r.status) ? 'The server is busy. Press Check again in a moment.' : 'Your answer could not be saved.') };
}

let flushing: Promise<number> | null = null;

/**
 * Sends every answer waiting on this device, oldest first, and returns how many are still waiting. Stops at the first
 * network failure (still offline); an answer the server refuses for good (a question that no longer exists) is dropped.
 */
export function flushOutbox(): Promise<number> {
  flushing ??= (async () => {
    try {
      const waiting = (await pendingAnswers()) as AnswerEntry[];
      for (const [i, entry] of waiting.entries()) {
        let r: ActionResult<Feedback>;
        try {
          r = await call(entry);
        } catch {
          return waiting.length - i;
        }
        if (r.ok && r.data) keepGuest(entry, r.data);
        else if (transient(r.status)) return waiting.length - i;
        await removeAnswer(entry.key);
      }
      return 0;
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}
