'use client';
import Link from 'next/link';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useSession, type SessionState } from '@/components/session/session-provider';
import { submitDrillAnswer } from '@/lib/actions/drill';
import type { Scenario } from '@/lib/content/scenarios';
import { addGuestAttempt } from '@/lib/guest/store';
import {
  AXIS_OPTION_TEXT,
  AXIS_QUESTION,
  LABEL_TEXT,
  LABELS,
  gradeDrill,
  type Axis,
  type DrillAnswer,
  type DrillResult,
} from '@/lib/learning/classify';
import type { DrillContext } from './drill-context';
import { DrillFeedback, axisMistakes } from './drill-feedback';
import { drillItemId } from './practice-sets';
import styles from './drill.module.css';

type GroupName = Axis | 'label' | 'confidence';
type Answers = Record<GroupName, string | null>;

interface Group {
  name: GroupName;
  legend: string;
  options: { value: string; text: string }[];
}

const axisOptions = (values: string[]) => values.map((value) => ({ value, text: AXIS_OPTION_TEXT[value] ?? value }));

/** The questions in the order a careful classifier asks them, then the verdict and how sure the learner is. */
export const DRILL_GROUPS: Group[] = [
  { name: 'signal', legend: AXIS_QUESTION.signal, options: axisOptions(['right', 'wrong']) },
  { name: 'capability', legend: AXIS_QUESTION.capability, options: axisOptions(['generalized', 'failed']) },
  { name: 'goal', legend: AXIS_QUESTION.goal, options: axisOptions(['intended', 'proxy', 'literal', 'none']) },
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

const EMPTY: Answers = { signal: null, capability: null, goal: null, label: null, confidence: null };

export interface DrillOutcome {
  scenarioId: string;
  answer: DrillAnswer;
  result: DrillResult;
}

type Phase = 'answering' | 'saving' | 'feedback' | 'finished';
type FocusTarget = 'title' | 'feedback' | 'finish' | null;

function newKey(): string {
  return globalThis.crypto?.randomUUID?.().replace(/-/g, '') ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function isTypingTarget(el: HTMLElement): boolean {
  return el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable || (el.tagName === 'INPUT' && !['radio', 'checkbox'].includes((el as HTMLInputElement).type));
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function DrillClient({
  scenarios,
  setId,
  title,
  compact = false,
  context,
}: {
  scenarios: Scenario[];
  /** null: the built-in bank; otherwise the learner's imported set. */
  setId: string | null;
  title: string;
  /** Embedded in a chapter: smaller headings, no separate page title. */
  compact?: boolean;
  context?: DrillContext;
}) {
  const session = useSession();
  const uid = useId();
  const [round, setRound] = useState<Scenario[]>(scenarios);
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Answers>(EMPTY);
  const [phase, setPhase] = useState<Phase>('answering');
  const [outcomes, setOutcomes] = useState<DrillOutcome[]>([]);
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
    const answer = {
      label: answers.label,
      axes: { signal: answers.signal, capability: answers.capability, goal: answers.goal },
    } as DrillAnswer;
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

  async function save(item: Scenario, answer: DrillAnswer, confident: boolean, durationMs: number) {
    let result: DrillResult = gradeDrill(item, answer);
    const who = await settledSession();
    if (who.status === 'user') {
      try {
        const r = await submitDrillAnswer({ scenarioId: item.id, setId, ...answer, confident, durationMs, idempotencyKey: key.current });
        if (!r.ok || !r.data) {
          setPhase('answering');
          setError(r.message ?? 'Your answer could not be saved. Press Check again.');
          return;
        }
        result = r.data;
      } catch {
        // The key stays the same, so if the request did reach the server a retry is not stored twice.
        setPhase('answering');
        setError('Your answer could not be saved (network problem). Check your connection and press Check (or Enter) again.');
        return;
      }
    } else {
      addGuestAttempt({
        idempotencyKey: key.current,
        itemKind: 'scenario',
        itemId: drillItemId(setId, item.id),
        chapter: item.chapter,
        response: { label: answer.label, axes: answer.axes, truth: item.label },
        correct: result.correct,
        confident,
        durationMs,
      });
    }
    setOutcomes((o) => [...o, { scenarioId: item.id, answer, result }]);
    setPhase('feedback');
    setStatus(announce(item, answer, result));
    focusNext.current = 'feedback';
  }

  function next() {
    if (phase !== 'feedback') return;
    setAnswers(EMPTY);
    setError(null);
    if (index + 1 >= round.length) {
      setPhase('finished');
      const right = outcomes.filter((o) => o.result.correct).length;
      setStatus(`Finished: ${right} of ${round.length} right.`);
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

  function restart(list: Scenario[]) {
    setRound(list);
    setIndex(0);
    freshAttempt();
    setAnswers(EMPTY);
    setOutcomes([]);
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
        // Move on to the next open question, so 1/2/3/4 alone walk through the scenario.
        const at = DRILL_GROUPS.indexOf(group);
        const open = [...DRILL_GROUPS.slice(at + 1), ...DRILL_GROUPS.slice(0, at)].find((g) => after[g.name] === null);
        if (open) focusGroup(open.name);
        else groupInputs(group.name)[n - 1]?.focus();
        return;
      }
      if (e.key === 'Enter' && target.tagName !== 'BUTTON' && target.tagName !== 'A') {
        e.preventDefault();
        void submit();
      }
      return;
    }
    if (phase === 'feedback' && (e.key === 'n' || e.key === 'N') && target.tagName !== 'A') {
      e.preventDefault();
      next();
    }
  }

  if (round.length === 0) {
    return (
      <section className={styles.drill} aria-label={title}>
        <p className={styles.empty}>There are no scenarios in this set.</p>
      </section>
    );
  }

  const progress = (
    <p className={styles.progress}>
      Scenario {Math.min(index + 1, round.length)} of {round.length} · {rightSoFar} right
    </p>
  );
  const keysHint = (
    <p className={styles.keys} id={`${uid}-keys`}>
      <span className={styles.keysLabel}>Keys</span> <kbd>1</kbd>–<kbd>4</kbd> answer the current question · <kbd>Enter</kbd> check ·{' '}
      <kbd>N</kbd> next scenario
    </p>
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
          onRestart={() => restart(round)}
          onPractiseMissed={(missed) => restart(missed)}
        />
      ) : (
        scenario && (
          <>
            <div className={styles.meta}>
              {progress}
              {keysHint}
            </div>
            <article className={styles.scenario} aria-labelledby={`${uid}-title`}>
              <H id={`${uid}-title`} ref={titleRef} tabIndex={-1} className={styles.title}>
                {scenario.title}
              </H>
              <p className={styles.description}>{scenario.description}</p>
            </article>
            {phase === 'feedback' && outcome ? (
              <>
                <DrillFeedback
                  scenario={scenario}
                  outcome={outcome}
                  context={context}
                  headingLevel={compact ? 4 : 3}
                  headingRef={feedbackRef}
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
                      Saved in this browser. <Link href="/signup">Create an account</Link> to keep it.
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
  const wrong = axisMistakes({ scenarioId: scenario.id, answer, result }).map((a) => AXIS_QUESTION[a]);
  const axes = wrong.length ? `Questions to revisit: ${wrong.join(' ')}` : result.wrongAxes.length ? 'Your answers fit your reading.' : 'All three questions right.';
  if (result.labelCorrect) return `Right: ${LABEL_TEXT[scenario.label]}. ${axes}`;
  if (result.defensible) return `Defensible: ${LABEL_TEXT[answer.label]} is one reading of a contested case. ${axes}`;
  return `Not quite: this is ${LABEL_TEXT[scenario.label]}, not ${LABEL_TEXT[answer.label]}. ${axes}`;
}

function DrillFinish({
  heading,
  headingRef,
  round,
  outcomes,
  onRestart,
  onPractiseMissed,
}: {
  heading: 'h2' | 'h3';
  headingRef: Ref<HTMLHeadingElement>;
  round: Scenario[];
  outcomes: DrillOutcome[];
  onRestart: () => void;
  onPractiseMissed: (missed: Scenario[]) => void;
}) {
  const H = heading;
  const right = outcomes.filter((o) => o.result.correct).length;
  const missedIds = new Set(outcomes.filter((o) => !o.result.correct).map((o) => o.scenarioId));
  const missed = round.filter((s) => missedIds.has(s.id));
  const axisErrors = (['signal', 'capability', 'goal'] as const).map((axis) => ({
    axis,
    count: outcomes.filter((o) => axisMistakes(o).includes(axis)).length,
  }));
  const labelErrors = outcomes.filter((o) => !o.result.labelCorrect && !o.result.defensible).length;
  return (
    <div className={styles.finish}>
      <H ref={headingRef} tabIndex={-1} className={styles.title}>
        Finished: {right} of {round.length} right
      </H>
      <p>
        {right === round.length
          ? 'Every verdict was right or defensible.'
          : `You missed ${plural(round.length - right, 'scenario')}. The questions below show where the reasoning slipped.`}
      </p>
      <table className={styles.table}>
        <caption>Mistakes by question</caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Wrong answers</th>
          </tr>
        </thead>
        <tbody>
          {axisErrors.map(({ axis, count }) => (
            <tr key={axis} data-axis={axis}>
              <th scope="row">{AXIS_QUESTION[axis]}</th>
              <td>{count}</td>
            </tr>
          ))}
          <tr data-axis="label">
            <th scope="row">The failure mode itself</th>
            <td>{labelErrors}</td>
          </tr>
        </tbody>
      </table>
      <div className={styles.actions}>
        {missed.length > 0 && (
          <button type="button" className="button" onClick={() => onPractiseMissed(missed)}>
            Practise the ones you missed ({missed.length})
          </button>
        )}
        <button type="button" className={missed.length ? 'button button--ghost' : 'button'} onClick={onRestart}>
          Start this set again
        </button>
        <Link href="/practice">All practice sets</Link>
      </div>
    </div>
  );
}
