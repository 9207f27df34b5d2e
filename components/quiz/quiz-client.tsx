'use client';
import { useEffect, useId, useReducer, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useSession } from '@/components/session/session-provider';
import type { QuizFeedback } from '@/lib/actions/learning';
import { newKey } from '@/lib/answers/keys';
import { answerProblem } from '@/lib/learning/grading';
import { sendAnswer } from '@/components/answer/send-answer';
import { CheckButton } from '@/components/answer/check-button';
import { SignUpLink } from '@/components/auth/sign-up-link';
import { forgetPreviousAttempts } from './previous-attempts';
import { freshAttempt, quizAttemptReducer } from './quiz-attempt';
import { usePreviousTries } from './use-previous-tries';
import styles from './quiz.module.css';
import { InlineError } from '@/components/ui/form';

/** A choice as the page has it: the text only (the key and the explanations come from the server after answering). */
export interface QuizChoiceView {
  content: ReactNode;
}

// Wall-clock time for measuring answer duration (only ever called from event handlers and effects).
const clockMs = () => Date.now();

export function QuizClient({
  id,
  kind,
  chapter,
  prompt,
  choices,
}: {
  id: string;
  kind: 'single' | 'multiple' | 'classify';
  chapter: string | null;
  prompt: ReactNode;
  choices: QuizChoiceView[];
}) {
  const session = useSession();
  const uid = useId();
  const [attempt, dispatch] = useReducer(quizAttemptReducer, undefined, freshAttempt);
  const { selected, confidence, phase, feedback, error, status } = attempt;
  const correct = feedback?.correct ?? null;
  const { attempts, lastTime, answered: countTry } = usePreviousTries(id, chapter, session);

  const key = useRef<string>('');
  const started = useRef<number>(0);
  const rootRef = useRef<HTMLFormElement>(null);
  const quiz = { kind, choices };
  const multiple = kind === 'multiple';

  useEffect(() => {
    key.current = newKey();
    started.current = clockMs();
  }, [id]);

  function toggle(i: number) {
    dispatch({ type: 'toggle', index: i, multiple });
  }

  async function submit() {
    if (phase !== 'answering') return;
    const problem = answerProblem(quiz, selected);
    if (problem) return dispatch({ type: 'error', message: problem });
    if (!confidence)
      return dispatch({
        type: 'error',
        message: 'Say whether you are sure or unsure: it decides when this question comes back for review.',
      });
    dispatch({ type: 'saving' });
    const durationMs = Math.max(0, clockMs() - started.current);
    const confident = confidence === 'sure';
    // The server grades; a signed-in answer is stored there, a guest's is kept in this browser. The key stays the same
    // on a retry or a later send from the outbox, so an answer is never stored twice.
    const r = await sendAnswer<QuizFeedback>({
      key: key.current,
      kind: 'quiz',
      who: session.status === 'user' ? 'user' : 'guest',
      owner: session.status === 'user' ? session.user.id : undefined,
      payload: { quizId: id, selected, confident, durationMs },
      title: 'a question',
      queuedAt: new Date().toISOString(),
      guest: { itemKind: 'quiz', itemId: id, chapter, confident, durationMs },
    });
    if (r.status === 'refused' || r.status === 'failed') return dispatch({ type: 'refused', message: r.message });
    countTry();
    if (session.status === 'user') forgetPreviousAttempts();
    if (r.status === 'queued') return dispatch({ type: 'queued' });
    dispatch({ type: 'graded', feedback: r.data, multiple });
  }

  function retry() {
    key.current = newKey();
    started.current = clockMs();
    dispatch({ type: 'retry' });
    rootRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    if (target.tagName === 'TEXTAREA' || (target.tagName === 'INPUT' && (target as HTMLInputElement).type === 'text')) return;
    const n = Number.parseInt(e.key, 10);
    if (n >= 1 && n <= choices.length) {
      e.preventDefault();
      toggle(n - 1);
      rootRef.current?.querySelectorAll<HTMLInputElement>(`input[name="${uid}-choice"]`)[n - 1]?.focus();
    } else if (e.key === 'Enter' && phase === 'answering' && target.tagName !== 'BUTTON') {
      e.preventDefault();
      void submit();
    }
  }

  const right = feedback?.correctIndices ?? [];
  const answered = phase === 'answered' || phase === 'queued';
  const kindLabel = kind === 'classify' ? 'Classify the scenario' : multiple ? 'Choose all that apply' : 'Choose one';

  return (
    <form
      ref={rootRef}
      id={`quiz-${id}`}
      className={styles.quiz}
      data-quiz-id={id}
      data-state={phase === 'queued' ? 'queued' : answered ? (correct ? 'correct' : 'incorrect') : 'open'}
      aria-labelledby={`${uid}-prompt`}
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className={styles.kicker}>
        <span>Check yourself</span> · <span>{kindLabel}</span>
        {attempts > 0 && <span className={styles.attempts}> · {attempts === 1 ? '1 try so far' : `${attempts} tries so far`}</span>}
        {!answered && lastTime !== null && (
          <span className={styles.attempts} data-testid="quiz-last-time">
            {' '}
            · last time{lastTime.selected.length > 0 ? ` you chose ${choiceList(lastTime.selected)}` : ''}:{' '}
            {lastTime.correct ? 'right' : 'not quite'}
          </span>
        )}
      </p>
      <div id={`${uid}-prompt`} className={styles.prompt}>
        {prompt}
      </div>
      {/* The verdict sits right above the choices it is about, each of which now carries its explanation. */}
      <p
        role="status"
        aria-live="polite"
        className={phase === 'queued' ? styles.resultQueued : answered ? (correct ? styles.resultOk : styles.resultBad) : 'visually-hidden'}
      >
        {status}
      </p>
      <fieldset className={styles.choices} disabled={phase === 'saving'}>
        <legend className="visually-hidden">
          {kindLabel} (keys 1 to {choices.length})
        </legend>
        {choices.map((c, i) => {
          const isSelected = selected.includes(i);
          const isRight = right.includes(i);
          const explain = feedback?.explanations[i] ?? null;
          const mark = feedback ? (isRight ? 'correct' : isSelected ? 'wrong' : 'other') : isSelected ? 'selected' : 'none';
          return (
            <div key={i} className={styles.choice} data-mark={mark}>
              <label className={styles.choiceLabel}>
                <input
                  type={multiple ? 'checkbox' : 'radio'}
                  name={`${uid}-choice`}
                  value={i}
                  checked={isSelected}
                  onChange={() => toggle(i)}
                  readOnly={answered}
                  aria-describedby={explain ? `${uid}-explain-${i}` : undefined}
                />
                <span className={styles.key} aria-hidden="true">
                  {i + 1}
                </span>
                <span className={styles.choiceText}>{c.content}</span>
                {feedback && <span className={styles.verdict}>{isRight ? '✓ Correct answer' : isSelected ? '✗ Your answer' : ''}</span>}
              </label>
              {explain && (
                <p id={`${uid}-explain-${i}`} className={styles.explain}>
                  {explain}
                </p>
              )}
            </div>
          );
        })}
      </fieldset>
      {!answered && (
        <fieldset className={styles.confidence} disabled={phase === 'saving'}>
          <legend>How sure are you?</legend>
          {(['sure', 'unsure'] as const).map((v) => (
            <label key={v}>
              <input
                type="radio"
                name={`${uid}-confidence`}
                value={v}
                checked={confidence === v}
                onChange={() => dispatch({ type: 'confidence', value: v })}
              />{' '}
              {v === 'sure' ? 'Sure' : 'Unsure'}
            </label>
          ))}
        </fieldset>
      )}
      <InlineError message={error} className={styles.error} />
      <div className={styles.actions}>
        {answered ? (
          <button type="button" className="button button--ghost" onClick={retry}>
            Try again
          </button>
        ) : (
          <CheckButton saving={phase === 'saving'} />
        )}
        {answered && attempts > 1 && <span className="muted">Only your first try counts for mastery.</span>}
        {session.status === 'guest' && !answered && (
          <span className="muted">
            Saved in this browser. <SignUpLink hash={`quiz-${id}`}>Create an account</SignUpLink> to keep it.
          </span>
        )}
      </div>
      {feedback && !correct && right.length > 0 && <span className="visually-hidden">Correct: {right.map((i) => i + 1).join(', ')}</span>}
    </form>
  );
}

/** "2", "1 and 3", "1, 2 and 4": choices by the numbers shown beside them. */
function choiceList(selected: readonly number[]): string {
  const n = selected.map((i) => String(i + 1));
  return n.length <= 1 ? (n[0] ?? '') : `${n.slice(0, -1).join(', ')} and ${n.at(-1)}`;
}
