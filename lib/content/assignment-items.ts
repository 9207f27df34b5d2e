import 'server-only';
import { getCourse } from './course';
import { getScenarioBank } from './bank';
import type { AssignmentSpec } from '../learning/assignments';
import { parseWorkshopTarget } from '../learning/workshop';

export interface AssignmentRow {
  id: string;
  kind: string;
  target: string;
  title: string;
  opensAt: Date;
  dueAt: Date;
  classId?: string;
}

/** Drill targets: "chapter:<slug>", "difficulty:<intro|core|advanced>", "set:<imported set id>", or "all". */
export function drillScenarioIds(target: string, importedIds?: (setId: string) => string[]): string[] {
  const bank = [...getScenarioBank().values()];
  const [kind, value] = target.split(':', 2) as [string, string | undefined];
  if (kind === 'chapter') return bank.filter((s) => s.chapter === value).map((s) => s.id);
  if (kind === 'difficulty') return bank.filter((s) => s.difficulty === value).map((s) => s.id);
  if (kind === 'set' && value) return (importedIds?.(value) ?? []).map((id) => `set:${value}:${id}`);
  if (kind === 'all') return bank.map((s) => s.id);
  return [];
}

export function assignmentSpec(
  a: AssignmentRow,
  importedIds?: (setId: string) => string[],
  workshopItems?: (classId: string) => string[],
): AssignmentSpec & { id: string } {
  const base = { id: a.id, kind: a.kind as AssignmentSpec['kind'], target: a.target, opensAt: a.opensAt, dueAt: a.dueAt };
  if (a.kind === 'workshop')
    return { ...base, classId: a.classId, workshop: parseWorkshopTarget(a.target), itemIds: a.classId ? (workshopItems?.(a.classId) ?? []) : [] };
  if (a.kind === 'chapter') {
    const quizIds = getCourse().analyses.get(a.target)?.quizzes.map((q) => q.id) ?? [];
    return { ...base, chapter: a.target, itemIds: quizIds };
  }
  if (a.kind === 'drill') return { ...base, itemIds: drillScenarioIds(a.target, importedIds) };
  return { ...base, itemIds: [], reviewTarget: Number.parseInt(a.target, 10) || 1 };
}

/** Where the learner goes to do an assignment. */
export function assignmentHref(a: { kind: string; target: string; classId?: string }): string {
  if (a.kind === 'chapter') return `/chapters/${a.target}`;
  if (a.kind === 'review') return '/review';
  if (a.kind === 'workshop') return a.classId ? `/classes/${a.classId}/workshop` : '/classes';
  const [kind, value] = a.target.split(':', 2);
  if (kind === 'chapter') return `/practice?chapter=${value}`;
  if (kind === 'difficulty') return `/practice?difficulty=${value}`;
  if (kind === 'set') return `/practice?set=${value}`;
  return '/practice?set=all';
}
