import Link from 'next/link';
import { scenariosFor, type DrillSetFilter } from '@/lib/content/bank';
import { CHAPTER_SLUGS, DIFFICULTIES } from '@/lib/content/scenarios';
import { drillContextFor } from '@/lib/practice/drill-context';
import { DrillClient } from './drill-client';
import { drillOrder, seedFrom } from '@/lib/practice/practice-sets';
import { drillSet, interleave } from '@/lib/learning/drill-order';
import styles from './classifier-drill.module.css';

const EMBEDDED_COUNT = 5;

function filterFor(set: string | undefined): { filter: DrillSetFilter; more: string } | null {
  if (!set) return { filter: {}, more: '/practice' };
  if ((DIFFICULTIES as readonly string[]).includes(set))
    return { filter: { difficulty: set as DrillSetFilter['difficulty'] }, more: `/practice?difficulty=${set}` };
  if ((CHAPTER_SLUGS as readonly string[]).includes(set)) return { filter: { chapter: set }, more: `/practice?chapter=${set}` };
  return null;
}

/**
 * The classifier drill embedded in a chapter: up to five scenarios from the bank for `set` (a chapter slug or a
 * difficulty), easiest first. A server component: it picks the scenarios and hands plain data to the client drill.
 */
export function ClassifierDrill({ set }: { set?: string }) {
  const choice = filterFor(set);
  // Five that mix the labels (the first of an interleaved order; fixed per build, since the chapter page is static),
  // sent without their labels, with orders for the browser to pick from.
  const seed = seedFrom(set ?? 'all');
  const picked = choice ? interleave(drillOrder(scenariosFor(choice.filter)), seed).slice(0, EMBEDDED_COUNT) : [];
  const drill = drillSet(picked, seed);
  const more = choice?.more ?? '/practice';
  return (
    <div className={styles.drill} data-set={set}>
      {picked.length > 0 ? (
        <DrillClient
          compact
          scenarios={drill.scenarios}
          orders={drill.orders}
          setId={null}
          title="Practice: classify the failure"
          context={drillContextFor(picked)}
        />
      ) : (
        <>
          <p className={styles.kicker}>Practice</p>
          <p>
            <strong>Three questions sort every case.</strong> During training, did the unwanted behaviour already pay off? Does the failure
            appear in conditions that differ from training? Where it goes wrong, does the system still act skilfully?
          </p>
        </>
      )}
      <p className={styles.more}>
        <Link href={more}>More scenarios in the practice drill</Link>
      </p>
    </div>
  );
}
