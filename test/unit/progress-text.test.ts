import { describe, expect, it } from 'vitest';
import { assignmentResult, assignmentText, type AssignmentSpec, type LearnerWork } from '../../lib/learning/assignments';
import { dueText, splitDue } from '../../lib/learning/due';
import { isLate, progressText } from '../../lib/learning/progress-text';
import { discriminationText, enoughAnswers, facilityText, MIN_ANSWERS_FOR_STATS, TOO_FEW_ANSWERS } from '../../lib/learning/item-stats';

const opensAt = new Date('2026-03-01T00:00:00Z');
const dueAt = new Date('2026-03-08T00:00:00Z');
const before = new Date('2026-03-05T00:00:00Z');
const after = new Date('2026-03-10T00:00:00Z');
const quizIds = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8'];
const chapter: AssignmentSpec = { kind: 'chapter', target: 'scheming', chapter: 'scheming', opensAt, dueAt, itemIds: quizIds };
const work = (attempts: [string, boolean, Date][], completed: [string, Date][] = [], reviews: Date[] = []): LearnerWork => ({
  firstAttempts: new Map(attempts.map(([id, correct, at]) => [id, { correct, at }])),
  completedChapters: new Map(completed),
  reviewTimes: reviews,
});

describe('progress and score wording', () => {
  it('keeps progress and score apart: "3 of 8 answered · 1 right", never "In progress · 33%"', () => {
    const r = assignmentResult(
      chapter,
      work([
        ['q1', true, before],
        ['q2', false, before],
        ['q3', false, before],
      ]),
      before,
    );
    expect(assignmentText(r)).toBe('3 of 8 answered · 1 right');
    expect(assignmentText(r)).not.toMatch(/%|In progress/);
    expect(progressText({ done: 0, total: 8, right: 0, unit: 'questions' })).toBe('0 of 8 answered');
    expect(assignmentText(assignmentResult(chapter, work([]), before))).toBe('Not started · 0 of 8 answered');
  });

  it('says where the chapter stands when every question is answered, and reviews count as reviews, with no "right"', () => {
    const all = quizIds.map((id, i): [string, boolean, Date] => [id, i < 6, before]);
    expect(assignmentText(assignmentResult(chapter, work(all), before))).toBe('8 of 8 answered · 6 right · chapter not marked finished');
    expect(assignmentText(assignmentResult(chapter, work(all, [['scheming', before]]), before))).toBe('Done · 8 of 8 answered · 6 right');
    expect(assignmentText(assignmentResult(chapter, work([['q1', true, before]], [['scheming', before]]), before))).toBe(
      'Chapter finished · 1 of 8 answered · 1 right',
    );
    const review: AssignmentSpec = { kind: 'review', target: '5', reviewTarget: 5, opensAt, dueAt, itemIds: [] };
    const r = assignmentResult(review, work([], [], [before, before]), before);
    expect(assignmentText(r)).toBe('2 of 5 reviews done');
  });

  it('"Late" only for work past due and unfinished; finished after the due date is done, not late', () => {
    expect(isLate({ finished: false, dueAt }, after)).toBe(true);
    expect(isLate({ finished: false, dueAt }, before)).toBe(false);
    expect(isLate({ finished: true, dueAt }, after)).toBe(false);
    expect(isLate({ finished: false, dueAt: null }, after)).toBe(false);
    const late = assignmentResult(chapter, work([['q1', true, before]]), after);
    expect(assignmentText(late)).toBe('Late · 1 of 8 answered · 1 right');
    const all = quizIds.map((id): [string, boolean, Date] => [id, true, after]);
    const doneLate = assignmentResult(chapter, work(all, [['scheming', after]]), after);
    expect(doneLate.status).toBe('done-late');
    expect(assignmentText(doneLate)).toBe('Done after the due date · 8 of 8 answered · 8 right');
    expect(assignmentText(doneLate)).not.toMatch(/\bLate\b/);
  });
});

describe('due now and later today', () => {
  const now = new Date('2026-05-10T15:00:00Z');
  const card = (due: string, introducedAt: Date | null = now) => ({ due: new Date(due), introducedAt });
  it('splits the study day into due now, later today and held back, and says it in one wording', () => {
    const cards = [
      card('2026-05-10T14:00:00Z'),
      card('2026-05-10T14:30:00Z', null),
      card('2026-05-10T14:40:00Z', null),
      card('2026-05-10T20:00:00Z'),
      card('2026-05-11T01:00:00Z'),
    ];
    const s = splitDue(cards, now, 1);
    expect([s.now.length, s.laterToday, s.heldBackNew]).toEqual([2, 1, 1]);
    expect(dueText({ now: 2, laterToday: 7, heldBackNew: 0 })).toBe('2 due now · 7 more later today');
    expect(dueText({ now: 0, laterToday: 3, heldBackNew: 0 })).toBe('Nothing due now · 3 later today');
    expect(dueText({ now: 0, laterToday: 0, heldBackNew: 0 })).toBe('Nothing due today');
    expect(dueText({ now: 1, laterToday: 1, heldBackNew: 1 })).toBe('1 due now · 1 more later today · 1 new held back by your daily limit');
  });
});

describe('item statistics threshold', () => {
  it(`gives no verdict below ${MIN_ANSWERS_FOR_STATS} answers: one wrong answer is not "Extremely difficult"`, () => {
    expect(MIN_ANSWERS_FOR_STATS).toBe(5);
    expect(facilityText(0, 1)).toBe(TOO_FEW_ANSWERS);
    expect(facilityText(0, 1)).toMatch(/too few answers/i);
    expect(discriminationText(null, 4)).toBe(TOO_FEW_ANSWERS);
    expect(enoughAnswers(4)).toBe(false);
    expect(facilityText(0, 5)).toBe('Extremely difficult');
    expect(facilityText(0.5, 12)).toBe('About right');
    expect(discriminationText(0.6, 12)).toBe('Very good');
  });
});
