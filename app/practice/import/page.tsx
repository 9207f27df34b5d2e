import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUserOrRedirect } from '@/lib/auth/session';
import { listScenarioSets } from '@/lib/db/scenario-sets';
import { ImportForm } from '@/components/drill/import-form';
import { ImportFormatHelp } from '@/components/drill/import-format';
import { OwnSets } from '@/components/drill/own-sets';
import styles from '@/components/drill/practice.module.css';

export const metadata: Metadata = { title: 'Import a scenario set' };

export default async function ImportPage() {
  const user = await requireUserOrRedirect('/practice/import');
  const sets = await listScenarioSets(user.id);
  return (
    <div className="page">
      <p className={styles.back}>
        <Link href="/practice">← All practice sets</Link>
      </p>
      <h1>Import a scenario set</h1>
      <p className="lead">Write your own scenarios, or bring a class&rsquo;s, and practise them with the same three questions.</p>
      <div className={styles.importLayout}>
        <ImportForm />
        <OwnSets sets={sets} />
      </div>
      <ImportFormatHelp />
    </div>
  );
}
