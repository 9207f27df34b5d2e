import 'server-only';
import { cache } from 'react';
import { notFound, redirect } from 'next/navigation';
import type { ClassCapability } from '@/lib/auth/capability';
import { AuthorizationError, requireInstructor } from '@/lib/auth/session';
import { assignmentSpec } from '@/lib/content/assignment-items';
import { getScenario } from '@/lib/content/bank';
import { getCourse } from '@/lib/content/course';
import type { Scenario } from '@/lib/content/scenarios';
import { getClassForInstructor } from '@/lib/db/classes';
import { loadClassData, type ClassData } from '@/lib/db/class-analytics';
import { classScenarioSetsById } from '@/lib/db/scenario-sets';

export type TeachClass = NonNullable<Awaited<ReturnType<typeof getClassForInstructor>>>;

/**
 * The class behind an instructor page and the capability its data functions take (lib/auth/capability.ts).
 * A class you do not teach is a 404, the same as one that does not exist; a signed-out visitor is sent to sign in.
 */
export const teachClassOrNotFound = cache(async (classId: string, path: string): Promise<{ me: ClassCapability; cls: TeachClass }> => {
  let me: ClassCapability;
  try {
    me = await requireInstructor(classId);
  } catch (e) {
    if (e instanceof AuthorizationError && e.status === 401) redirect(`/signin?next=${encodeURIComponent(path)}`);
    if (e instanceof AuthorizationError) notFound();
    throw e;
  }
  const cls = await getClassForInstructor(me);
  if (!cls) notFound();
  return { me, cls };
});

/** Imported scenario sets assigned to this class, by set id (one query; lib/db/scenario-sets.ts says whose sets). */
export async function classScenarioSets(
  me: ClassCapability,
  cls: TeachClass,
): Promise<Map<string, { id: string; title: string; scenarios: Scenario[] }>> {
  const setIds = [
    ...new Set(cls.assignments.flatMap((a) => (a.kind === 'drill' && a.target.startsWith('set:') ? [a.target.slice(4)] : []))),
  ];
  return new Map((await classScenarioSetsById(me, setIds)).map((set) => [set.id, set]));
}

export function classSpecs(cls: TeachClass, sets: Map<string, { scenarios: Scenario[] }>) {
  return cls.assignments.map((a) => assignmentSpec(a, (setId) => sets.get(setId)?.scenarios.map((s) => s.id) ?? []));
}

/** The scenario behind an item id: a bank id, or "set:<set id>:<scenario id>" from an imported set. */
export function scenarioForItem(itemId: string, sets: Map<string, { scenarios: Scenario[] }>): Scenario | undefined {
  if (!itemId.startsWith('set:')) return getScenario(itemId);
  const [, setId, id] = itemId.split(':', 3);
  return sets.get(setId ?? '')?.scenarios.find((s) => s.id === id);
}

/** The scenario behind each item id, to re-grade stored answers question by question. */
export function scenarioTruthFor(sets: Map<string, { scenarios: Scenario[] }>) {
  return (itemId: string) => scenarioForItem(itemId, sets) ?? null;
}

/** Reviews count towards review assignments from the earliest assignment's opening. */
function reviewsSince(cls: TeachClass): Date | null {
  const reviews = cls.assignments.filter((a) => a.kind === 'review');
  return reviews.length ? new Date(Math.min(...reviews.map((a) => a.opensAt.getTime()))) : null;
}

export async function classDataFor(me: ClassCapability, cls: TeachClass): Promise<ClassData> {
  return loadClassData(me, reviewsSince(cls));
}

export function quizInfo(id: string) {
  return getCourse().quizzes.get(id);
}

export function chapterTitle(slug: string): string {
  return getCourse().chapters.find((c) => c.slug === slug)?.title ?? slug;
}
