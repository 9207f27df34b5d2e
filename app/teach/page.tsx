import type { Metadata } from 'next';
import Link from 'next/link';
import { requireInstructor, requireUserOrRedirect } from '@/lib/auth/session';
import { classesTaughtBy } from '@/lib/db/classes';
import { formatJoinCode } from '@/lib/learning/join-code';
import { BecomeInstructorForm } from '@/components/teach/become-instructor-form';
import { CreateClassForm } from '@/components/teach/create-class-form';
import { plural } from '@/components/teach/format';
import styles from '@/components/teach/teach.module.css';

export const metadata: Metadata = { title: 'Teach' };
export const dynamic = 'force-dynamic';

export default async function TeachPage({ searchParams }: { searchParams: Promise<{ welcome?: string | string[] }> }) {
  const user = await requireUserOrRedirect('/teach');
  if (user.role !== 'instructor') {
    return (
      <div className="page prose">
        <h1>Teach with Goalpost</h1>
        <p className="lead">
          You are signed in as a learner, so there are no classes to run here yet. Instructors create classes, share a join code, set
          assignments and see how their class is doing.
        </p>
        <section className="card" aria-labelledby="become-instructor-h">
          <h2 id="become-instructor-h">Become an instructor</h2>
          <BecomeInstructorForm />
        </section>
        <p>
          Joining a class as a learner instead? Go to <Link href="/classes">your classes</Link> and enter the code your teacher gave you.
        </p>
      </div>
    );
  }
  const classes = await classesTaughtBy(await requireInstructor());
  const justBecame = (await searchParams).welcome === 'instructor';
  return (
    <div className="page">
      <h1>Teach</h1>
      {justBecame && (
        <p role="status" className="alert alert--ok">
          You are now an instructor. Next: create your first class below, then share its join code with your learners.
        </p>
      )}
      <div className={styles.stack}>
        <section className={styles.section} aria-labelledby="my-classes-h">
          <h2 id="my-classes-h">My classes</h2>
          {classes.length === 0 ? (
            <p className="lead">
              You have no classes yet. Create one below: you get a join code and an invite link to share, then set assignments and watch the
              roster fill in. Asked to co-teach someone else&rsquo;s class? Open the link its owner sent you, signed in as you are now, and
              accept.
            </p>
          ) : (
            <ul className={styles.classList}>
              {classes.map((c) => (
                <li key={c.id} className={`card ${styles.classCard}`} data-testid="class-card">
                  <h3>
                    <Link href={`/teach/${c.id}`}>{c.title}</Link>
                  </h3>
                  <p>
                    <span className={styles.badge}>{c.role === 'owner' ? 'Owner' : 'Co-instructor'}</span>
                  </p>
                  <p>{plural(c.learners, 'learner')}</p>
                  <p className={styles.meta}>
                    Join code <code>{formatJoinCode(c.joinCode)}</code>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className={`card ${styles.section}`} aria-labelledby="create-class-h">
          <h2 id="create-class-h">Create a class</h2>
          <CreateClassForm />
        </section>
      </div>
    </div>
  );
}
