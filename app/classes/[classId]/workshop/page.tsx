import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUserOrRedirect } from '@/lib/auth/session';
import { learnerWorkshop } from '@/lib/db/workshop';
import { workshopKappa } from '@/lib/learning/agreement';
import { LABEL_TEXT } from '@/lib/learning/classify';
import { STATUS_WORDS, WORKSHOP_LIMITS } from '@/lib/learning/workshop';
import { AgreementSummary, ClassKappa } from '@/components/workshop/agreement-summary';
import styles from '@/components/workshop/workshop.module.css';

export const metadata: Metadata = { title: 'Scenario workshop' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ classId: string }>; searchParams: Promise<{ saved?: string | string[] }> };

/** A learner's workshop in one class: write, classify classmates' scenarios blind, and see how the class read theirs. */
export default async function WorkshopPage({ params, searchParams }: Props) {
  const { classId } = await params;
  const { saved } = await searchParams;
  const user = await requireUserOrRedirect(`/classes/${classId}/workshop`);
  const w = await learnerWorkshop(user.id, classId);
  if (!w) notFound();
  const kappa = workshopKappa(w.classReadings);
  const left = WORKSHOP_LIMITS.perLearner - w.mine.length;
  return (
    <div className="page">
      <p className={styles.meta}>
        <Link href="/classes">← My classes</Link>
      </p>
      <h1>Scenario workshop</h1>
      <p className="lead">
        In {w.cls.title}, write cases that separate the failure modes, classify your classmates&rsquo; without knowing who wrote them or
        what they meant, and see where the class reads a case differently.
      </p>
      <div className={styles.stack}>
        {saved && (
          <p className="alert alert--ok" role="status" data-testid="workshop-saved">
            {saved === 'revised' ? 'Your revision is saved.' : 'Your scenario is submitted. Classmates can classify it now.'}
          </p>
        )}
        <section className="card" aria-labelledby="ws-classify-h">
          <h2 id="ws-classify-h">Classify your classmates&rsquo; scenarios</h2>
          <p>
            {w.toClassify.length === 0
              ? w.classified === 0
                ? 'No classmate has submitted a scenario yet.'
                : `You have classified all ${w.classified}. New ones appear here when classmates submit them.`
              : `${w.toClassify.length} waiting for you${w.classified ? ` (${w.classified} done)` : ''}. The author and their label stay hidden until you answer.`}
          </p>
          {w.toClassify.length > 0 && (
            <Link className="button" href={`/classes/${classId}/workshop/classify`}>
              Classify {w.toClassify.length === 1 ? 'it' : `these ${w.toClassify.length}`}
            </Link>
          )}
        </section>
        <section className="card" aria-labelledby="ws-kappa-h">
          <h2 id="ws-kappa-h">How the class agrees</h2>
          <ClassKappa kappa={kappa} />
        </section>
        <section aria-labelledby="ws-mine-h">
          <h2 id="ws-mine-h">My scenarios</h2>
          <p>
            {left > 0 ? (
              <Link className="button" href={`/classes/${classId}/workshop/write`}>
                Write a scenario
              </Link>
            ) : (
              <span className="muted">You have written {WORKSHOP_LIMITS.perLearner}, the most one learner may; revise one instead.</span>
            )}{' '}
            <span className="muted">
              {w.mine.length} of {WORKSHOP_LIMITS.perLearner} written.
            </span>
          </p>
          {w.mine.length === 0 ? (
            <p className="muted">None yet.</p>
          ) : (
            <ul className={styles.list}>
              {w.mine.map((s) => (
                <li key={s.id} className={`card ${styles.item}`} data-testid="my-scenario" data-scenario-id={s.id}>
                  <h3>{s.title}</h3>
                  <p className={styles.meta}>
                    <span className={styles.status} data-status={s.status}>
                      {STATUS_WORDS[s.status]}
                    </span>{' '}
                    · you meant {LABEL_TEXT[s.label].toLowerCase()}
                  </p>
                  {s.comment && (
                    <div className={styles.comment} data-testid="instructor-comment">
                      <strong>Your instructor:</strong> {s.comment}
                    </div>
                  )}
                  <AgreementSummary label={s.label} questions={s.questions} readings={s.readings} you />
                  {(s.status === 'submitted' || s.status === 'revision-requested') && (
                    <p className={styles.actions}>
                      <Link href={`/classes/${classId}/workshop/write?edit=${s.id}`}>Revise “{s.title}”</Link>
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
