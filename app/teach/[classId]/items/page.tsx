import type { Metadata } from 'next';
import { ClassHeader } from '@/components/teach/class-nav';
import { classDataFor, classScenarioSets, teachClassOrNotFound } from '@/lib/teach/class-data';
import { ItemStatsTable } from '@/components/teach/item-stats-table';
import { itemRows } from '@/lib/teach/item-views';
import { discriminationText, facilityText } from '@/lib/learning/item-stats';
import styles from '@/components/teach/teach.module.css';

type Props = { params: Promise<{ classId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { classId } = await params;
  const { cls } = await teachClassOrNotFound(classId, `/teach/${classId}/items`);
  return { title: `Item statistics · ${cls.title}` };
}
export const dynamic = 'force-dynamic';

export default async function ItemsPage({ params }: Props) {
  const { classId } = await params;
  const { me, cls } = await teachClassOrNotFound(classId, `/teach/${classId}/items`);
  const [data, sets] = await Promise.all([classDataFor(me, cls), classScenarioSets(me, cls)]);
  const rows = itemRows(data, cls.id, sets).map((r) => ({
    ...r,
    facilityText: facilityText(r.facility, r.attempts),
    discriminationText: discriminationText(r.discrimination, r.attempts),
  }));
  return (
    <div className="page">
      <ClassHeader classId={cls.id} title={cls.title} current="items" heading={`Item statistics: ${cls.title}`} />
      <div className={styles.stack}>
        <section className={`card ${styles.legend}`} aria-labelledby="legend-h">
          <h2 id="legend-h">How to read this</h2>
          <dl>
            <dt>Facility</dt>
            <dd>
              The share of learners who got the item right on their first try. Between about 35% and 65% tells you most about a class; above
              90% the item is very easy, below 20% very hard (or flawed).
            </dd>
            <dt>Discrimination</dt>
            <dd>
              How well the item separates learners who do well on the rest from those who do not (the correlation Moodle reports, from −1 to
              1). 0.50 or more is very good, 0.30 to 0.50 adequate, 0.20 to 0.30 weak, under 0.20 very weak. A negative value means strong
              learners tend to miss it: check the item for an error or an ambiguity. It needs at least three learners who answered other
              items too.
            </dd>
            <dt>Answers chosen</dt>
            <dd>
              How many learners picked each option on their first try; the right one is marked. A wrong option that many pick is a
              misconception worth discussing.
            </dd>
          </dl>
        </section>
        <section className={styles.section} aria-labelledby="items-h">
          <h2 id="items-h">Questions and scenarios</h2>
          {rows.length === 0 ? (
            <p className="muted">No answers yet. Item statistics appear once your learners answer quiz questions or classify scenarios.</p>
          ) : (
            <ItemStatsTable rows={rows} />
          )}
        </section>
      </div>
    </div>
  );
}
