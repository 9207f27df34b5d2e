// Answers that could not reach the server wait here, in IndexedDB (through idb-keyval), under their idempotency keys:
// they survive a reload or a closed tab and are sent when the browser is back online. Because each keeps its key, an
// answer whose first send did arrive (only the reply was lost) is still stored once.
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';

type OutboxKind = 'quiz' | 'drill' | 'review';

export interface OutboxEntry {
  key: string;
  kind: OutboxKind;
  /** 'user': stored on the server for the signed-in learner; 'guest': graded by the server, kept in this browser. */
  who: 'user' | 'guest';
  /** What the answer action takes (quiz: quizId, selected…; drill: scenarioId, label, answers…). */
  payload: Record<string, unknown>;
  /** A title for the learner ("3 answers saved on this device"). */
  title: string;
  queuedAt: string;
}

let store: UseStore | null | undefined;

/** The outbox store, or null where IndexedDB is missing (then answers cannot wait, and the learner is told). */
function outbox(): UseStore | null {
  if (store === undefined) store = typeof indexedDB === 'undefined' ? null : createStore('goalpost-outbox', 'answers');
  return store;
}

export const OUTBOX_EVENT = 'goalpost-outbox-change';
const changed = () => globalThis.dispatchEvent?.(new Event(OUTBOX_EVENT));

export async function queueAnswer(entry: OutboxEntry): Promise<boolean> {
  const s = outbox();
  if (!s) return false;
  await set(entry.key, entry, s);
  changed();
  return true;
}

export async function pendingAnswers(): Promise<OutboxEntry[]> {
  const s = outbox();
  if (!s) return [];
  return (await entries<string, OutboxEntry>(s)).map(([, e]) => e).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

export async function removeAnswer(key: string): Promise<void> {
  const s = outbox();
  if (!s) return;
  await del(key, s);
  changed();
}
