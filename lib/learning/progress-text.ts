// How much of a piece of work is done, and how much of it was right, in one wording every page uses: the dashboard,
// the chapter sidebar, My classes, the roster. Progress and score stay separate ("3 of 8 answered · 1 right"), never
// folded into one percentage, and "Late" means one thing: past due and not finished. Pure.

/** "1 scenario", "3 scenarios", "2 wrong first answers"; `many` for irregular plurals. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export interface WorkProgress {
  /** Questions answered (first attempts), or reviews done for a review target. */
  done: number;
  /** Questions in the work, or the review target. */
  total: number;
  /** Of the questions answered, how many were right the first time; null where right and wrong do not apply (reviews). */
  right: number | null;
  unit: 'questions' | 'reviews';
  /** A chapter's "mark chapter complete": true or false when the work includes it, undefined when it does not. */
  chapterFinished?: boolean;
}

/** "3 of 8 answered · 1 right"; "2 of 5 reviews done"; "Chapter finished · 8 of 8 answered · 6 right". */
export function progressText(p: WorkProgress): string {
  const parts: string[] = [];
  if (p.chapterFinished) parts.push('Chapter finished');
  if (p.unit === 'reviews') parts.push(`${p.done} of ${p.total} review${p.total === 1 ? '' : 's'} done`);
  else if (p.total > 0 || p.done > 0) {
    parts.push(`${p.done} of ${p.total} answered`);
    if (p.done > 0 && p.right !== null) parts.push(`${p.right} right`);
  }
  if (p.chapterFinished === false && p.unit === 'questions' && p.done >= p.total) parts.push('chapter not marked finished');
  return parts.join(' · ') || 'Nothing to answer';
}

/** Late: the due date has passed and the work is not finished. Work finished after its due date is done, not late. */
export function isLate(w: { finished: boolean; dueAt: Date | null }, now: Date): boolean {
  return !w.finished && w.dueAt !== null && now.getTime() > w.dueAt.getTime();
}
