import Link from 'next/link';
import { assignmentHref } from '@/lib/content/assignment-items';
import { DeleteAssignmentButton } from './delete-assignment-button';
import { utcText } from './format';
import styles from './teach.module.css';

const KIND_TEXT: Record<string, string> = {
  chapter: 'Chapter',
  drill: 'Classifier drill',
  review: 'Reviews',
  workshop: 'Scenario workshop',
};

export interface AssignmentView {
  id: string;
  kind: string;
  target: string;
  title: string;
  opensAt: Date;
  dueAt: Date;
  done: number;
}

export function AssignmentList({
  classId,
  assignments,
  learners,
  now,
}: {
  classId: string;
  assignments: AssignmentView[];
  learners: number;
  now: Date;
}) {
  if (assignments.length === 0)
    return <p className="muted">No assignments yet. Create one below; learners see it on their dashboard and class page.</p>;
  return (
    <ul className={styles.assignmentList}>
      {assignments.map((a) => {
        const state = now < a.opensAt ? 'Not open yet' : now > a.dueAt ? 'Past due' : 'Open';
        return (
          <li key={a.id} className={styles.assignment} data-testid="assignment-row">
            <h3>{a.title}</h3>
            <p className={styles.meta}>
              {KIND_TEXT[a.kind] ?? a.kind} · opens {utcText(a.opensAt)} · due {utcText(a.dueAt)} · <strong>{state}</strong>
            </p>
            <p className={styles.meta}>
              {a.done} of {learners} learner{learners === 1 ? '' : 's'} done
            </p>
            <div className={styles.row}>
              <Link href={a.kind === 'workshop' ? `/teach/${classId}/workshop` : assignmentHref(a)}>
                {a.kind === 'workshop' ? 'Open the workshop' : 'Open the work'}
              </Link>
              <DeleteAssignmentButton classId={classId} assignmentId={a.id} title={a.title} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
