// Assignment status, progress and score for one learner. Pure: the learner's first attempts, finished chapters,
// review counts and the clock are arguments.
import { isLate, progressText } from './progress-text';

type AssignmentKind = 'chapter' | 'drill' | 'review' | 'workshop';
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
  /** workshop: the class, and "write N, classify M" (itemIds: the class's classifiable workshop items). */
  classId?: string;
  workshop?: { write: number; classify: number; graded: boolean };
}

export interface LearnerWork {
  firstAttempts: Map<string, { correct: boolean; at: Date }>;
  completedChapters: Map<string, Date>;
  /** Times of the learner's reviews (not counting first answers). */
  reviewTimes: Date[];
  /** Workshop: when the learner submitted scenarios, per class. */
  workshopWritten?: Map<string, Date[]>;
  /** Workshop: the item ids of the learner's own scenarios (never theirs to classify). */
  ownWorkshopItems?: Set<string>;
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
  /** Workshop assignments: scenarios written and classified against their targets. */
  workshop?: { written: number; write: number; classified: number; classify: number };
}

export function assignmentResult(spec: AssignmentSpec, work: LearnerWork, now: Date): AssignmentResult {
  let progress = 0;
  let score: number | null = null;
  let finishedAt: Date | null = null;
  let counts: Pick<AssignmentResult, 'done' | 'total' | 'right' | 'chapterFinished' | 'workshop'>;
  if (spec.kind === 'workshop') {
    const t = spec.workshop ?? { write: 1, classify: 0, graded: false };
    const written = [...(work.workshopWritten?.get(spec.classId ?? '') ?? [])].sort((a, b) => a.getTime() - b.getTime());
    const others = spec.itemIds.filter((id) => !work.ownWorkshopItems?.has(id));
    const classified = others
      .map((id) => work.firstAttempts.get(id))
      .filter((a): a is { correct: boolean; at: Date } => Boolean(a))
      .sort((a, b) => a.at.getTime() - b.at.getTime());
    // "Classify M" cannot ask for more than classmates have written: the target is what there is, up to M.
    const classify = Math.min(t.classify, others.length);
    const w = Math.min(written.length, t.write);
    const c = Math.min(classified.length, classify);
    const total = t.write + classify;
    progress = total ? (w + c) / total : 0;
    // Ungraded (the default): progress and status only, no score, so it counts toward no mean score or gradebook figure.
    const right = t.graded ? classified.filter((a) => a.correct).length : null;
    score = t.graded && classified.length ? right! / classified.length : null;
    if (total && progress >= 1) {
      const times = [t.write ? written[t.write - 1]! : null, classify ? classified[classify - 1]!.at : null].filter(
        (d): d is Date => d !== null,
      );
      finishedAt = new Date(Math.max(...times.map((d) => d.getTime())));
    }
    counts = { done: w + c, total, right, workshop: { written: written.length, write: t.write, classified: classified.length, classify } };
  } else if (spec.kind === 'review') {
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
    counts = {
      done: answered.length,
      total: spec.itemIds.length,
      right,
      ...(needsChapter ? { chapterFinished: Boolean(chapterDone) } : {}),
    };
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
export function assignmentText(
  r: Pick<AssignmentResult, 'status' | 'done' | 'total' | 'right' | 'chapterFinished' | 'kind' | 'workshop'>,
): string {
  const finished = r.status === 'done' || r.status === 'done-late';
  if (r.kind === 'workshop' && r.workshop) {
    const w = r.workshop;
    const parts = [
      w.write ? `${Math.min(w.written, w.write)} of ${w.write} written` : null,
      `${Math.min(w.classified, w.classify)} of ${w.classify} classified`,
      r.right !== null && w.classified ? `${r.right} agreed with the author` : null,
    ];
    const text = parts.filter(Boolean).join(' · ');
    return r.status === 'in-progress' ? text : `${STATUS_TEXT[r.status]} · ${text}`;
  }
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
