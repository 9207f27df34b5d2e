import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUserOrRedirect } from '@/lib/auth/session';
import { now } from '@/lib/clock';
import { assignmentHref } from '@/lib/content/assignment-items';
import { classesJoinedBy } from '@/lib/db/classes';
import { learnerAssignments } from '@/lib/db/learner-assignments';
import { assignmentText } from '@/lib/learning/assignments';
import { JoinByCodeForm } from '@/components/classes/join-form';
import { LeaveClassButton } from '@/components/classes/leave-button';
import { utcText } from '@/components/teach/format';
import styles from '@/components/classes/classes.module.css';

export const metadata: Metadata = { title: 'My classes' };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ joined?: string | string[] }> };

export default async function ClassesPage({ searchParams }: Props) {
  const user = await requireUserOrRedirect('/classes');
  const { joined } = await searchParams;
  const t = await now();
  const [classes, mine] = await Promise.all([classesJoinedBy(user.id), learnerAssignments(user.id, t)]);
  const results = new Map(mine.map((a) => [a.id, a]));
  const justJoined = typeof joined === 'string' ? classes.find((c) => c.class.id === joined) : undefined;
  return (
    <div className="page">
      <h1>My classes</h1>
      <div className={styles.stack}>
        {justJoined && (
          <div role="status" className="alert alert--ok" data-testid="joined">
            You joined <strong>{justJoined.class.title}</strong>. Its assignments are below and on your{' '}
            <Link href="/dashboard">dashboard</Link>.
          </div>
        )}
        {classes.length === 0 ? (
          <p className="lead">You are not in a class yet. Enter the code your teacher gave you, or open their invite link.</p>
        ) : (
          <ul className={styles.list}>
            {classes.map(({ class: c, joinedAt }) => (
              <li key={c.id} className={`card ${styles.classCard}`} data-testid="joined-class">
                <h2>{c.title}</h2>
                <p className={styles.meta}>
                  {c.owner.name ? `Taught by ${c.owner.name} · ` : ''}joined {joinedAt.toISOString().slice(0, 10)}
                </p>
                {c.assignments.length === 0 ? (
                  <p className="muted">No assignments yet.</p>
                ) : (
                  <ul className={styles.assignments} aria-label={`Assignments in ${c.title}`}>
                    {c.assignments.map((a) => {
                      const r = results.get(a.id);
                      return (
                        <li key={a.id} className={styles.assignment}>
                          <span>
                            <Link href={assignmentHref(a)}>{a.title}</Link>
                            <span className={styles.meta}> · due {utcText(a.dueAt)}</span>
                          </span>
                          {r ? (
                            <span className={styles.status} data-status={r.status}>
                              {assignmentText(r)}
                            </span>
                          ) : (
                            <span className={styles.meta}>Opens {utcText(a.opensAt)}</span>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
                <div className={styles.actions}>
                  <Link href={`/classes/${c.id}/workshop`}>Scenario workshop</Link>
                  <LeaveClassButton classId={c.id} title={c.title} />
                </div>
              </li>
            ))}
          </ul>
        )}
        <section className={`card ${styles.joinCard}`} aria-labelledby="join-h">
          <h2 id="join-h">Join a class</h2>
          <JoinByCodeForm />
        </section>
      </div>
    </div>
  );
}
