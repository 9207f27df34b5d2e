'use client';
import { useEffect, useId, useMemo, useReducer, useRef, useSyncExternalStore, type KeyboardEvent } from 'react';
import { useSession, type SessionState } from '@/components/session/session-provider';
import type { DrillFeedbackResult } from '@/lib/actions/drill';
import { newKey } from '@/lib/answers/keys';
import type { PublicScenario } from '@/lib/learning/scenario-schema';
import { sendAnswer } from '@/components/answer/send-answer';
import { QUESTIONS, type DrillAnswer, type Question, type QuestionAnswer } from '@/lib/learning/classify';
import { DEFAULT_SESSION_SIZE, SESSION_SIZES } from '@/lib/learning/drill-order';
import { createRng, deriveSeed } from '@/lib/toys/rng';
import type { DrillContext } from '@/lib/practice/drill-context';
import { DrillFeedback, EvidenceText } from './drill-feedback';
import { DrillFinish } from './drill-finish';
import { DrillForm } from './drill-form';
import {
  DRILL_GROUPS,
  drillSessionReducer,
  isLastOfRound,
  newSession,
  openGroups,
  type Answers,
  type BeginOptions,
  type GroupName,
} from './drill-session';
import { drillItemId } from '@/lib/practice/practice-sets';
import styles from './drill.module.css';

type FocusTarget = 'title' | 'feedback' | 'finish' | null;

// The order is shuffled in the browser only: the server renders a placeholder (a server-rendered order would be the
// same for everyone), and hydration swaps in the shuffled set. One seed per page load; a reshuffle derives a new one.
const PAGE_SEED = Math.floor(Math.random() * 2 ** 31);
const noSubscription = () => () => {};
const useIsClient = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function isTypingTarget(el: HTMLElement): boolean {
  return (
    el.tagName === 'TEXTAREA' ||
    el.tagName === 'SELECT' ||
    el.isContentEditable ||
    (el.tagName === 'INPUT' && !['radio', 'checkbox'].includes((el as HTMLInputElement).type))
  );
}

export function DrillClient({
  scenarios,
  orders = [],
  setId,
  title,
  compact = false,
  context,
}: {
  /** What the learner reads, nothing more: a full Scenario (with its label) is refused by the type. */
  scenarios: (PublicScenario & { label?: never; questions?: never })[];
  /** Interleaved orders of `scenarios` as index lists (lib/learning/drill-order sessionOrders), made where the labels are known. */
  orders?: number[][];
  /** null: the built-in bank; otherwise the learner's imported set. */
  setId: string | null;
  title: string;
  /** Embedded in a chapter: smaller headings, no separate page title. */
  compact?: boolean;
  context?: DrillContext;
}) {
  const session = useSession();
  const uid = useId();
  const isClient = useIsClient();
  const [state, dispatch] = useReducer(drillSessionReducer, Math.min(DEFAULT_SESSION_SIZE, scenarios.length), newSession);
  const { shuffles, size, start, index, answers, phase, outcomes, queued, practiseList, error, status } = state;
  const order = useMemo(() => {
    if (!isClient) return null;
    const chosen = orders.length ? orders[(PAGE_SEED + shuffles) % orders.length] : undefined;
    if (chosen && chosen.length === scenarios.length) return chosen.map((i) => scenarios[i]!);
    // A set without orders (the guest's missed ones, picked in this browser): shuffled, without the labels to interleave by.
    return createRng(deriveSeed(PAGE_SEED, shuffles)).shuffle(scenarios);
  }, [isClient, orders, scenarios, shuffles]);
  const key = useRef('');
  const started = useRef(0);
  const sessionRef = useRef<SessionState>(session);
  const focusNext = useRef<FocusTarget>(null);
  // A second Enter can arrive before the re-render that disables the form; this stops it counting twice.
  const busy = useRef(false);
  const rootRef = useRef<HTMLElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const feedbackRef = useRef<HTMLHeadingElement>(null);
  const finishRef = useRef<HTMLHeadingElement>(null);

  const round = practiseList ?? (order ? order.slice(start, start + size) : []);
  const scenario = round[index];
  const outcome = phase === 'feedback' || phase === 'finished' ? outcomes[outcomes.length - 1] : undefined;
  const rightSoFar = outcomes.filter((o) => o.result.correct).length;
  const H = compact ? 'h3' : 'h2';

  useEffect(() => {
    sessionRef.current = session;
  }, [session]);

  /** One idempotency key per answer; a retried save reuses it, so the server stores the answer once. */
  function freshAttempt() {
    key.current = newKey();
    started.current = Date.now();
  }

  useEffect(freshAttempt, []);

  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    ({ title: titleRef, feedback: feedbackRef, finish: finishRef })[target].current?.focus();
  });

  function groupInputs(name: GroupName): HTMLInputElement[] {
    return [...(rootRef.current?.querySelectorAll<HTMLInputElement>(`fieldset[data-group="${name}"] input[type="radio"]`) ?? [])];
  }

  function focusGroup(name: GroupName) {
    const inputs = groupInputs(name);
    (inputs.find((i) => i.checked) ?? inputs[0])?.focus();
  }

  function choose(name: GroupName, value: string): Answers {
    dispatch({ type: 'choose', name, value });
    return { ...answers, [name]: value };
  }

  /** The signed-in state settles a moment after the page loads; wait for it rather than guess. */
  async function settledSession(): Promise<SessionState> {
    for (let waited = 0; sessionRef.current.status === 'loading' && waited < 5000; waited += 100) await sleep(100);
    return sessionRef.current;
  }

  async function submit() {
    if (phase !== 'answering' || !scenario || busy.current) return;
    const gaps = openGroups(answers);
    if (gaps.length) {
      dispatch({ type: 'error', message: `Answer every question first. Still open: ${gaps.map((g) => g.legend).join(' · ')}` });
      focusGroup(gaps[0]!.name);
      return;
    }
    const answer: DrillAnswer = {
      label: answers.label as DrillAnswer['label'],
      answers: Object.fromEntries(QUESTIONS.map((q) => [q, answers[q]])) as Record<Question, QuestionAnswer>,
    };
    const confident = answers.confidence === 'sure';
    const durationMs = Math.max(0, Date.now() - started.current);
    dispatch({ type: 'saving' });
    busy.current = true;
    try {
      await save(scenario, answer, confident, durationMs);
    } finally {
      busy.current = false;
    }
  }

  async function save(item: PublicScenario, answer: DrillAnswer, confident: boolean, durationMs: number) {
    const who = await settledSession();
    // The server grades (the page holds no labels); a signed-in answer is stored there, a guest's is kept in this
    // browser. The key stays the same on a retry or a later send from the outbox, so an answer is never stored twice.
    const r = await sendAnswer<DrillFeedbackResult>({
      key: key.current,
      kind: 'drill',
      who: who.status === 'user' ? 'user' : 'guest',
      owner: who.status === 'user' ? who.user.id : undefined,
      payload: { scenarioId: item.id, setId, ...answer, confident, durationMs },
      title: item.title,
      queuedAt: new Date().toISOString(),
      guest: { itemKind: 'scenario', itemId: drillItemId(setId, item.id), chapter: item.chapter ?? null, confident, durationMs },
    });
    if (r.status === 'refused' || r.status === 'failed') {
      dispatch({ type: 'refused', message: r.message });
      return;
    }
    if (r.status === 'queued') {
      dispatch({ type: 'queued', scenarioId: item.id });
      focusNext.current = 'feedback';
      return;
    }
    const { scenario: truth, cited, author, ...result } = r.data;
    dispatch({ type: 'graded', outcome: { scenarioId: item.id, answer, result, truth, cited, ...(author ? { author } : {}) } });
    focusNext.current = 'feedback';
  }

  function next() {
    if (phase !== 'feedback' && phase !== 'queued') return;
    const finishing = isLastOfRound(state, round.length);
    dispatch({ type: 'next', roundLength: round.length });
    if (!finishing) freshAttempt();
    focusNext.current = finishing ? 'finish' : 'title';
  }

  function begin(opts: BeginOptions) {
    dispatch({ type: 'begin', ...opts });
    freshAttempt();
    focusNext.current = 'title';
  }

  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    if (isTypingTarget(target)) return;
    if (phase === 'answering') {
      const n = /^[1-9]$/.test(e.key) ? Number(e.key) : 0;
      if (n) {
        const focused = target.closest<HTMLElement>('fieldset[data-group]')?.dataset.group as GroupName | undefined;
        const group = DRILL_GROUPS.find((g) => g.name === focused) ?? openGroups(answers)[0];
        const option = group?.options[n - 1];
        if (!group || !option) return;
        e.preventDefault();
        const after = choose(group.name, option.value);
        // Move on to the next open question, so 1/2/3 alone walk through the scenario.
        const at = DRILL_GROUPS.indexOf(group);
        const open = [...DRILL_GROUPS.slice(at + 1), ...DRILL_GROUPS.slice(0, at)].find((g) => after[g.name] === null);
        if (open) focusGroup(open.name);
        else groupInputs(group.name)[n - 1]?.focus();
        return;
      }
      if (e.key === 'Enter' && target.tagName !== 'BUTTON' && target.tagName !== 'A' && target.tagName !== 'SELECT') {
        e.preventDefault();
        void submit();
      }
      return;
    }
    if ((phase === 'feedback' || phase === 'queued') && (e.key === 'n' || e.key === 'N') && target.tagName !== 'A') {
      e.preventDefault();
      next();
    }
  }

  if (scenarios.length === 0) {
    return (
      <section className={styles.drill} aria-label={title}>
        <p className={styles.empty}>There are no scenarios in this set.</p>
      </section>
    );
  }
  if (!order) {
    return (
      <section className={styles.drill} aria-label={title} aria-busy="true">
        <p className={styles.empty}>Shuffling the scenarios…</p>
      </section>
    );
  }

  const sizes = [...SESSION_SIZES.filter((n) => n < scenarios.length), scenarios.length];
  const canPickSize = !practiseList && outcomes.length === 0 && index === 0 && phase === 'answering';
  const progress = (
    <p className={styles.progress}>
      Scenario {Math.min(index + 1, round.length)} of {round.length} · {rightSoFar} right
    </p>
  );
  const sizePicker = canPickSize && sizes.length > 1 && (
    <label className={styles.sizePicker}>
      Scenarios this session{' '}
      <select value={size} onChange={(e) => begin({ size: Number(e.target.value), start: 0 })}>
        {sizes.map((n) => (
          <option key={n} value={n}>
            {n === scenarios.length ? `All ${n}` : n}
          </option>
        ))}
      </select>
    </label>
  );
  const keysHint = (
    <p className={styles.keys} id={`${uid}-keys`}>
      <span className={styles.keysLabel}>Keys</span> <kbd>1</kbd>–<kbd>3</kbd> answer the current question · <kbd>Enter</kbd> check ·{' '}
      <kbd>N</kbd> next scenario
    </p>
  );
  const nextStart = start + size < order.length ? start + size : 0;
  const nextButton = (
    <div className={styles.actions}>
      <button type="button" className="button" onClick={next}>
        {index + 1 >= round.length ? 'See your results' : 'Next scenario'} <kbd aria-hidden="true">N</kbd>
      </button>
    </div>
  );

  return (
    <section
      ref={rootRef}
      className={styles.drill}
      data-compact={compact || undefined}
      data-phase={phase}
      data-scenario-id={phase === 'finished' ? undefined : scenario?.id}
      aria-label={title}
      onKeyDown={onKeyDown}
    >
      {compact && <p className={styles.kicker}>{title}</p>}
      {phase === 'finished' ? (
        <DrillFinish
          heading={H}
          headingRef={finishRef}
          round={round}
          outcomes={outcomes}
          queued={queued.length}
          moreLeft={!practiseList && nextStart > 0 ? Math.min(size, order.length - nextStart) : 0}
          onRestart={() => begin({ practise: practiseList })}
          onNext={() => begin({ start: nextStart })}
          onNewShuffle={() => begin({ start: 0, reshuffle: true })}
          onPractiseMissed={(missed) => begin({ practise: missed })}
        />
      ) : (
        scenario && (
          <>
            <div className={styles.meta}>
              {progress}
              {sizePicker}
              {keysHint}
            </div>
            <article className={styles.scenario} aria-labelledby={`${uid}-title`}>
              <H id={`${uid}-title`} ref={titleRef} tabIndex={-1} className={styles.title}>
                {scenario.title}
              </H>
              {phase === 'feedback' && outcome ? (
                <EvidenceText scenario={outcome.truth} result={outcome.result} />
              ) : (
                <p className={styles.description}>{scenario.description}</p>
              )}
            </article>
            {phase === 'queued' ? (
              <>
                <div className={styles.queued} data-testid="drill-queued">
                  <H ref={feedbackRef} tabIndex={-1} className={styles.verdict}>
                    Saved on this device
                  </H>
                  <p>
                    You are offline, so this answer could not be checked yet. It is kept in this browser and will be sent and checked when
                    you are back online; you can go on with the next scenario.
                  </p>
                </div>
                {nextButton}
              </>
            ) : phase === 'feedback' && outcome ? (
              <>
                <DrillFeedback
                  scenario={outcome.truth}
                  outcome={outcome}
                  context={context}
                  headingLevel={compact ? 4 : 3}
                  headingRef={feedbackRef}
                  fromBank={setId === null}
                />
                {nextButton}
              </>
            ) : (
              <DrillForm
                uid={uid}
                index={index}
                title={scenario.title}
                answers={answers}
                saving={phase === 'saving'}
                error={error}
                guest={session.status === 'guest'}
                onChoose={choose}
                onSubmit={() => void submit()}
              />
            )}
          </>
        )
      )}
      <p role="status" aria-live="polite" className="visually-hidden">
        {status}
      </p>
    </section>
  );
}
