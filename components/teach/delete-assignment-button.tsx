'use client';
import { useRouter } from 'next/navigation';
import { deleteAssignmentAction } from '@/lib/actions/classes';
import { ConfirmButton } from './confirm-button';

export function DeleteAssignmentButton({ classId, assignmentId, title }: { classId: string; assignmentId: string; title: string }) {
  const router = useRouter();
  return (
    <ConfirmButton
      label="Delete"
      accessibleLabel={`Delete the assignment “${title}”`}
      question="Learners’ answers are kept; the assignment and its column in the roster go."
      confirmLabel="Yes, delete"
      pendingLabel="Deleting…"
      onConfirm={async () => {
        const r = await deleteAssignmentAction({ classId, assignmentId });
        if (!r.ok) return r.message ?? 'The assignment could not be deleted.';
        router.refresh();
        return null;
      }}
    />
  );
}
