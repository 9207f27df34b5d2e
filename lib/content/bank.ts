import 'server-only';
import { loadScenarioBank, type Scenario } from './scenarios';

let bank: Map<string, Scenario> | undefined;

/** The built-in scenario bank, read once per process. */
export function getScenarioBank(): Map<string, Scenario> {
  if (!bank) bank = new Map(loadScenarioBank().scenarios.map((s) => [s.id, s]));
  return bank;
}

export function getScenario(id: string): Scenario | undefined {
  return getScenarioBank().get(id);
}

export type DrillSetFilter = { chapter?: string; difficulty?: 'intro' | 'core' | 'advanced' };

export function scenariosFor(filter: DrillSetFilter): Scenario[] {
  return [...getScenarioBank().values()].filter(
    (s) => (!filter.chapter || s.chapter === filter.chapter) && (!filter.difficulty || s.difficulty === filter.difficulty),
  );
}
