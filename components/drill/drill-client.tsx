'use client';
import Link from 'next/link';
import { SignUpLink } from '@/components/auth/sign-up-link';
import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent, type Ref } from 'react';
import { useSession, type SessionState } from '@/components/session/session-provider';
import type { DrillFeedbackResult } from '@/lib/actions/drill';
import { newKey } from '@/lib/answers/keys';
import type { PublicScenario, Scenario } from '@/lib/learning/scenario-schema';
import { sendAnswer } from '@/components/answer/send-answer';
import {
  ANSWER_TEXT,
  LABEL_TEXT,
  LABELS,
  QUESTION_TEXT,
  QUESTIONS,
  type DrillAnswer,
  type DrillResult,
  type Question,
  type QuestionAnswer,
} from '@/lib/learning/classify';
import { DEFAULT_SESSION_SIZE, SESSION_SIZES } from '@/lib/learning/drill-order';
import { createRng, deriveSeed } from '@/lib/toys/rng';
import { topConfusion, topMisread, type AnsweredCase } from '@/lib/learning/drill-summary';
import type { DrillContext } from '@/lib/practice/drill-context';
import { DrillFeedback, EvidenceText } from './drill-feedback';
import { drillItemId } from '@/lib/practice/practice-sets';
import styles from './drill.module.css';

type GroupName = Question | 'label' | 'confidence';
type Answers = Record<GroupName, string | null>;

interface Group {
  name: GroupName;
  legend: string;
  options: { value: string; text: string }[];
}

/**
 * The three questions about the story's evidence, in the order a careful reader asks them, then the verdict and how
 * sure the learner is. No option restates a failure mode's definition: each asks what the story says.
 */
const DRILL_GROUPS: Group[] = [
  ...QUESTIONS.map((q) => ({
    name: q,
    legend: QUESTION_TEXT[q],
    options: (['yes', 'no'] as const).map((value) => ({ value, text: ANSWER_TEXT[q][value] })),
  })),
  { name: 'label', legend: 'So which failure is it?', options: LABELS.map((l) => ({ value: l, text: LABEL_TEXT[l] })) },
  {
    name: 'confidence',
    legend: 'How sure are you?',
    options: [
      { value: 'sure', text: 'Sure' },
      { value: 'unsure', text: 'Unsure' },
    ],
  },
];

const EMPTY: Answers = { training: null, shift: null, competence: null, label: null, confidence: null };

export interface DrillOutcome {
  scenarioId: string;
  answer: DrillAnswer;
  result: DrillResult;
  /** The whole case, as the server returned it with the grade. */
  truth: Scenario;
  /** The paper behind the case, if any. */
  cited?: { citation: string; url: string };
  /** A workshop scenario's author, sent with the grade. */
  author?: string;
}

type Phase = 'answering' | 'saving' | 'feedback' | 'queued' | 'finished';
type FocusTarget = 'title' | 'feedback' | 'finish' | null;

// The order is shuffled in the browser only: the server renders a placeholder (a server-rendered order would be the
// same for everyone), and hydration swaps in the shuffled set. One seed per page load; a reshuffle derives a new one.
const PAGE_SEED = Math.floor(Math.random() * 2 ** 31);
const noSubscription = () => () => {};
const useIsClient = () => useSyncExternalStore(noSubscription, () => true, () => false);


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function isTypingTarget(el: HTMLElement): boolean {
  return el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable || (el.tagName === 'INPUT' && !['radio', 'checkbox'].includes((el as HTMLInputElement).type));
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
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
  const [shuffles, setShuffles] = useState(0);
  const order = useMemo(() => {
    if (!isClient) return null;
    const chosen = orders.length ? orders[(PAGE_SEED + shuffles) % orders.length] : undefined;
    if (chosen && chosen.length === scenarios.length) return chosen.map((i) => scenarios[i]!);
    // A set without orders (the guest's missed ones, picked in this browser): shuffled, without the labels to interleave by.
    return createRng(deriveSeed(PAGE_SEED, shuffles)).shuffle(scenarios);
  }, [isClient, orders, scenarios, shuffles]);
  const [size, setSize] = useState<number>(Math.min(DEFAULT_SESSION_SIZE, scenarios.length));
  const [start, setStart] = useState(0);
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Answers>(EMPTY);
  const [phase, setPhase] = useState<Phase>('answering');
  const [outcomes, setOutcomes] = useState<DrillOutcome[]>([]);
  /** Answers of this session waiting on this device for the network (graded when they are sent). */
  const [queued, setQueued] = useState<string[]>([]);
  const [practiseList, setPractiseList] = useState<PublicScenario[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
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
    const next = { ...answers, [name]: value };
    setAnswers(next);
    setError(null);
    return next;
  }

  function missing(a: Answers): Group[] {
    return DRILL_GROUPS.filter((g) => a[g.name] === null);
  }

  /** The signed-in state settles a moment after the page loads; wait for it rather than guess. */
  async function settledSession(): Promise<SessionState> {
    for (let waited = 0; sessionRef.current.status === 'loading' && waited < 5000; waited += 100) await sleep(100);
    return sessionRef.current;
  }

  async function submit() {
    if (phase !== 'answering' || !scenario || busy.current) return;
    const gaps = missing(answers);
    if (gaps.length) {
      setError(`Answer every question first. Still open: ${gaps.map((g) => g.legend).join(' · ')}`);
      focusGroup(gaps[0]!.name);
      return;
    }
    const answer: DrillAnswer = {
      label: answers.label as DrillAnswer['label'],
      answers: Object.fromEntries(QUESTIONS.map((q) => [q, answers[q]])) as Record<Question, QuestionAnswer>,
    };
    const confident = answers.confidence === 'sure';
    const durationMs = Math.max(0, Date.now() - started.current);
    setError(null);
    setPhase('saving');
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
      setPhase('answering');
      setError(r.message);
      return;
    }
    if (r.status === 'queued') {
      setQueued((q) => [...q, item.id]);
      setPhase('queued');
      setStatus('Saved on this device. It will be checked when you are back online; you can go on.');
      focusNext.current = 'feedback';
      return;
    }
    const { scenario: truth, cited, author, ...result } = r.data;
    setOutcomes((o) => [...o, { scenarioId: item.id, answer, result, truth, cited, ...(author ? { author } : {}) }]);
    setPhase('feedback');
    setStatus(announce(truth, answer, result));
    focusNext.current = 'feedback';
  }

  function next() {
    if (phase !== 'feedback' && phase !== 'queued') return;
    setAnswers(EMPTY);
    setError(null);
    if (index + 1 >= round.length) {
      setPhase('finished');
      const right = outcomes.filter((o) => o.result.correct).length;
      setStatus(`Finished: ${right} of ${outcomes.length} checked answers right.`);
      focusNext.current = 'finish';
      return;
    }
    setIndex(index + 1);
    freshAttempt();
    setPhase('answering');
    // Focus on the new title announces it; a live message as well would be read twice.
    setStatus('');
    focusNext.current = 'title';
  }

  function begin(opts: { practise?: PublicScenario[] | null; start?: number; size?: number; reshuffle?: boolean }) {
    if (opts.reshuffle) setShuffles((n) => n + 1);
    setPractiseList(opts.practise ?? null);
    if (opts.start !== undefined) setStart(opts.start);
    if (opts.size !== undefined) setSize(opts.size);
    setIndex(0);
    freshAttempt();
    setAnswers(EMPTY);
    setOutcomes([]);
    setQueued([]);
    setError(null);
    setPhase('answering');
    setStatus('');
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
        const group = DRILL_GROUPS.find((g) => g.name === focused) ?? missing(answers)[0];
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
                    You are offline, so this answer could not be checked yet. It is kept in this browser and will be sent and checked
                    when you are back online; you can go on with the next scenario.
                  </p>
                </div>
                <div className={styles.actions}>
                  <button type="button" className="button" onClick={next}>
                    {index + 1 >= round.length ? 'See your results' : 'Next scenario'} <kbd aria-hidden="true">N</kbd>
                  </button>
                </div>
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
                <div className={styles.actions}>
                  <button type="button" className="button" onClick={next}>
                    {index + 1 >= round.length ? 'See your results' : 'Next scenario'} <kbd aria-hidden="true">N</kbd>
                  </button>
                </div>
              </>
            ) : (
              <form
                className={styles.form}
                aria-describedby={`${uid}-keys`}
                aria-label={`Classify: ${scenario.title}`}
                onSubmit={(e) => {
                  e.preventDefault();
                  void submit();
                }}
              >
                {DRILL_GROUPS.map((g, gi) => (
                  <fieldset
                    key={g.name}
                    data-group={g.name}
                    className={g.name === 'confidence' ? styles.confidence : styles.group}
                    disabled={phase === 'saving'}
                  >
                    <legend className={styles.legend}>
                      {g.name !== 'confidence' && <span className={styles.step}>{gi + 1}. </span>}
                      {g.legend}
                    </legend>
                    <div className={styles.options}>
                      {g.options.map((o, oi) => (
                        <label key={o.value} className={styles.option} data-checked={answers[g.name] === o.value || undefined}>
                          <input
                            type="radio"
                            name={`${uid}-${index}-${g.name}`}
                            value={o.value}
                            checked={answers[g.name] === o.value}
                            onChange={() => choose(g.name, o.value)}
                          />
                          <span className={styles.key} aria-hidden="true">
                            {oi + 1}
                          </span>
                          <span>{o.text}</span>
                        </label>
                      ))}
                    </div>
                  </fieldset>
                ))}
                {error && (
                  <p className={styles.error} role="alert">
                    {error}
                  </p>
                )}
                <div className={styles.actions}>
                  <button type="submit" className="button" disabled={phase === 'saving'}>
                    {phase === 'saving' ? 'Checking…' : 'Check'}
                  </button>
                  {session.status === 'guest' && (
                    <span className="muted">
                      Saved in this browser. <SignUpLink>Create an account</SignUpLink> to keep it.
                    </span>
                  )}
                </div>
              </form>
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

function announce(scenario: Scenario, answer: DrillAnswer, result: DrillResult): string {
  const wrong = result.wrongQuestions.map((q) => QUESTION_TEXT[q]);
  const reasons = wrong.length ? `Questions to revisit: ${wrong.join(' ')}` : 'All three questions right.';
  if (result.verdict === 'right') return `Right: ${LABEL_TEXT[scenario.label]}. ${reasons}`;
  if (result.verdict === 'defensible') return `Defensible: ${LABEL_TEXT[answer.label]} is one reading of a contested case. ${reasons}`;
  if (result.verdict === 'reason') return `Right label, but not for the right reasons. ${reasons}`;
  return `Not quite: this is ${LABEL_TEXT[scenario.label]}, not ${LABEL_TEXT[answer.label]}. ${reasons}`;
}

/** The learner's outcomes as cases for the summary functions (lib/learning/drill-summary). */
function answeredCases(outcomes: DrillOutcome[]): AnsweredCase[] {
  return outcomes.map((o) => ({ scenarioId: o.scenarioId, truth: o.truth.label, given: o.answer.label, labelOk: o.result.labelCorrect || o.result.defensible, wrong: o.result.wrongQuestions }));
}

function DrillFinish({
  heading,
  headingRef,
  round,
  outcomes,
  queued,
  moreLeft,
  onRestart,
  onNext,
  onNewShuffle,
  onPractiseMissed,
}: {
  heading: 'h2' | 'h3';
  headingRef: Ref<HTMLHeadingElement>;
  round: PublicScenario[];
  outcomes: DrillOutcome[];
  /** Answers of this session still waiting on this device for the network. */
  queued: number;
  /** How many scenarios the next session of the set would hold (0: this was the last one). */
  moreLeft: number;
  onRestart: () => void;
  onNext: () => void;
  onNewShuffle: () => void;
  onPractiseMissed: (missed: PublicScenario[]) => void;
}) {
  const H = heading;
  const right = outcomes.filter((o) => o.result.correct).length;
  const labelRight = outcomes.filter((o) => o.result.labelCorrect || o.result.defensible).length;
  const missedIds = new Set(outcomes.filter((o) => !o.result.correct).map((o) => o.scenarioId));
  const missed = round.filter((s) => missedIds.has(s.id));
  const cases = answeredCases(outcomes);
  const confusion = topConfusion(cases);
  const misread = topMisread(cases);
  const titleOf = (id: string) => round.find((s) => s.id === id)?.title ?? id;
  return (
    <div className={styles.finish}>
      <H ref={headingRef} tabIndex={-1} className={styles.title}>
        Finished: {right} of {outcomes.length} right
      </H>
      {queued > 0 && (
        <p data-testid="drill-queued-count">
          {plural(queued, 'answer')} {queued === 1 ? 'is' : 'are'} saved on this device and will be checked when you are back online; they
          show on your dashboard then.
        </p>
      )}
      <p>
        {outcomes.length === 0
          ? 'None of this session\'s answers could be checked yet.'
          : right === outcomes.length
          ? 'Every verdict was right or defensible, and for the right reasons.'
          : `You chose a label that counts ${plural(labelRight, 'time')}; ${right} of those had every question right as well. A right label for a wrong reason does not count.`}
      </p>
      {(confusion || misread) && (
        <dl className={styles.summary}>
          {confusion && (
            <div data-testid="top-confusion">
              <dt>The mix-up that happened most</dt>
              <dd>
                {LABEL_TEXT[confusion.truth]} taken for {LABEL_TEXT[confusion.given].toLowerCase()} ({plural(confusion.count, 'time')}):{' '}
                {confusion.scenarioIds.map(titleOf).join('; ')}
              </dd>
            </div>
          )}
          {misread && (
            <div data-testid="top-misread">
              <dt>The question you misread most</dt>
              <dd>
                &ldquo;{QUESTION_TEXT[misread.question]}&rdquo; ({misread.count} of {misread.of}): {misread.scenarioIds.map(titleOf).join('; ')}
              </dd>
            </div>
          )}
        </dl>
      )}
      <div className={styles.actions}>
        {missed.length > 0 && (
          <button type="button" className="button" onClick={() => onPractiseMissed(missed)}>
            Practise the ones you missed ({missed.length})
          </button>
        )}
        {moreLeft > 0 ? (
          <button type="button" className={missed.length ? 'button button--ghost' : 'button'} onClick={onNext}>
            Next {plural(moreLeft, 'scenario')}
          </button>
        ) : (
          <button type="button" className={missed.length ? 'button button--ghost' : 'button'} onClick={onNewShuffle}>
            Start the set again in a new order
          </button>
        )}
        <button type="button" className="button button--ghost" onClick={onRestart}>
          Repeat these {round.length}
        </button>
        <Link href="/practice">All practice sets</Link>
      </div>
    </div>
  );
}
