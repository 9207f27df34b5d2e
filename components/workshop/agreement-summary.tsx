import { LABEL_TEXT, QUESTION_SHORT, QUESTION_TEXT, type Label } from '@/lib/learning/classify';
import { kappaWords, scenarioAgreement, type KappaResult, type Reading } from '@/lib/learning/agreement';
import type { WorkshopQuestions } from '@/lib/learning/workshop';
import styles from './workshop.module.css';

const lower = (l: Label) => LABEL_TEXT[l].toLowerCase();
const people = (n: number) => `${n} ${n === 1 ? 'classmate' : 'classmates'}`;

/**
 * How classmates read one scenario, in words: "5 of 8 read it as specification gaming", the label most chose when it
 * is not the author's, and the question they split on with the sentence the author chose for it. Learner text is
 * rendered as text.
 */
export function AgreementSummary({
  label,
  questions,
  readings,
  you = false,
}: {
  label: Label;
  questions: WorkshopQuestions;
  readings: Reading[];
  you?: boolean;
}) {
  const a = scenarioAgreement(
    { label, answers: { training: questions.training.answer, shift: questions.shift.answer, competence: questions.competence.answer } },
    readings,
  );
  if (a.raters === 0)
    return (
      <p className="muted" data-testid="agreement">
        No classmate has classified it yet.
      </p>
    );
  const split = a.splitOn ? a.questions.find((q) => q.question === a.splitOn)! : null;
  const others = (Object.entries(a.labels) as [Label, number][]).filter(([l, n]) => n > 0 && l !== label);
  return (
    <dl className={styles.figures} data-testid="agreement" data-raters={a.raters} data-agreeing={a.agreeing}>
      <div>
        <dt>How classmates labelled it</dt>
        <dd data-testid="agreement-share">
          {a.agreeing} of {a.raters} read it as {lower(label)}
          {others.length > 0 && <>; {others.map(([l, n]) => `${n} as ${lower(l)}`).join(', ')}</>}.
          {a.mostChosen && a.mostChosen !== label && (
            <>
              {' '}
              Most read it as <strong>{lower(a.mostChosen)}</strong>.
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>Where they split</dt>
        <dd data-testid="agreement-split">
          {split ? (
            <>
              Most divided on &ldquo;{QUESTION_TEXT[split.question]}&rdquo;: {split.yes} said yes, {split.no} no (
              {you ? 'you' : 'the author'} answered {split.author}).
              {questions[split.question].evidence && (
                <>
                  {' '}
                  The sentence {you ? 'you' : 'the author'} chose for it:
                  <blockquote className={styles.quote}>&ldquo;{questions[split.question].evidence}&rdquo;</blockquote>
                </>
              )}
            </>
          ) : (
            `No split: ${people(a.raters)} answered each of the three questions the same way.`
          )}
        </dd>
      </div>
      <div>
        <dt>Question by question, agreeing with {you ? 'you' : 'the author'}</dt>
        <dd>{a.questions.map((q) => `${QUESTION_SHORT[q.question]}: ${q.agreeing} of ${a.raters}`).join(' · ')}</dd>
      </div>
    </dl>
  );
}

/** Fleiss' kappa across the class's workshop set, with what it leaves out and why. */
export function ClassKappa({ kappa }: { kappa: KappaResult }) {
  return (
    <p className={styles.kappa} data-testid="class-kappa" data-kappa={kappa.kappa === null ? '' : kappa.kappa.toFixed(3)}>
      {kappa.kappa === null ? (
        <>Agreement across the class: not measured yet. {kappa.reason}</>
      ) : (
        <>
          Agreement across the class&rsquo;s workshop set: Fleiss&rsquo; κ = <strong>{kappa.kappa.toFixed(2)}</strong> (
          {kappaWords(kappa.kappa)}, on Landis and Koch&rsquo;s conventional bands), over {kappa.items} scenario
          {kappa.items === 1 ? '' : 's'} classified by two or more people
          {kappa.skipped > 0 && <> ({kappa.skipped} with fewer readers left out)</>}. 1 is full agreement, 0 what chance alone would give.
        </>
      )}
    </p>
  );
}
