import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUserOrRedirect } from '@/lib/auth/session';
import { getOwnScenarioSet } from '@/lib/db/scenario-sets';
import { SetManager } from '@/components/drill/set-manager';
import styles from '@/components/drill/practice.module.css';

export const metadata: Metadata = { title: 'Change a scenario set' };

/** One of your imported sets: rename it, add or replace rows from a file, remove scenarios, download it. Owner only. */
export default async function SetPage({ params }: { params: Promise<{ setId: string }> }) {
  const { setId } = await params;
  const user = await requireUserOrRedirect(`/practice/sets/${encodeURIComponent(setId)}`);
  const set = /^[a-z0-9]{10,40}$/.test(setId) ? await getOwnScenarioSet(user.id, setId) : null;
  if (!set) notFound();
  return (
    <div className="page">
      <p className={styles.back}>
        <Link href="/practice/import">← Your sets</Link>
      </p>
      <h1>{set.title}</h1>
      <p className="lead">
        Changes keep the set&rsquo;s identity: classes it is assigned to see the new version, and answers already given stay in the records.{' '}
        <Link href={`/practice?set=${encodeURIComponent(set.id)}`}>Practise it</Link> ·{' '}
        <a href={`/practice/sets/${encodeURIComponent(set.id)}/csv`} download>
          Download as CSV
        </a>
      </p>
      <SetManager
        key={`${set.title}:${set.scenarios.length}`}
        setId={set.id}
        title={set.title}
        scenarios={set.scenarios.map((s) => ({ id: s.id, title: s.title }))}
      />
    </div>
  );
}
