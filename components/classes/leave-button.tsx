'use client';
import { useRouter } from 'next/navigation';
import { leaveClassAction } from '@/lib/actions/classes';
import { ConfirmButton } from '@/components/teach/confirm-button';

export function LeaveClassButton({ classId, title }: { classId: string; title: string }) {
  const router = useRouter();
  return (
    <ConfirmButton
      label="Leave class"
      accessibleLabel={`Leave ${title}`}
      question="Your teacher stops seeing your progress. Your own answers and reviews are kept; you can rejoin with the code."
      confirmLabel="Yes, leave"
      pendingLabel="Leaving…"
      onConfirm={async () => {
        const r = await leaveClassAction({ classId });
        if (!r.ok) return r.message ?? 'You could not leave the class.';
        router.refresh();
        return null;
      }}
    />
  );
}
