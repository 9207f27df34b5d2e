// Assignment status and score for one learner. Pure: the learner's first attempts, finished chapters, review
// counts and the clock are arguments.

export type AssignmentKind = 'chapter' | 'drill' | 'review';
export type AssignmentStatus = 'not-started' | 'in-progress' | 'done' | 'late' | 'done-late';

export const STATUS_TEXT: Record<AssignmentStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  late: 'Late',
  'done-late': 'Done late',
};

export interface AssignmentSpec {
  kind: AssignmentKind;
  target: string;
  opensAt: Date;
  dueAt: Date;
  /** chapter: its quiz ids; drill: its scenario item ids; review: empty. */
  itemIds: string[];
  /** review: the number of reviews to do between opensAt and dueAt. */
  reviewTarget?: number;
  chapter?: string;
}

export interface LearnerWork {
  firstAttempts: Map<string, { correct: boolean; at: Date }>;
  completedChapters: Map<string, Date>;
  /** Times of the learner's reviews (not counting first answers). */
  reviewTimes: Date[];
}

export interface AssignmentResult {
  status: AssignmentStatus;
  /** First-attempt accuracy on the assignment's items, 0..1 (review assignments: share of the target done). */
  score: number | null;
  progress: number; // 0..1
  finishedAt: Date | null;
}

export function assignmentResult(spec: AssignmentSpec, work: LearnerWork, now: Date): AssignmentResult {
  let progress = 0;
  let score: number | null = null;
  let finishedAt: Date | null = null;
  if (spec.kind === 'review') {
    const target = Math.max(1, spec.reviewTarget ?? 1);
    const inWindow = work.reviewTimes.filter((t) => t >= spec.opensAt).sort((a, b) => a.getTime() - b.getTime());
    progress = Math.min(1, inWindow.length / target);
    score = progress;
    if (inWindow.length >= target) finishedAt = inWindow[target - 1]!;
  } else {
    const answered = spec.itemIds.map((id) => work.firstAttempts.get(id)).filter((a): a is { correct: boolean; at: Date } => Boolean(a));
    const needsChapter = spec.kind === 'chapter' && spec.chapter;
    const chapterDone = needsChapter ? work.completedChapters.get(spec.chapter!) : undefined;
    const parts = spec.itemIds.length + (needsChapter ? 1 : 0);
    progress = parts ? (answered.length + (chapterDone ? 1 : 0)) / parts : 0;
    score = answered.length ? answered.filter((a) => a.correct).length / answered.length : null;
    if (progress >= 1) {
      const times = [...answered.map((a) => a.at), ...(chapterDone ? [chapterDone] : [])];
      finishedAt = new Date(Math.max(...times.map((t) => t.getTime())));
    }
  }
  let status: AssignmentStatus;
  if (finishedAt) status = finishedAt > spec.dueAt ? 'done-late' : 'done';
  else if (now > spec.dueAt) status = 'late';
  else status = progress > 0 ? 'in-progress' : 'not-started';
  return { status, score, progress, finishedAt };
}
