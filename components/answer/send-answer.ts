// The one answer path of the quiz, the drill and a signed-in learner's review: the server grades every answer (the page never holds the key); a
// signed-in learner's answer is stored there exactly once per idempotency key, a guest's is graded without being
// stored and kept in this browser. When the network fails, the answer waits in the outbox (lib/answers/outbox) and is
// sent, with the same key, when the browser is back online.
import { gradeDrillAsGuest, submitDrillAnswer, type DrillFeedbackResult } from '@/lib/actions/drill';
import { gradeQuizAsGuest, submitQuizAnswer, type QuizFeedback } from '@/lib/actions/learning';
import { submitReview, type ReviewResult } from '@/lib/actions/review';
import type { ActionResult } from '@/lib/actions/safe-action';
import { pendingAnswers, queueAnswer, removeAnswer, type OutboxEntry } from '@/lib/answers/outbox';
import { addGuestAttempt } from '@/lib/guest/store';

/** How a guest's graded answer is kept in this browser. */
interface GuestRecord {
  itemKind: 'quiz' | 'scenario';
  itemId: string;
  chapter: string | null;
  confident: boolean;
  durationMs: number | null;
}

export type AnswerEntry = OutboxEntry & {
  guest?: GuestRecord;
  /** The signed-in learner's id: their answers are sent only while they are the one signed in. */
  owner?: string;
};

/** Answers the server refused for good while they waited (shown once by OutboxStatus). */
export const DROPPED_KEY = 'goalpost-outbox-dropped';
/** An answer older than this is not sent any more (the question or the session it belonged to has moved on). */
const MAX_AGE_MS = 14 * 24 * 3600 * 1000;

function recordDropped(entry: AnswerEntry, message: string): void {
  try {
    const list = JSON.parse(localStorage.getItem(DROPPED_KEY) ?? '[]') as { title: string; message: string }[];
    list.push({ title: entry.title, message });
    localStorage.setItem(DROPPED_KEY, JSON.stringify(list.slice(-20)));
  } catch {
    // No storage: nothing more to tell.
  }
}

export type SendOutcome<T> =
  | { status: 'done'; data: T }
  /** The server answered and refused (a message the learner can act on); nothing was stored. */
  | { status: 'refused'; message: string }
  /** The network failed; the answer waits on this device and will be sent when the browser is online. */
  | { status: 'queued' }
  /** The network failed and this browser cannot keep the answer (no IndexedDB): the learner must retry. */
  | { status: 'failed'; message: string };

type Feedback = QuizFeedback | DrillFeedbackResult | ReviewResult;

function call(entry: AnswerEntry): Promise<ActionResult<Feedback>> {
  const body = { ...entry.payload, idempotencyKey: entry.key };
  if (entry.kind === 'quiz') return entry.who === 'user' ? submitQuizAnswer(body) : gradeQuizAsGuest(body);
  // A guest's review is graded online and scheduled in the browser (review-session.tsx); only signed-in reviews wait here.
  if (entry.kind === 'review') return submitReview(body);
  return entry.who === 'user' ? submitDrillAnswer(body) : gradeDrillAsGuest(body);
}

/** Keeps a guest's graded answer in this browser, with the server's grade (never the page's). */
function keepGuest(entry: AnswerEntry, data: Feedback): void {
  if (entry.who !== 'guest' || !entry.guest || entry.kind === 'review') return;
  const g = entry.guest;
  const response =
    entry.kind === 'quiz'
      ? { selected: entry.payload.selected }
      : {
          label: entry.payload.label,
          answers: entry.payload.answers,
          wrong: (data as DrillFeedbackResult).wrongQuestions,
          truth: (data as DrillFeedbackResult).scenario.label,
        };
  addGuestAttempt({
    idempotencyKey: entry.key,
    itemKind: g.itemKind,
    itemId: g.itemId,
    chapter: g.chapter,
    response,
    correct: data.correct,
    confident: g.confident,
    durationMs: g.durationMs,
  });
}

const transient = (status: number | undefined) => status === undefined || status === 429 || status >= 500;

export async function sendAnswer<T extends Feedback>(entry: AnswerEntry): Promise<SendOutcome<T>> {
  let r: ActionResult<Feedback>;
  try {
    r = await call(entry);
  } catch {
    if (await queueAnswer(entry).catch(() => false)) return { status: 'queued' };
    return {
      status: 'failed',
      message:
        'Your answer could not be sent (network problem), and this browser cannot keep it. Check your connection and press Check again.',
    };
  }
  if (r.ok && r.data) {
    keepGuest(entry, r.data);
    return { status: 'done', data: r.data as T };
  }
  return {
    status: 'refused',
    message: r.message ?? (transient(r.status) ? 'The server is busy. Press Check again in a moment.' : 'Your answer could not be saved.'),
  };
}

let flushing: Promise<number> | null = null;

/**
 * Sends the answers waiting on this device that the current person may send, oldest first, and returns how many of
 * theirs are still waiting. A signed-in learner's answers wait for that learner (another account signed in on this
 * browser never sends them; a signed-out learner's wait for them to sign in again). It stops at the first network
 * failure or busy server; an answer the server refuses for good (a question that no longer exists) or one older than
 * two weeks is dropped, and the learner is told which.
 */
export function flushOutbox(currentUserId?: string | null): Promise<number> {
  flushing ??= (async () => {
    try {
      const mine = ((await pendingAnswers()) as AnswerEntry[]).filter(
        (e) => e.who === 'guest' || e.owner === undefined || currentUserId === undefined || e.owner === currentUserId,
      );
      let left = mine.length;
      for (const entry of mine) {
        if (Date.now() - Date.parse(entry.queuedAt) > MAX_AGE_MS) {
          recordDropped(entry, 'It waited on this device for more than two weeks and was not sent.');
          await removeAnswer(entry.key);
          left--;
          continue;
        }
        let r: ActionResult<Feedback>;
        try {
          r = await call(entry);
        } catch {
          return left;
        }
        if (r.ok && r.data) keepGuest(entry, r.data);
        else if (r.status === 401)
          continue; // signed out meanwhile: it waits for them to sign in again
        else if (transient(r.status)) return left;
        else recordDropped(entry, r.message ?? 'The server refused it.');
        await removeAnswer(entry.key);
        left--;
      }
      return left;
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}
