import type { Metadata } from 'next';
import Link from 'next/link';
import { currentUser } from '@/lib/auth/session';
import { now } from '@/lib/clock';
import { getCourse } from '@/lib/content/course';
import { getScenarioBank } from '@/lib/content/bank';
import { itemTitle } from '@/lib/content/review-items';
import { getDashboard } from '@/lib/db/dashboard';
import { learnerAssignments } from '@/lib/db/learner-assignments';
import { assignmentText } from '@/lib/learning/assignments';
import { perLabel } from '@/lib/learning/failure-modes';
import { DashboardCards } from '@/components/dashboard/dashboard-cards';
import { GuestDashboard } from '@/components/dashboard/guest-dashboard';
import styles from '@/components/dashboard/dashboard.module.css';

export const metadata: Metadata = { title: 'Dashboard' };
export const dynamic = 'force-dynamic';

export default async function DashboardPage() {
  const user = await currentUser();
  const course = getCourse();
  const bank = getScenarioBank();
  // A chapter's questions are its quizzes, as the chapter page counts them; drill scenarios count under failure modes.
  const chapterItems = course.chapters.map((c) => ({
    slug: c.slug,
    title: c.title,
    quizIds: course.analyses.get(c.slug)?.quizzes.map((q) => q.id) ?? [],
  }));
  const scenariosPerLabel = perLabel(() => 0);
  for (const s of bank.values()) scenariosPerLabel[s.label]++;
  if (!user) {
    return (
      <div className="page">
        <h1>Your dashboard</h1>
        <GuestDashboard
          chapters={chapterItems.map((c) => ({ slug: c.slug, title: c.title, items: c.quizIds.length }))}
          scenarios={Object.fromEntries(
            [...bank.values()].map((s) => [s.id, { label: s.label, contested: s.contested, acceptable: s.acceptable }]),
          )}
        />
      </div>
    );
  }
  const t = await now();
  const data = await getDashboard({
    userId: user.id,
    now: t,
    chapters: chapterItems,
    scenarioOf: (id) => bank.get(id) ?? null,
    scenariosPerLabel,
  });
  const assignments = await learnerAssignments(user.id, t);
  return (
    <div className="page">
      <h1>Your dashboard</h1>
      <p>
        <Link href="/classes">Your classes, or join one with a code</Link>
      </p>
      {assignments.length > 0 && (
        <section className="card" aria-labelledby="assignments-h" style={{ marginBottom: '1.25rem' }}>
          <h2 id="assignments-h">Assignments from your classes</h2>
          <ul className={styles.chapters}>
            {assignments.map((a) => (
              <li key={a.id} className={styles.chapterRow} data-testid="assignment">
                <span>
                  <Link href={a.href}>{a.title}</Link>
                  <span className={styles.chapterMeta}>
                    {' '}
                    · {a.classTitle} · due {a.dueAt.toISOString().slice(0, 16).replace('T', ' ')} UTC
                  </span>
                </span>
                <strong data-status={a.status}>{assignmentText(a)}</strong>
              </li>
            ))}
          </ul>
        </section>
      )}
      <DashboardCards data={data} now={t}>
        <section className="card" aria-labelledby="recent-h">
          <h2 id="recent-h">Recent activity</h2>
          {data.recent.length === 0 ? (
            <p className="muted">
              Nothing yet. Start with the <Link href="/chapters/introduction">introduction</Link>.
            </p>
          ) : (
            <ul className={styles.recent}>
              {data.recent.map((r, i) => {
                const item = itemTitle(r.itemKind, r.itemId);
                return (
                  <li key={i} data-testid="recent-item">
                    <span>{r.correct ? '✓' : '✗'}</span>
                    <span>{r.kind === 'review' ? 'Reviewed' : r.kind === 'quiz' ? 'Answered' : 'Classified'}</span>
                    <span>
                      {item.title}
                      {item.where && <span className="muted"> · {item.where}</span>}
                    </span>
                    <span className="muted">{r.at.toISOString().slice(0, 16).replace('T', ' ')} UTC</span>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </DashboardCards>
    </div>
  );
}
