import 'server-only';
import { getScenario, getScenarioBank, scenariosFor } from '@/lib/content/bank';
import type { Scenario } from '@/lib/content/scenarios';
import { missedItemIds } from '@/lib/db/attempts';
import { getUsableScenarioSet } from '@/lib/db/scenario-sets';
import { DIFFICULTY_TEXT, practiceHref, type PracticeChoice } from './practice-params';
import { drillOrder } from './practice-sets';

export type PracticeSet =
  | { kind: 'drill'; title: string; scenarios: Scenario[]; setId: string | null; key: string; note?: string }
  | { kind: 'guest-missed'; title: string; bank: Scenario[] }
  | { kind: 'empty'; title: string; message: string }
  | { kind: 'sign-in'; title: string; message: string; next: string }
  | { kind: 'not-found'; title: string; message: string }
  | { kind: 'reshuffle'; href: string };

/** Bank scenarios the learner got wrong last time they tried them, newest miss first. */
export async function missedBankScenarios(userId: string): Promise<Scenario[]> {
  const ids = await missedItemIds(userId, 'scenario');
  // Imported sets store "set:<id>:<scenario>" ids; those are practised from their own set.
  return ids.filter((id) => !id.startsWith('set:')).flatMap((id) => getScenario(id) ?? []);
}

export async function resolvePracticeSet(
  choice: Exclude<PracticeChoice, { kind: 'hub' } | { kind: 'invalid' }>,
  userId: string | null,
  chapterTitles: Record<string, string>,
): Promise<PracticeSet> {
  const href = practiceHref(choice);
  switch (choice.kind) {
    case 'bank': {
      const parts = [
        choice.chapter ? `Chapter: ${chapterTitles[choice.chapter] ?? choice.chapter}` : null,
        choice.difficulty ? `${DIFFICULTY_TEXT[choice.difficulty].title} scenarios` : null,
      ].filter(Boolean);
      const title = parts.join(' · ');
      const scenarios = drillOrder(scenariosFor({ chapter: choice.chapter, difficulty: choice.difficulty }));
      if (scenarios.length === 0) return { kind: 'empty', title, message: 'No scenario in the bank matches both of these yet.' };
      return { kind: 'drill', title, scenarios, setId: null, key: href };
    }
    case 'all': {
      // The drill shuffles and interleaves every set in the browser; the old ?seed= links still open the whole bank.
      const scenarios = drillOrder([...getScenarioBank().values()]);
      return { kind: 'drill', title: 'All scenarios, shuffled', scenarios, setId: null, key: href };
    }
    case 'family': {
      const scenarios = drillOrder([...getScenarioBank().values()].filter((s) => s.family === choice.family));
      if (scenarios.length === 0)
        return {
          kind: 'not-found',
          title: 'That family of scenarios does not exist',
          message: 'Choose a chapter or a difficulty instead.',
        };
      return {
        kind: 'drill',
        title: `One setting, told ${scenarios.length} ways`,
        scenarios,
        setId: null,
        key: href,
        note: 'These scenarios share their setting and differ only in the facts that decide the label. Find the sentence that makes each one what it is.',
      };
    }
    case 'missed': {
      const title = 'The ones I missed';
      if (!userId) return { kind: 'guest-missed', title, bank: drillOrder([...getScenarioBank().values()]) };
      const scenarios = await missedBankScenarios(userId);
      if (scenarios.length === 0)
        return {
          kind: 'empty',
          title,
          message: 'Nothing to review yet. Scenarios you get wrong land here until you get them right.',
        };
      return { kind: 'drill', title, scenarios, setId: null, key: `${href}:${scenarios.map((s) => s.id).join(',')}` };
    }
    case 'imported': {
      if (!userId)
        return { kind: 'sign-in', title: 'Your imported set', message: 'Sign in to practise the scenario sets you imported.', next: href };
      // Your own set, or one assigned to a class you are in: the same lookup grading uses (lib/actions/drill.ts).
      const set = await getUsableScenarioSet(userId, choice.setId);
      if (!set)
        return {
          kind: 'not-found',
          title: 'Set not found',
          message:
            'We could not find that scenario set. It may have been deleted, it belongs to another account, or the class it was assigned to no longer includes you.',
        };
      return { kind: 'drill', title: set.title, scenarios: set.scenarios, setId: set.id, key: href };
    }
  }
}
