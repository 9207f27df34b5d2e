import type { Metadata } from 'next';
import Link from 'next/link';
import { classDrillConfusion } from '@/lib/db/class-analytics';
import { ClassConfusion } from '@/components/teach/class-confusion';
import { ClassHeader } from '@/components/teach/class-nav';
import { scenarioTruthFor, classDataFor, classScenarioSets, scenarioForItem, teachClassOrNotFound } from '@/lib/teach/class-data';

type Props = { params: Promise<{ classId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { classId } = await params;
  const { cls } = await teachClassOrNotFound(classId, `/teach/${classId}/confusion`);
  return { title: `Drill confusion · ${cls.title}` };
}
export const dynamic = 'force-dynamic';

export default async function ConfusionPage({ params }: Props) {
  const { classId } = await params;
  const { me, cls } = await teachClassOrNotFound(classId, `/teach/${classId}/confusion`);
  const [data, sets] = await Promise.all([classDataFor(me, cls), classScenarioSets(me, cls)]);
  const confusion = classDrillConfusion(data, scenarioTruthFor(sets));
  const titleOf = (id: string) => scenarioForItem(id, sets)?.title ?? id;
  return (
    <div className="page">
      <ClassHeader classId={cls.id} title={cls.title} current="confusion" heading={`Drill confusion: ${cls.title}`} />
      {confusion.responses === 0 ? (
        <div className="prose">
          <p className="lead">No drill answers yet.</p>
          <p>
            Once your learners classify scenarios in the practice drill, this page shows which failure modes they mix up, the scenarios
            behind each mix-up, and which of the three diagnostic questions they get wrong. Assign a drill set from the{' '}
            <Link href={`/teach/${cls.id}`}>class page</Link> to get started.
          </p>
        </div>
      ) : (
        <ClassConfusion classId={cls.id} confusion={confusion} titleOf={titleOf} />
      )}
    </div>
  );
}
