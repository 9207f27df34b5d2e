import Link from 'next/link';
import { scenariosFor, type DrillSetFilter } from '@/lib/content/bank';
import { CHAPTER_SLUGS, DIFFICULTIES } from '@/lib/content/scenarios';
import { drillContextFor } from './drill-context';
import { DrillClient } from './drill-client';
import { drillOrder } from './practice-sets';
import styles from './classifier-drill.module.css';

const EMBEDDED_COUNT = 5;

function filterFor(set: string | undefined): { filter: DrillSetFilter; more: string } | null {
  if (!set) return { filter: {}, more: '/practice' };
  if ((DIFFICULTIES as readonly string[]).includes(set)) return { filter: { difficulty: set as DrillSetFilter['difficulty'] }, more: `/practice?difficulty=${set}` };
  if ((CHAPTER_SLUGS as readonly string[]).includes(set)) return { filter: { chapter: set }, more: `/practice?chapter=${set}` };
  return null;
}

/**
 * The classifier drill embedded in a chapter: up to five scenarios from the bank for `set` (a chapter slug or a
 * difficulty), easiest first. A server component: it picks the scenarios and hands plain data to the client drill.
 */
export function ClassifierDrill({ set }: { set?: string }) {
  const choice = filterFor(set);
  const scenarios = choice ? drillOrder(scenariosFor(choice.filter)).slice(0, EMBEDDED_COUNT) : [];
  const more = choice?.more ?? '/practice';
  return (
    <div className={styles.drill} data-set={set}>
      {scenarios.length > 0 ? (
        <DrillClient compact scenarios={scenarios} setId={null} title="Practice: classify the failure" context={drillContextFor(scenarios)} />
      ) : (
        <>
          <p className={styles.kicker}>Practice</p>
          <p>
            <strong>Three questions sort every case.</strong> Was the training signal right? Did the system stay competent
            after the change? Which goal did it pursue?
          </p>
        </>
      )}
      <p className={styles.more}>
        <Link href={more}>More scenarios in the practice drill</Link>
      </p>
    </div>
  );
}
