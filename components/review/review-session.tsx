'use client';
import Link from 'next/link';
import { SignUpLink } from '@/components/auth/sign-up-link';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { PublicReviewItem as ReviewItem } from '@/lib/content/review-items';
import { gradeReviewAsGuest, type ReviewFeedback, type ReviewResult } from '@/lib/actions/review';
import { sendAnswer } from '@/components/answer/send-answer';
import { useSession } from '@/components/session/session-provider';
import { newKey } from '@/lib/answers/keys';
import { answerProblem } from '@/lib/learning/grading';
import { LABELS, LABEL_TEXT, QUESTIONS, QUESTION_SHORT } from '@/lib/learning/classify';
import { labelCounts } from '@/lib/learning/failure-modes';
import { ratingFor, reviewCard, type Grade } from '@/lib/learning/srs';
import { addGuestReview, readGuest } from '@/lib/guest/store';
import { buildGuestCards, guestDueCards } from '@/lib/guest/cards';
import { dueText, endOfStudyDay } from '@/lib/learning/due';
import type { ReviewEntry, ReviewSessionData as Initial } from '@/lib/db/review-session';
import { NextCard, type Clock } from './next-card';
import styles from './review.module.css';

interface Outcome {
  correct: boolean;
  rating: string;
  nextDue: string;
  feedback: ReviewFeedback;
}

const RATING_TEXT: Record<string, string> = { Again: 'Again', Hard: 'Hard', Good: 'Good', Easy: 'Easy' };
const RATING_BY_GRADE: Record<number, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

function whenText(iso: string, from: Date): string {
  const ms = new Date(iso).getTime() - from.getTime();
  const mins = Math.round(ms / 60000);
  if (mins < 60) return mins <= 1 ? 'in a minute' : `in ${mins} minutes`;
  const hours = Math.round(mins / 60);
  if (hours < 24) return hours === 1 ? 'in an hour' : `in ${hours} hours`;
  const days = Math.round(hours / 24);
  return days === 1 ? 'tomorrow' : `in ${days} days`;
}

function formatDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

async function loadGuestQueue(): Promise<Initial> {
  const data = readGuest();
  const t = new Date();
  const { due, laterToday, heldBackNew } = guestDueCards(data, t);
  const cards = buildGuestCards(data);
  const future = cards.filter((c) => c.card.due.getTime() > t.getTime()).sort((a, b) => a.card.due.getTime() - b.card.due.getTime());
  let entries: ReviewEntry[] = [];
  if (due.length) {
    const res = await fetch('/api/review-items', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        cards: due.slice(0, 200).map((c) => ({ id: c.id, itemKind: c.itemKind, itemId: c.itemId, reps: c.card.reps })),
      }),
    });
    if (!res.ok) throw new Error('Could not load your review questions.');
    const { items } = (await res.json()) as { items: { id: string; item: ReviewItem | null }[] };
    entries = items.flatMap((i) => {
      const card = due.find((d) => d.id === i.id);
      return i.item && card ? [{ cardId: i.id, cardVersion: card.card.reps, isNew: !card.introducedAt, item: i.item }] : [];
    });
  }
  return {
    entries,
    dueCount: due.length,
    laterToday,
    heldBackNew,
    nextDue: future[0]?.card.due.toISOString() ?? null,
    now: t.toISOString(),
  };
}

/** A signed-in learner's queue, fresh from the server (the countdown loads it when the next card comes due). */
async function loadUserQueue(): Promise<Initial> {
  const res = await fetch('/api/review-queue', { cache: 'no-store' });
  if (res.status === 401) throw new Error('You are signed out. Sign in again to keep reviewing.');
  if (!res.ok) throw new Error('Could not load your next card.');
  return (await res.json()) as Initial;
}

export function ReviewSession({ mode, initial, clock = Date.now }: { mode: 'user' | 'guest'; initial?: Initial; clock?: Clock }) {
  const [queue, setQueue] = useState<Initial | null>(initial ?? null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [index, setIndex] = useState(0);
  const [done, setDone] = useState(0);
  const [lastNext, setLastNext] = useState<string | null>(null);
  // Cards reviewed in this session that come back later today (an "Again" returns within minutes).
  const [backLater, setBackLater] = useState(0);

  const load = useCallback(() => {
    setLoadError(null);
    (mode === 'guest' ? loadGuestQueue() : loadUserQueue())
      .then((q) => {
        setQueue(q);
        setIndex(0);
        setLastNext(null);
        setBackLater(0);
      })
      .catch((e: Error) => setLoadError(e.message));
  }, [mode]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a guest's cards live in this browser
    if (mode === 'guest') load();
  }, [mode, load]);

  if (loadError)
    return (
      <div className="alert alert--error" role="alert">
        {loadError}{' '}
        <button type="button" className="button button--small" onClick={load}>
          Try again
        </button>
      </div>
    );
  if (!queue) return <p aria-busy="true">Loading your reviews…</p>;

  const entry = queue.entries[index];
  const left = queue.entries.length - index;
  const laterToday = queue.laterToday + backLater;
  if (!entry) {
    const nextDue = lastNext ?? queue.nextDue;
    return (
      <section className={styles.empty} aria-live="polite">
        {/* The dashboard's words and counts (lib/learning/due.ts). */}
        {done > 0 ? (
          <h2>Done for now: {done} reviewed</h2>
        ) : (
          <h2 data-testid="due-text">{dueText({ now: 0, laterToday, heldBackNew: 0 })}</h2>
        )}
        {done > 0 && laterToday > 0 && <p data-testid="due-text">{dueText({ now: 0, laterToday, heldBackNew: 0 })}.</p>}
        {queue.heldBackNew > 0 && (
          <p>
            {queue.heldBackNew} more card{queue.heldBackNew === 1 ? ' is' : 's are'} waiting, held back by your daily limit on new cards.{' '}
            {mode === 'user' && <Link href="/account#review-settings">Change the limit</Link>}
          </p>
        )}
        {nextDue ? (
          <NextCard
            key={`${queue.now}-${nextDue}`}
            dueAt={nextDue}
            serverNow={queue.now}
            clock={clock}
            onDue={load}
            formatDate={formatDate}
            whenText={whenText}
          />
        ) : done === 0 ? (
          <p>
            You have no review cards yet. Every question you answer in a <Link href="/chapters">chapter</Link> or the{' '}
            <Link href="/practice">practice drill</Link> becomes a card that comes back here just before you would forget it.
          </p>
        ) : null}
        {mode === 'guest' && (
          <p className="muted">
            Your cards are kept in this browser. <SignUpLink>Create an account</SignUpLink> to keep them everywhere.
          </p>
        )}
      </section>
    );
  }

  return (
    <>
      <p className={styles.count} aria-live="polite" data-testid="due-text">
        {dueText({ now: left, laterToday, heldBackNew: queue.heldBackNew })}
      </p>
      <ReviewCardView
        key={`${entry.cardId}-${index}`}
        entry={entry}
        mode={mode}
        onNext={(nextDue) => {
          setDone((d) => d + 1);
          if (nextDue && (!lastNext || nextDue < lastNext)) setLastNext(nextDue);
          if (nextDue && new Date(nextDue) <= endOfStudyDay(new Date(queue.now))) setBackLater((n) => n + 1);
          setIndex((i) => i + 1);
        }}
      />
    </>
  );
}

function ReviewCardView({ entry, mode, onNext }: { entry: ReviewEntry; mode: 'user' | 'guest'; onNext: (nextDue: string | null) => void }) {
  const { item } = entry;
  const [selected, setSelected] = useState<number[]>([]);
  const [confidence, setConfidence] = useState<'sure' | 'unsure' | null>(null);
  const session = useSession();
  // queued: a signed-in review made offline, waiting on this device (it is recorded, and rescheduled, when sent).
  const [phase, setPhase] = useState<'answering' | 'saving' | 'answered' | 'queued'>('answering');
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const key = useRef(newKey());
  const started = useRef(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const continueRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    started.current = Date.now();
    headingRef.current?.focus();
  }, []);
  useEffect(() => {
    if (phase === 'answered' || phase === 'queued') continueRef.current?.focus();
  }, [phase]);

  const options = item.kind === 'quiz' ? item.choices.map((c) => c.text) : LABELS.map((l) => LABEL_TEXT[l]);
  const multiple = item.kind === 'quiz' && item.quizKind === 'multiple';

  function pick(i: number) {
    if (phase !== 'answering') return;
    setError(null);
    setSelected((s) => (multiple ? (s.includes(i) ? s.filter((x) => x !== i) : [...s, i].sort()) : [i]));
  }

  async function submit() {
    if (phase !== 'answering') return;
    const problem =
      item.kind === 'quiz'
        ? answerProblem({ kind: item.quizKind, choices: item.choices }, selected)
        : selected.length
          ? null
          : 'Pick a failure mode.';
    if (problem) return setError(problem);
    if (!confidence) return setError('Say whether you are sure or unsure (press S or U): it sets when this card comes back.');
    setPhase('saving');
    const durationMs = Date.now() - started.current;
    const answer = item.kind === 'quiz' ? { selected } : { label: LABELS[selected[0]!] };
    if (mode === 'user') {
      // The shared answer path: the key is kept on a retry, and a review made offline waits on this device.
      const r = await sendAnswer<ReviewResult>({
        key: key.current,
        kind: 'review',
        who: 'user',
        owner: session.status === 'user' ? session.user.id : undefined,
        payload: {
          cardId: entry.cardId,
          shownItemId: item.shownItemId,
          ...answer,
          confident: confidence === 'sure',
          durationMs,
          cardVersion: entry.cardVersion,
        },
        title: 'a review',
        queuedAt: new Date().toISOString(),
      });
      if (r.status === 'refused' || r.status === 'failed') {
        setPhase('answering');
        return setError(r.message);
      }
      if (r.status === 'queued') {
        setPhase('queued');
        return;
      }
      setOutcome({ correct: r.data.correct, rating: r.data.rating, nextDue: r.data.nextDue, feedback: r.data.feedback });
    } else {
      // The server grades a guest's review too (the page holds no key); the card and its schedule stay in this browser.
      let graded: { correct: boolean; feedback: ReviewFeedback };
      try {
        const r = await gradeReviewAsGuest({ itemKind: item.kind, shownItemId: item.shownItemId, ...answer });
        if (!r.ok || !r.data) {
          setPhase('answering');
          return setError(r.message ?? 'Could not check this review. Try again.');
        }
        graded = r.data;
      } catch {
        setPhase('answering');
        return setError('Could not check this review (network problem). Press Check again when you are back online.');
      }
      const correct = graded.correct;
      const data = readGuest();
      const card = buildGuestCards(data).find((c) => c.id === entry.cardId);
      const rating = ratingFor({ correct, confident: confidence === 'sure', durationMs, itemKind: item.kind }) as Grade;
      const t = new Date();
      addGuestReview({
        idempotencyKey: key.current,
        itemKind: item.kind,
        itemId: entry.cardId.slice(entry.cardId.indexOf(':') + 1),
        shownItemId: item.shownItemId,
        // The choice itself, so that a merge into an account can grade the review again on the server.
        ...answer,
        rating,
        review: t.toISOString(),
        retention: data.settings.desiredRetention,
        correct,
        confident: confidence === 'sure',
        durationMs,
      });
      const next = card ? reviewCard(card.card, t, rating, data.settings.desiredRetention).card.due.toISOString() : t.toISOString();
      setOutcome({ correct, rating: RATING_BY_GRADE[rating] ?? 'Good', nextDue: next, feedback: graded.feedback });
    }
    setPhase('answered');
  }

  function chooseConfidence(v: 'sure' | 'unsure') {
    if (phase !== 'answering') return;
    setError(null);
    setConfidence(v);
  }

  // The whole card works from the keyboard: number keys choose, S or U says how sure, Enter checks, Space or
  // Enter continues. Links and buttons keep their own Enter and Space.
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const tag = (e.target as HTMLElement).tagName;
    if (tag === 'A' || tag === 'TEXTAREA' || (tag === 'BUTTON' && (e.key === ' ' || e.key === 'Enter'))) return;
    if ((phase === 'answered' || phase === 'queued') && (e.key === ' ' || e.key === 'Enter')) {
      e.preventDefault();
      onNext(outcome?.nextDue ?? null);
      return;
    }
    if (phase !== 'answering') return;
    const n = Number.parseInt(e.key, 10);
    const letter = e.key.toLowerCase();
    if (n >= 1 && n <= options.length) {
      e.preventDefault();
      pick(n - 1);
    } else if (letter === 's' || letter === 'u') {
      e.preventDefault();
      chooseConfidence(letter === 's' ? 'sure' : 'unsure');
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void submit();
    }
  }

  const answered = phase === 'answered';
  const fb = outcome?.feedback;
  const correctIdx = !fb ? [] : fb.kind === 'quiz' ? fb.correctIndices : LABELS.flatMap((l, i) => (labelCounts(fb.scenario, l) ? [i] : []));
  return (
    <div className={styles.card} onKeyDown={onKeyDown} data-testid="review-card">
      <p className={styles.meta}>
        {item.kind === 'quiz' ? 'Question' : 'Scenario'} from <Link href={`/chapters/${item.chapter}`}>{item.chapterTitle}</Link>
        {entry.isNew && <span className={styles.badge}>new</span>}
        {item.kind === 'scenario' && item.variant && <span className={styles.badge}>a new case of the same idea</span>}
      </p>
      <h2 ref={headingRef} tabIndex={-1} className={styles.prompt}>
        {item.kind === 'quiz' ? item.prompt : item.scenario.title}
      </h2>
      {item.kind === 'scenario' && <p>{item.scenario.description}</p>}
      {item.kind === 'scenario' && <p className={styles.question}>Which failure is this?</p>}
      <fieldset className={styles.options} disabled={phase === 'saving'}>
        <legend className="visually-hidden">Answer (keys 1 to {options.length})</legend>
        {options.map((text, i) => {
          const mark = answered
            ? correctIdx.includes(i)
              ? 'correct'
              : selected.includes(i)
                ? 'wrong'
                : 'other'
            : selected.includes(i)
              ? 'selected'
              : 'none';
          return (
            <div key={i} className={styles.option} data-mark={mark}>
              <label>
                <input
                  type={multiple ? 'checkbox' : 'radio'}
                  name="review-answer"
                  checked={selected.includes(i)}
                  onChange={() => pick(i)}
                  readOnly={answered}
                />
                <span className={styles.key} aria-hidden="true">
                  {i + 1}
                </span>
                <span>{text}</span>
                {answered && (
                  <span className={styles.verdict}>
                    {correctIdx.includes(i) ? '✓ Correct' : selected.includes(i) ? '✗ Your answer' : ''}
                  </span>
                )}
              </label>
              {answered && fb?.kind === 'quiz' && <p className={styles.explain}>{fb.explanations[i]}</p>}
            </div>
          );
        })}
      </fieldset>
      {!answered && (
        <fieldset className={styles.confidence} disabled={phase === 'saving'}>
          <legend>
            How sure are you? <span className="visually-hidden">(keys S and U)</span>
          </legend>
          <label>
            <input
              type="radio"
              name="review-confidence"
              value="sure"
              checked={confidence === 'sure'}
              onChange={() => chooseConfidence('sure')}
            />
            <span className={styles.key} aria-hidden="true">
              S
            </span>
            Sure
          </label>
          <label>
            <input
              type="radio"
              name="review-confidence"
              value="unsure"
              checked={confidence === 'unsure'}
              onChange={() => chooseConfidence('unsure')}
            />
            <span className={styles.key} aria-hidden="true">
              U
            </span>
            Unsure
          </label>
        </fieldset>
      )}
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
      {answered && fb?.kind === 'scenario' && (
        <div className={styles.feedback}>
          <p>
            <strong>{LABEL_TEXT[fb.scenario.label]}.</strong> {fb.scenario.rationale}
          </p>
          <ul>
            {QUESTIONS.map((q) => {
              const a = fb.scenario.questions[q];
              return (
                <li key={q}>
                  <strong>{QUESTION_SHORT[q]}:</strong> {a.answer === 'either' ? 'contested.' : `${a.answer}.`} {a.note}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <p
        role="status"
        aria-live="polite"
        className={answered ? (outcome?.correct ? styles.ok : styles.bad) : phase === 'queued' ? styles.queued : 'visually-hidden'}
      >
        {answered && outcome
          ? `${outcome.correct ? 'Correct.' : 'Not quite.'} Rated ${RATING_TEXT[outcome.rating]}: this card comes back ${whenText(outcome.nextDue, new Date())}.`
          : phase === 'queued'
            ? 'Saved on this device. This review will be checked and recorded when you are back online.'
            : ''}
      </p>
      <div className={styles.actions}>
        {answered || phase === 'queued' ? (
          <button ref={continueRef} type="button" className="button" onClick={() => onNext(outcome?.nextDue ?? null)}>
            Continue <span className={styles.hint}>(Space)</span>
          </button>
        ) : (
          <button type="button" className="button" onClick={() => void submit()} disabled={phase === 'saving'}>
            {phase === 'saving' ? 'Checking…' : 'Check'} <span className={styles.hint}>(Enter)</span>
          </button>
        )}
      </div>
      <p className={`${styles.keys} muted`} data-testid="review-keys">
        Keys: <kbd>1</kbd>–<kbd>{options.length}</kbd> choose an answer · <kbd>S</kbd> sure or <kbd>U</kbd> unsure · <kbd>Enter</kbd> check
        · then <kbd>Space</kbd> or <kbd>Enter</kbd> for the next card. <kbd>Tab</kbd> also reaches every choice.
      </p>
    </div>
  );
}
