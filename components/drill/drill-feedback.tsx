import Link from 'next/link';
import type { Ref } from 'react';
import type { Scenario } from '@/lib/content/scenarios';
import {
  ANSWER_TEXT,
  LABEL_TEXT,
  QUESTION_SHORT,
  QUESTION_TEXT,
  labelFromAnswers,
  type DrillResult,
  type Label,
} from '@/lib/learning/classify';
import { markEvidence } from '@/lib/learning/evidence';
import type { DrillContext } from '@/lib/practice/drill-context';
import type { DrillOutcome } from './drill-session';
import styles from './drill.module.css';

const humanize = (slug: string) => slug.charAt(0).toUpperCase() + slug.slice(1).replace(/-/g, ' ');
const lower = (l: Label) => LABEL_TEXT[l].toLowerCase();

/** The scenario's text after checking, with the sentence that decides each wrongly answered question highlighted. */
export function EvidenceText({ scenario, result }: { scenario: Scenario; result: DrillResult }) {
  const marks = result.questions.filter((q) => !q.correct).map((q) => ({ question: q.question, evidence: q.evidence }));
  return (
    <p className={styles.description} data-testid="scenario-text">
      {markEvidence(scenario.description, marks).map((seg, i) =>
        seg.questions.length ? (
          <mark key={i} className={styles.evidence} data-questions={seg.questions.join(' ')}>
            {seg.text}
            <span className="visually-hidden"> (this decides: {seg.questions.map((q) => QUESTION_SHORT[q].toLowerCase()).join('; ')})</span>
          </mark>
        ) : (
          <span key={i}>{seg.text}</span>
        ),
      )}
    </p>
  );
}

/** What the learner sees after checking a scenario: the verdict, each question graded on its own, then the case notes. */
export function DrillFeedback({
  scenario,
  outcome,
  context,
  headingLevel,
  headingRef,
  fromBank = false,
}: {
  scenario: Scenario;
  outcome: DrillOutcome;
  /** The scenario is from the course's bank (not an imported set), so its family can be practised. */
  fromBank?: boolean;
  context?: DrillContext;
  headingLevel: 3 | 4;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const { answer, result } = outcome;
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const verdict = result.verdict;
  const implied = labelFromAnswers(answer.answers);
  const wrongQuestions = result.wrongQuestions.map((q) => QUESTION_TEXT[q]);
  // An imported scenario may have no chapter: then there is no "Taught in" link (never an invented one).
  const chapterTitle = scenario.chapter ? (context?.chapterTitles[scenario.chapter] ?? humanize(scenario.chapter)) : null;
  const source = scenario.source.kind === 'paper' ? scenario.source : null;
  const cited = source ? outcome.cited : undefined;

  return (
    <div className={styles.feedback} data-verdict={verdict}>
      <H ref={headingRef} tabIndex={-1} className={styles.verdict}>
        {verdict === 'right' && (
          <>
            <span aria-hidden="true">✓ </span>Right: {lower(scenario.label)}, for the right reasons
          </>
        )}
        {verdict === 'defensible' && (
          <>
            <span aria-hidden="true">≈ </span>Defensible: {lower(answer.label)} is one reading of a contested case
          </>
        )}
        {verdict === 'reason' && (
          <>
            <span aria-hidden="true">½ </span>Right label, wrong reason:{' '}
            {wrongQuestions.length === 1 ? 'one question' : `${wrongQuestions.length} questions`} misread
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
        {result.labelCorrect ? (
          '.'
        ) : (
          <>
            ; the case&rsquo;s own verdict is <strong>{LABEL_TEXT[scenario.label]}</strong>.
          </>
        )}{' '}
        {wrongQuestions.length === 0 ? (
          'You answered all three questions right.'
        ) : (
          <span data-testid="wrong-questions">
            {wrongQuestions.length === 1 ? 'The question to revisit: ' : 'The questions to revisit: '}
            {wrongQuestions.join(' · ')} The sentence that decides {wrongQuestions.length === 1 ? 'it' : 'each'} is highlighted in the
            scenario.
          </span>
        )}
      </p>
      {verdict === 'reason' && (
        <p className={styles.inconsistent}>
          <strong>This does not count as right yet.</strong> The label matches, but the answer below shows a misreading of the story; on a
          case that differs in that fact, the same reasoning would give the wrong label.
        </p>
      )}

      <ul className={styles.axes} aria-label="The three questions">
        {result.questions.map((q) => (
          <li key={q.question} className={styles.axis} data-question={q.question} data-correct={q.correct ? 'true' : 'false'}>
            <p className={styles.axisHead}>
              <span className={styles.mark}>{q.correct ? '✓ Right' : '✗ Wrong'}</span> <strong>{QUESTION_TEXT[q.question]}</strong>
            </p>
            <p>
              You answered: {ANSWER_TEXT[q.question][q.given]}.
              {!q.correct && q.expected !== 'either' && (
                <>
                  {' '}
                  For this case: <strong>{ANSWER_TEXT[q.question][q.expected]}</strong>.
                </>
              )}
              {q.expected === 'either' && ' On this contested case either answer can be defended.'}
            </p>
            {!q.correct && q.evidence.length > 0 && (
              <blockquote className={styles.quote} data-testid={`evidence-${q.question}`}>
                {q.evidence.map((e) => `“${e}”`).join(' … ')}
              </blockquote>
            )}
            {q.note && <p className={styles.note}>{q.note}</p>}
          </li>
        ))}
      </ul>

      {implied !== answer.label && (
        <p className={styles.inconsistent} data-testid="inconsistent">
          <strong>Your answers disagree with your verdict.</strong>{' '}
          {implied
            ? `Your own answers to the three questions point to ${lower(implied)}, but you chose ${lower(answer.label)}.`
            : `Your three answers fit none of the failure modes as one (for example, nothing unwanted paid off in training and nothing about the situation changed), yet you chose ${lower(answer.label)}.`}{' '}
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
        {outcome.author && (
          <div data-testid="workshop-author">
            <dt>Written by</dt>
            <dd>{outcome.author}, for your class&rsquo;s workshop</dd>
          </div>
        )}
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
        {scenario.family && fromBank && (
          <div>
            <dt>Compare</dt>
            <dd>
              <Link href={`/practice?family=${encodeURIComponent(scenario.family)}`}>The same setting told other ways</Link>
            </dd>
          </div>
        )}
        {scenario.chapter && chapterTitle && (
          <div>
            <dt>Taught in</dt>
            <dd>
              <Link href={`/chapters/${scenario.chapter}`}>Chapter: {chapterTitle}</Link>
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}
