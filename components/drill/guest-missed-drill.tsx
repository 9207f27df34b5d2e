'use client';
import Link from 'next/link';
import { SignUpLink } from '@/components/auth/sign-up-link';
import { useEffect, useState } from 'react';
import type { PublicScenario } from '@/lib/learning/scenario-schema';
import { readGuest } from '@/lib/guest/store';
import type { DrillContext } from '@/lib/practice/drill-context';
import { DrillClient } from './drill-client';
import { missedScenarioIds } from '@/lib/practice/practice-sets';
import styles from './practice.module.css';

/** A guest's "ones I missed" live in this browser, so the set is picked here, once, after hydration. */
export function GuestMissedDrill({ bank, title, context }: { bank: PublicScenario[]; title: string; context?: DrillContext }) {
  const [missed, setMissed] = useState<PublicScenario[] | null>(null);

  useEffect(() => {
    const byId = new Map(bank.map((s) => [s.id, s]));
    // eslint-disable-next-line react-hooks/set-state-in-effect -- reads browser storage once after hydration
    setMissed(missedScenarioIds(readGuest().attempts).flatMap((id) => byId.get(id) ?? []));
  }, [bank]);

  if (missed === null)
    return (
      <p className={styles.loading} role="status">
        Looking up the scenarios you missed in this browser…
      </p>
    );
  if (missed.length === 0)
    return (
      <div className={styles.emptyState}>
        <p>
          <strong>Nothing to review yet.</strong> Scenarios you get wrong in this browser land here until you get them right.
        </p>
        <p>
          <Link href="/practice">Choose a practice set</Link> or <SignUpLink>create an account</SignUpLink> to keep your progress across
          devices.
        </p>
      </div>
    );
  return <DrillClient scenarios={missed} setId={null} title={title} context={context} />;
}
