import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentUser } from '@/lib/auth/session';
import { getCourse } from '@/lib/content/course';
import { listScenarioSets } from '@/lib/db/scenario-sets';
import { DrillClient } from '@/components/drill/drill-client';
import { drillContextFor } from '@/lib/practice/drill-context';
import { GuestMissedDrill } from '@/components/drill/guest-missed-drill';
import { missedBankScenarios, resolvePracticeSet } from '@/lib/practice/practice-data';
import { PracticeHub } from '@/components/drill/practice-hub';
import { PracticeNotice } from '@/components/drill/practice-notice';
import { PracticeRun } from '@/components/drill/practice-run';
import { parsePracticeParams, type SearchParams } from '@/lib/practice/practice-params';
import { drillSet } from '@/lib/learning/drill-order';
import { publicScenario } from '@/lib/learning/scenario-schema';

const randomSeed = () => Math.floor(Math.random() * 2 ** 31);

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const choice = parsePracticeParams(await searchParams);
  return {
    title: choice.kind === 'hub' ? 'Practice' : 'Practice drill',
    description: 'Classify failures: specification gaming, goal misgeneralization or capability failure.',
  };
}

export default async function PracticePage({ searchParams }: Props) {
  const choice = parsePracticeParams(await searchParams);
  const user = await currentUser();
  const chapters = getCourse().chapters.map((c) => ({ slug: c.slug, title: c.title, section: c.section }));

  if (choice.kind === 'hub') {
    const [missed, sets] = user ? await Promise.all([missedBankScenarios(user.id), listScenarioSets(user.id)]) : [null, null];
    return <PracticeHub chapters={chapters} signedIn={!!user} missedCount={missed?.length ?? null} importedSets={sets} />;
  }
  if (choice.kind === 'invalid')
    return (
      <PracticeNotice
        title="That practice set does not exist"
        links={chapters.slice(0, 1).map((c) => ({ href: `/practice?chapter=${c.slug}`, text: `Start with ${c.title}` }))}
      >
        {choice.problems.map((p) => (
          <p key={p}>{p}</p>
        ))}
        <p>Choose a chapter, a difficulty (intro, core or advanced), the ones you missed, or all scenarios.</p>
      </PracticeNotice>
    );

  const chapterTitles = Object.fromEntries(chapters.map((c) => [c.slug, c.title]));
  const set = await resolvePracticeSet(choice, user?.id ?? null, chapterTitles);
  switch (set.kind) {
    case 'reshuffle':
      return redirect(set.href);
    case 'empty':
    case 'not-found':
      return (
        <PracticeNotice title={set.title}>
          <p>{set.message}</p>
        </PracticeNotice>
      );
    case 'sign-in':
      return (
        <PracticeNotice title={set.title} links={[{ href: `/signin?next=${encodeURIComponent(set.next)}`, text: 'Sign in' }]}>
          <p>{set.message}</p>
        </PracticeNotice>
      );
    case 'guest-missed':
      return (
        <PracticeRun title={set.title}>
          <GuestMissedDrill bank={set.bank.map(publicScenario)} title={set.title} context={drillContextFor(set.bank)} />
        </PracticeRun>
      );
    case 'drill': {
      // The browser gets the scenarios without their labels, and interleaved orders made here, where they are known.
      const drill = drillSet(set.scenarios, randomSeed());
      return (
        <PracticeRun title={set.title} note={set.note} reshuffle={choice.kind === 'all'}>
          <DrillClient
            key={set.key}
            scenarios={drill.scenarios}
            orders={drill.orders}
            setId={set.setId}
            title={set.title}
            context={drillContextFor(set.scenarios)}
          />
        </PracticeRun>
      );
    }
  }
}
