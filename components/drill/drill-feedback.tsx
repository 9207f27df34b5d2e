import Link from 'next/link';
import type { Ref } from 'react';
import type { Scenario } from '@/lib/content/scenarios';
import { AXIS_OPTION_TEXT, AXIS_QUESTION, LABEL_TEXT, labelFromAxes, type Axis, type Label } from '@/lib/learning/classify';
import type { DrillContext } from './drill-context';
import type { DrillOutcome } from './drill-client';
import styles from './drill.module.css';

/**
 * The questions answered wrongly. On a defensible verdict whose answers fit the learner's own label, the questions
 * that differ from the primary reading belong to the other reading, so they are not mistakes.
 */
export function axisMistakes({ answer, result }: DrillOutcome): Axis[] {
  return result.defensible && labelFromAxes(answer.axes) === answer.label ? [] : result.wrongAxes;
}

const humanize = (slug: string) => slug.charAt(0).toUpperCase() + slug.slice(1).replace(/-/g, ' ');
const lower = (l: Label) => LABEL_TEXT[l].toLowerCase();

/** What the learner sees after checking a scenario: the verdict, each question with its reason, then the case notes. */
export function DrillFeedback({
  scenario,
  outcome,
  context,
  headingLevel,
  headingRef,
}: {
  scenario: Scenario;
  outcome: DrillOutcome;
  context?: DrillContext;
  headingLevel: 3 | 4;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const { answer, result } = outcome;
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const verdict = result.labelCorrect ? 'right' : result.defensible ? 'defensible' : 'wrong';
  const implied = labelFromAxes(answer.axes);
  const mistakes = axisMistakes(outcome);
  const otherReading = result.wrongAxes.length > 0 && mistakes.length === 0;
  const wrongQuestions = mistakes.map((a) => AXIS_QUESTION[a]);
  const chapterTitle = context?.chapterTitles[scenario.chapter] ?? humanize(scenario.chapter);
  const source = scenario.source.kind === 'paper' ? scenario.source : null;
  const cited = source ? context?.sources[source.ref] : undefined;

  return (
    <div className={styles.feedback} data-verdict={verdict}>
      <H ref={headingRef} tabIndex={-1} className={styles.verdict}>
        {verdict === 'right' && (
          <>
            <span aria-hidden="true">✓ </span>Right: {lower(scenario.label)}
          </>
        )}
        {verdict === 'defensible' && (
          <>
            <span aria-hidden="true">≈ </span>Defensible: {lower(answer.label)} is one reading of a contested case
          </>
        )}
        {verdict === 'wrong' && (
          <>
            <span aria-hidden="true">✗ </span>Not quite: this is {lower(scenario.label)}
          </>
        )}
      </H>
      <p>
        You chose <strong>{LABEL_TEXT[answer.label]}</strong>
        {verdict === 'right' ? '.' : <>; the case&rsquo;s own verdict is <strong>{LABEL_TEXT[scenario.label]}</strong>.</>}{' '}
        {otherReading ? (
          'Your answers to the three questions fit your reading; where they differ from the primary one is marked below.'
        ) : wrongQuestions.length === 0 ? (
          'You answered all three questions right.'
        ) : (
          <span data-testid="wrong-axes">
            {wrongQuestions.length === 1 ? 'The question to revisit: ' : 'The questions to revisit: '}
            {wrongQuestions.join(' · ')}
          </span>
        )}
      </p>

      <ul className={styles.axes} aria-label="The three questions">
        {result.axes.map((a) => (
          <li key={a.axis} className={styles.axis} data-axis={a.axis} data-correct={a.correct ? 'true' : otherReading ? 'other' : 'false'}>
            <p className={styles.axisHead}>
              <span className={styles.mark}>{a.correct ? '✓ Right' : otherReading ? '≈ Other reading' : '✗ Wrong'}</span>{' '}
              <strong>{AXIS_QUESTION[a.axis]}</strong>
            </p>
            <p>
              {a.correct ? (
                <>You answered: {AXIS_OPTION_TEXT[a.given]}.</>
              ) : (
                <>
                  You answered: {AXIS_OPTION_TEXT[a.given]}. {otherReading ? 'The primary reading' : 'For this case'}:{' '}
                  <strong>{AXIS_OPTION_TEXT[a.expected]}</strong>.
                </>
              )}
            </p>
            <p className={styles.note}>{a.why}</p>
          </li>
        ))}
      </ul>

      {implied !== answer.label && (
        <p className={styles.inconsistent} data-testid="inconsistent">
          <strong>Your answers disagree with your verdict.</strong>{' '}
          {implied
            ? `Your own answers to the three questions point to ${lower(implied)}, but you chose ${lower(answer.label)}.`
            : `Your three answers fit none of the failure modes (a right signal, intact skills and the intended goal would be no failure at all), yet you chose ${lower(answer.label)}.`}{' '}
          Let the questions decide the verdict.
        </p>
      )}

      {scenario.contested && (
        <div className={styles.contested}>
          <p>
            <strong>A contested case.</strong> Careful readers disagree here; defensible verdicts are{' '}
            {(scenario.acceptable ?? [scenario.label]).map((l) => LABEL_TEXT[l]).join(' and ')}. The case for each:
          </p>
          <dl>
            {Object.entries(scenario.arguments ?? {}).map(([label, text]) => (
              <div key={label}>
                <dt>
                  {LABEL_TEXT[label as Label]}
                  {label === answer.label && ' (your verdict)'}
                </dt>
                <dd>{text}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}

      <dl className={styles.facts}>
        <div>
          <dt>The goal it pursued</dt>
          <dd>{scenario.goalPursued}</dd>
        </div>
        <div>
          <dt>Why</dt>
          <dd>{scenario.rationale}</dd>
        </div>
        <div>
          <dt>Source</dt>
          <dd>
            {source ? (
              <>
                <code>{source.ref}</code>
                {cited && (
                  <>
                    {' '}
                    <a href={cited.url} rel="noopener noreferrer">
                      {cited.citation}
                    </a>
                  </>
                )}
              </>
            ) : (
              'Constructed for this course'
            )}
          </dd>
        </div>
        <div>
          <dt>Taught in</dt>
          <dd>
            <Link href={`/chapters/${scenario.chapter}`}>Chapter: {chapterTitle}</Link>
          </dd>
        </div>
      </dl>
    </div>
  );
}
