import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { isOwner } from '@/lib/auth/capability';
import { now } from '@/lib/clock';
import { getScenarioBank } from '@/lib/content/bank';
import { getCourse } from '@/lib/content/course';
import { buildRoster } from '@/lib/db/class-analytics';
import { pendingInvites } from '@/lib/db/classes';
import { listScenarioSets } from '@/lib/db/scenario-sets';
import { assignmentText } from '@/lib/learning/assignments';
import { AssignmentForm, type DrillOption } from '@/components/teach/assignment-form';
import { AssignmentList } from '@/components/teach/assignment-list';
import { ClassHeader } from '@/components/teach/class-nav';
import { classDataFor, classScenarioSets, classSpecs, teachClassOrNotFound } from '@/lib/teach/class-data';
import { CoInstructors } from '@/components/teach/co-instructors';
import { plural, relativeDay } from '@/components/teach/format';
import { InvitePanel } from '@/components/teach/invite-panel';
import { RosterTable, type RosterViewRow } from '@/components/teach/roster-table';
import styles from '@/components/teach/teach.module.css';

type Props = { params: Promise<{ classId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { classId } = await params;
  const { cls } = await teachClassOrNotFound(classId, `/teach/${classId}`);
  return { title: cls.title };
}
export const dynamic = 'force-dynamic';

/** The address learners will use, from the request (behind a proxy, its forwarded host and scheme). */
async function siteOrigin(): Promise<string> {
  const h = await headers();
  const host = (h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000').split(',')[0]!.trim();
  const forwarded = h.get('x-forwarded-proto')?.split(',')[0]?.trim();
  const local = /^(localhost|127\.|\[::1\])/.test(host);
  return `${forwarded ?? (local ? 'http' : 'https')}://${host}`;
}

const dateInput = (d: Date) => d.toISOString().slice(0, 10);

export default async function ClassPage({ params }: Props) {
  const { classId } = await params;
  const { me, cls } = await teachClassOrNotFound(classId, `/teach/${classId}`);
  const t = await now();
  const sets = await classScenarioSets(me, cls);
  const specs = classSpecs(cls, sets);
  const [data, mySets, origin, invites] = await Promise.all([
    classDataFor(me, cls),
    listScenarioSets(me.userId),
    siteOrigin(),
    isOwner(me) ? pendingInvites(me, t) : Promise.resolve([]),
  ]);
  const roster = buildRoster(data, specs, t);

  const rows: RosterViewRow[] = roster.map((r) => ({
    learnerId: r.learnerId,
    name: r.name,
    email: r.email,
    lastActive: r.lastActive?.getTime() ?? null,
    lastActiveText: relativeDay(r.lastActive, t),
    results: r.results.map((x) => ({
      assignmentId: x.assignmentId,
      status: x.status,
      statusText: assignmentText(x),
      score: x.score,
      progress: x.progress,
    })),
    completion: r.completion,
    meanScore: r.meanScore,
    lateCount: r.lateCount,
  }));
  const doneBy = new Map(
    cls.assignments.map((a) => [
      a.id,
      roster.filter((r) => r.results.some((x) => x.assignmentId === a.id && (x.status === 'done' || x.status === 'done-late'))).length,
    ]),
  );

  const course = getCourse();
  const bank = [...getScenarioBank().values()];
  const chapters = course.chapters.map((c) => ({
    slug: c.slug,
    title: c.title,
    quizzes: course.analyses.get(c.slug)?.quizzes.length ?? 0,
  }));
  const drills: DrillOption[] = [
    ...course.chapters.map((c) => ({
      value: `chapter:${c.slug}`,
      label: `Chapter: ${c.title} (${plural(bank.filter((s) => s.chapter === c.slug).length, 'scenario')})`,
    })),
    ...(['intro', 'core', 'advanced'] as const).map((d) => ({
      value: `difficulty:${d}`,
      label: `${d[0]!.toUpperCase()}${d.slice(1)} scenarios (${bank.filter((s) => s.difficulty === d).length})`,
    })),
    { value: 'all', label: `All scenarios (${bank.length})` },
  ];
  const importedSets = mySets.map((s) => ({ value: `set:${s.id}`, label: `${s.title} (${plural(s.count, 'scenario')})` }));
  const today = dateInput(t);
  const week = dateInput(new Date(t.getTime() + 7 * 86_400_000));

  const empty = rows.length === 0;
  const invite = <InvitePanel classId={cls.id} joinCode={cls.joinCode} origin={origin} empty={empty} />;
  return (
    <div className="page">
      <ClassHeader classId={cls.id} title={cls.title} current="overview" />
      <p className={styles.meta}>
        {plural(rows.length, 'learner')} · {plural(cls.assignments.length, 'assignment')} · you are{' '}
        {me.classRole === 'owner' ? 'the owner' : 'a co-instructor'}
      </p>
      <div className={styles.stack}>
        {empty && invite}
        <section className={styles.section} aria-labelledby="roster-h">
          <h2 id="roster-h">Roster</h2>
          {empty ? (
            <p className="muted">No learners yet. Once someone joins with the code or link above, they appear here with their progress.</p>
          ) : cls.assignments.length === 0 ? (
            <>
              <p className="muted">Add an assignment below to see each learner&rsquo;s status and score.</p>
              <RosterTable rows={rows} assignments={[]} />
            </>
          ) : (
            <RosterTable rows={rows} assignments={cls.assignments.map((a) => ({ id: a.id, title: a.title }))} />
          )}
        </section>
        <section className={`card ${styles.section}`} aria-labelledby="analytics-h">
          <h2 id="analytics-h">Analytics and downloads</h2>
          <ul>
            <li>
              <Link href={`/teach/${cls.id}/items`}>Item statistics</Link>: which questions and scenarios are too easy, too hard, or do not
              separate strong from weak answers.
            </li>
            <li>
              <Link href={`/teach/${cls.id}/confusion`}>Drill confusion</Link>: which failure modes the class mixes up, and the scenarios
              behind it.
            </li>
            <li>
              <a href={`/teach/${cls.id}/gradebook.csv`} download>
                Gradebook (CSV)
              </a>
              : one row per learner, status and score per assignment.
            </li>
            <li>
              <a href={`/teach/${cls.id}/attempts.csv`} download>
                All attempts (CSV)
              </a>
              : every answer your learners have given, for your own analysis.
            </li>
          </ul>
        </section>
        <section className={`card ${styles.section}`} aria-labelledby="assignments-h">
          <h2 id="assignments-h">Assignments</h2>
          <AssignmentList
            classId={cls.id}
            learners={rows.length}
            now={t}
            assignments={cls.assignments.map((a) => ({
              id: a.id,
              kind: a.kind,
              target: a.target,
              title: a.title,
              opensAt: a.opensAt,
              dueAt: a.dueAt,
              done: doneBy.get(a.id) ?? 0,
            }))}
          />
          <AssignmentForm
            classId={cls.id}
            chapters={chapters}
            drills={drills}
            importedSets={importedSets}
            defaults={{ opensAt: `${today}T00:00`, dueAt: `${week}T23:59` }}
          />
        </section>
        {!empty && invite}
        <CoInstructors
          classId={cls.id}
          isOwner={me.classRole === 'owner'}
          owner={{ userId: cls.ownerId, name: cls.owner.name, email: cls.owner.email }}
          coInstructors={cls.instructors.map((i) => ({ userId: i.userId, name: i.user.name, email: i.user.email }))}
          pending={invites}
          origin={origin}
        />
      </div>
    </div>
  );
}
