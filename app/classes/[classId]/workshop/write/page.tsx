import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUserOrRedirect } from '@/lib/auth/session';
import { getScenarioBank } from '@/lib/content/bank';
import { bankLabelWords } from '@/lib/content/shortcuts';
import { ownWorkshopScenario, workshopClassForLearner } from '@/lib/db/workshop';
import type { LabelWord } from '@/lib/learning/workshop';
import { EMPTY_DRAFT, WorkshopEditor, type EditorDraft } from '@/components/workshop/workshop-editor';
import styles from '@/components/workshop/workshop.module.css';

export const metadata: Metadata = { title: 'Write a workshop scenario' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ classId: string }>; searchParams: Promise<{ edit?: string | string[] }> };

export default async function WriteScenarioPage({ params, searchParams }: Props) {
  const { classId } = await params;
  const { edit } = await searchParams;
  const user = await requireUserOrRedirect(`/classes/${classId}/workshop/write`);
  const cls = await workshopClassForLearner(user.id, classId);
  if (!cls) notFound();
  const editing = typeof edit === 'string' ? await ownWorkshopScenario(user.id, classId, edit) : null;
  if (typeof edit === 'string' && (!editing || editing.status === 'hidden' || editing.status === 'promoted')) notFound();
  const initial: EditorDraft = editing
    ? {
        title: editing.title,
        description: editing.description,
        label: editing.label,
        questions: editing.questions,
        rationale: editing.rationale ?? '',
        source: editing.source ?? '',
      }
    : EMPTY_DRAFT;
  const words = bankLabelWords([...getScenarioBank().values()]) as LabelWord[];
  return (
    <div className="page">
      <p className={styles.meta}>
        <Link href={`/classes/${classId}/workshop`}>← The workshop of {cls.title}</Link>
      </p>
      <h1>{editing ? 'Revise your scenario' : 'Write a scenario'}</h1>
      <p className="lead">
        One setting, told so that a careful reader can decide it from the story&rsquo;s facts: what paid off in training, whether the
        situation changed, and whether the system still acted skilfully. Pick the sentence that decides each.
      </p>
      <WorkshopEditor classId={classId} scenarioId={editing?.id ?? null} initial={initial} labelWords={words} />
    </div>
  );
}
