import Link from 'next/link';
import type { Ref } from 'react';
import type { PublicScenario } from '@/lib/learning/scenario-schema';
import { LABEL_TEXT, QUESTION_TEXT } from '@/lib/learning/classify';
import { topConfusion, topMisread, type AnsweredCase } from '@/lib/learning/drill-summary';
import { plural } from '@/lib/learning/progress-text';
import type { DrillOutcome } from './drill-session';
import styles from './drill.module.css';

/** The learner's outcomes as cases for the summary functions (lib/learning/drill-summary). */
function answeredCases(outcomes: DrillOutcome[]): AnsweredCase[] {
  return outcomes.map((o) => ({
    scenarioId: o.scenarioId,
    truth: o.truth.label,
    given: o.answer.label,
    labelOk: o.result.labelCorrect || o.result.defensible,
    wrong: o.result.wrongQuestions,
  }));
}

export function DrillFinish({
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
          ? "None of this session's answers could be checked yet."
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
                &ldquo;{QUESTION_TEXT[misread.question]}&rdquo; ({misread.count} of {misread.of}):{' '}
                {misread.scenarioIds.map(titleOf).join('; ')}
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
