import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireUserOrRedirect } from '@/lib/auth/session';
import { learnerWorkshop } from '@/lib/db/workshop';
import { WORKSHOP_DOMAIN, workshopSetId } from '@/lib/learning/workshop';
import { DrillClient } from '@/components/drill/drill-client';
import { drillContextFor } from '@/lib/practice/drill-context';
import { PracticeRun } from '@/components/drill/practice-run';

export const metadata: Metadata = { title: 'Workshop practice set' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ classId: string }> };

/**
 * The class's workshop as a practice set, in the drill's own classification UI. The page holds titles and texts only:
 * no label, no author, and no interleaved order (one made from the labels would hint at them); the drill shuffles.
 */
export default async function ClassifyWorkshopPage({ params }: Props) {
  const { classId } = await params;
  const user = await requireUserOrRedirect(`/classes/${classId}/workshop/classify`);
  const w = await learnerWorkshop(user.id, classId);
  if (!w) notFound();
  const title = `Workshop: ${w.cls.title}`;
  // Once every scenario is answered, they can be practised again; the class's figures keep each first answer.
  const again = w.toClassify.length === 0 && w.classifiedItems.length > 0;
  const list = again ? w.classifiedItems : w.toClassify;
  return (
    <PracticeRun
      title={title}
      back={{ href: `/classes/${classId}/workshop`, text: 'The workshop' }}
      note={
        again
          ? 'You have classified every scenario your classmates wrote. Practise them again here; the class’s agreement figures keep your first answers.'
          : 'Scenarios your classmates wrote. Who wrote each, and what they meant, is shown after you answer.'
      }
    >
      <DrillClient
        key={again ? 'again' : 'new'}
        scenarios={list.map((s) => ({
          id: s.id,
          title: s.title,
          description: s.description,
          domain: WORKSHOP_DOMAIN,
          difficulty: 'core' as const,
        }))}
        orders={[]}
        setId={workshopSetId(classId)}
        title={title}
        context={drillContextFor([])}
      />
    </PracticeRun>
  );
}
