import 'server-only';
import { db, transaction } from './client';
import type { Scenario } from '../content/scenarios';
import { checked, type ClassCapability } from '../auth/capability';
import { taughtBy } from './class-roles';

export interface ScenarioSetSummary {
  id: string;
  title: string;
  count: number;
  createdAt: Date;
}

/** Stores a validated set in one transaction: either the whole set is saved or nothing is. */
export async function createScenarioSet(ownerId: string, title: string, scenarios: Scenario[]): Promise<ScenarioSetSummary> {
  const row = await transaction((tx) =>
    tx.scenarioSet.create({
      data: { ownerId, title, scenarios: JSON.stringify(scenarios) },
      select: { id: true, title: true, createdAt: true },
    }),
  );
  return { ...row, count: scenarios.length };
}

export async function listScenarioSets(ownerId: string): Promise<ScenarioSetSummary[]> {
  const rows = await db.scenarioSet.findMany({ where: { ownerId }, orderBy: { createdAt: 'desc' } });
  return rows.map((r) => ({ id: r.id, title: r.title, createdAt: r.createdAt, count: (JSON.parse(r.scenarios) as unknown[]).length }));
}

/** A set the user may use: their own (class sharing is checked by the caller through the class's assignments). */
export async function getOwnScenarioSet(
  userId: string,
  setId: string,
): Promise<{ id: string; title: string; scenarios: Scenario[] } | null> {
  const row = await db.scenarioSet.findFirst({ where: { id: setId, ownerId: userId } });
  return row ? { id: row.id, title: row.title, scenarios: JSON.parse(row.scenarios) as Scenario[] } : null;
}

/**
 * The sets among `setIds` that the capability's class may show: each owned by the class's owner or a co-instructor
 * (the assign action only accepts a set its instructor owns), never found by id alone. One query for all of them.
 */
export async function classScenarioSetsById(
  cap: ClassCapability,
  setIds: string[],
): Promise<{ id: string; title: string; scenarios: Scenario[] }[]> {
  const { userId, classId } = checked(cap);
  if (setIds.length === 0) return [];
  const rows = await db.scenarioSet.findMany({
    where: {
      id: { in: setIds },
      owner: {
        OR: [
          { ownedClasses: { some: { id: classId, ...taughtBy(userId) } } },
          { coInstructing: { some: { classId, class: taughtBy(userId) } } },
        ],
      },
    },
  });
  return rows.map((row) => ({ id: row.id, title: row.title, scenarios: JSON.parse(row.scenarios) as Scenario[] }));
}

export async function deleteScenarioSet(userId: string, setId: string): Promise<boolean> {
  const r = await db.scenarioSet.deleteMany({ where: { id: setId, ownerId: userId } });
  return r.count === 1;
}

/**
 * A set the user may practise: their own, or one a class they are enrolled in was assigned (target "set:<id>").
 * Checked on every read, so leaving the class or the assignment being removed ends access.
 */
export async function getUsableScenarioSet(
  userId: string,
  setId: string,
): Promise<{ id: string; title: string; scenarios: Scenario[] } | null> {
  const own = await getOwnScenarioSet(userId, setId);
  if (own) return own;
  const assigned = await db.assignment.findFirst({
    where: { kind: 'drill', target: `set:${setId}`, class: { enrolments: { some: { userId } } } },
    select: { id: true },
  });
  if (!assigned) return null;
  const row = await db.scenarioSet.findUnique({ where: { id: setId } });
  return row ? { id: row.id, title: row.title, scenarios: JSON.parse(row.scenarios) as Scenario[] } : null;
}

/**
 * Changes one of the user's sets in place (its title, its scenarios or both), keeping its id, so assignments and
 * stored answers that point at it stay valid. Only the owner can change a set.
 */
export async function updateScenarioSet(
  userId: string,
  setId: string,
  patch: { title?: string; scenarios?: Scenario[] },
): Promise<boolean> {
  const data: { title?: string; scenarios?: string } = {};
  if (patch.title !== undefined) data.title = patch.title;
  if (patch.scenarios !== undefined) data.scenarios = JSON.stringify(patch.scenarios);
  const r = await transaction((tx) => tx.scenarioSet.updateMany({ where: { id: setId, ownerId: userId }, data }));
  return r.count === 1;
}
