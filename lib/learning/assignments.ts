// Assignment status, progress and score for one learner. Pure: the learner's first attempts, finished chapters,
// review counts and the clock are arguments.
import { isLate, progressText } from './progress-text';

type AssignmentKind = 'chapter' | 'drill' | 'review';
export type AssignmentStatus = 'not-started' | 'in-progress' | 'done' | 'late' | 'done-late';

const STATUS_TEXT: Record<AssignmentStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  late: 'Late',
  // Finished, after the due date: done, and not "late" (late is past due and unfinished).
  'done-late': 'Done after the due date',
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
  /**
   * First-attempt accuracy on the assignment's items, 0..1, null before any answer. Review assignments: the share of
   * the target done (the gradebook's number for them); pages show their progress in words ("2 of 5 reviews done").
   */
  score: number | null;
  progress: number; // 0..1
  finishedAt: Date | null;
  /** Items answered (first attempts) or reviews done in the window. */
  done: number;
  /** The assignment's items, or its review target. */
  total: number;
  /** Items right the first time; null for review assignments. */
  right: number | null;
  /** Chapter assignments: whether the chapter is marked complete; undefined for other kinds. */
  chapterFinished?: boolean;
  kind: AssignmentKind;
}

export function assignmentResult(spec: AssignmentSpec, work: LearnerWork, now: Date): AssignmentResult {
  let progress = 0;
  let score: number | null = null;
  let finishedAt: Date | null = null;
  let counts: Pick<AssignmentResult, 'done' | 'total' | 'right' | 'chapterFinished'>;
  if (spec.kind === 'review') {
    const target = Math.max(1, spec.reviewTarget ?? 1);
    const inWindow = work.reviewTimes.filter((t) => t >= spec.opensAt).sort((a, b) => a.getTime() - b.getTime());
    progress = Math.min(1, inWindow.length / target);
    score = progress;
    if (inWindow.length >= target) finishedAt = inWindow[target - 1]!;
    counts = { done: Math.min(inWindow.length, target), total: target, right: null };
  } else {
    const answered = spec.itemIds.map((id) => work.firstAttempts.get(id)).filter((a): a is { correct: boolean; at: Date } => Boolean(a));
    const needsChapter = spec.kind === 'chapter' && spec.chapter;
    const chapterDone = needsChapter ? work.completedChapters.get(spec.chapter!) : undefined;
    const parts = spec.itemIds.length + (needsChapter ? 1 : 0);
    progress = parts ? (answered.length + (chapterDone ? 1 : 0)) / parts : 0;
    const right = answered.filter((a) => a.correct).length;
    score = answered.length ? right / answered.length : null;
    counts = { done: answered.length, total: spec.itemIds.length, right, ...(needsChapter ? { chapterFinished: Boolean(chapterDone) } : {}) };
    if (progress >= 1) {
      const times = [...answered.map((a) => a.at), ...(chapterDone ? [chapterDone] : [])];
      finishedAt = new Date(Math.max(...times.map((t) => t.getTime())));
    }
  }
  let status: AssignmentStatus;
  if (finishedAt) status = finishedAt > spec.dueAt ? 'done-late' : 'done';
  else if (isLate({ finished: false, dueAt: spec.dueAt }, now)) status = 'late';
  else status = progress > 0 ? 'in-progress' : 'not-started';
  return { status, score, progress, finishedAt, kind: spec.kind, ...counts };
}

/**
 * An assignment's status in words, with its progress and score kept apart: "Late · 3 of 8 answered · 1 right",
 * "Done · 5 of 5 reviews done", "3 of 8 answered · 1 right" (in progress needs no word of its own).
 */
export function assignmentText(r: Pick<AssignmentResult, 'status' | 'done' | 'total' | 'right' | 'chapterFinished' | 'kind'>): string {
  const finished = r.status === 'done' || r.status === 'done-late';
  const progress = progressText({
    done: r.done,
    total: r.total,
    right: r.right,
    unit: r.kind === 'review' ? 'reviews' : 'questions',
    // Done implies the chapter was marked finished; otherwise say where the chapter stands.
    ...(r.chapterFinished === undefined || finished ? {} : { chapterFinished: r.chapterFinished }),
  });
  return r.status === 'in-progress' ? progress : `${STATUS_TEXT[r.status]} · ${progress}`;
}
