import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { instructorWorkshop } from '@/lib/db/workshop';
import { listScenarioSets } from '@/lib/db/scenario-sets';
import { workshopKappa } from '@/lib/learning/agreement';
import { LABEL_TEXT, QUESTION_SHORT, QUESTIONS } from '@/lib/learning/classify';
import { STATUS_WORDS } from '@/lib/learning/workshop';
import { ClassHeader } from '@/components/teach/class-nav';
import { teachClassOrNotFound } from '@/lib/teach/class-data';
import { AgreementSummary, ClassKappa } from '@/components/workshop/agreement-summary';
import { ModeratePanel } from '@/components/workshop/moderate-panel';
import styles from '@/components/workshop/workshop.module.css';

type Props = { params: Promise<{ classId: string }> };

export const metadata: Metadata = { title: 'Scenario workshop' };
export const dynamic = 'force-dynamic';

/** Every submission of the class with how classmates read it; comment, ask for a revision, hide, promote. */
export default async function TeachWorkshopPage({ params }: Props) {
  const { classId } = await params;
  const { me, cls } = await teachClassOrNotFound(classId, `/teach/${classId}/workshop`);
  const [rows, sets] = await Promise.all([instructorWorkshop(me), listScenarioSets(me.userId)]);
  if (!rows) notFound();
  const kappa = workshopKappa(rows.filter((r) => r.status !== 'hidden').map((r) => ({ readings: r.readings })));
  return (
    <div className="page">
      <ClassHeader classId={cls.id} title={cls.title} current="workshop" heading="Scenario workshop" />
      <div className={styles.stack}>
        <section className="card" aria-labelledby="ws-help-h" data-testid="workshop-help">
          <h2 id="ws-help-h">How the workshop works</h2>
          <p>
            Learners in this class write scenarios in the drill&rsquo;s format (title, text, the failure mode they intend, and for each of
            the three questions their answer and the sentence that decides it). Classmates classify them blind, in the drill&rsquo;s own
            form: the author and the intended label show only after they answer. Each learner may write up to 5 scenarios here.
          </p>
          <ul>
            <li>
              To make it work for the class, add a <strong>Workshop</strong> assignment on the class page (&ldquo;write one, classify
              five&rdquo;); tick &ldquo;counts toward the gradebook&rdquo; to give it a score (the share of classifications that match the
              author on label and all three questions). Unticked, it shows progress only.
            </li>
            <li>
              <strong>Ask for a revision</strong> sends your comment to the author, who can edit and resubmit. <strong>Hide</strong> takes a
              submission out of the classmates&rsquo; set (the author still sees it and your comment).
            </li>
            <li>
              <strong>Promote</strong> copies a submission into one of your imported sets; from then on it serves like any other scenario
              there, in practice and in assignments of that set.
            </li>
            <li>
              Agreement: the share of classmates who chose the author&rsquo;s label, the question they split on most, and Fleiss&rsquo; κ
              across the class&rsquo;s set (first answers only; a scenario needs two readers to count).
            </li>
          </ul>
        </section>
        <section className="card" aria-labelledby="ws-kappa-h">
          <h2 id="ws-kappa-h">Agreement across the class</h2>
          <ClassKappa kappa={kappa} />
        </section>
        <section aria-labelledby="ws-subs-h">
          <h2 id="ws-subs-h">Submissions ({rows.length})</h2>
          {rows.length === 0 ? (
            <p className="muted">No learner has submitted a scenario yet.</p>
          ) : (
            <ul className={styles.list}>
              {rows.map((r) => (
                <li key={r.id} className={`card ${styles.item}`} data-testid="submission" data-scenario-id={r.id}>
                  <h3>{r.title}</h3>
                  <p className={styles.meta}>
                    <span className={styles.status} data-status={r.status}>
                      {STATUS_WORDS[r.status]}
                    </span>{' '}
                    · by {r.author.name ?? r.author.email} · meant as {LABEL_TEXT[r.label].toLowerCase()}
                  </p>
                  <p className={styles.text}>{r.description}</p>
                  <details>
                    <summary>The author&rsquo;s answers and sentences</summary>
                    <ul>
                      {QUESTIONS.map((q) => (
                        <li key={q}>
                          {QUESTION_SHORT[q]}: {r.questions[q].answer} &mdash; &ldquo;{r.questions[q].evidence}&rdquo;
                        </li>
                      ))}
                    </ul>
                    {r.rationale && <p className={styles.text}>Why: {r.rationale}</p>}
                    {r.source && <p>Source: {r.source}</p>}
                  </details>
                  <AgreementSummary label={r.label} questions={r.questions} readings={r.readings} />
                  <ModeratePanel
                    classId={cls.id}
                    scenarioId={r.id}
                    title={r.title}
                    status={r.status}
                    comment={r.comment}
                    sets={sets.map((s) => ({ id: s.id, title: s.title }))}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
