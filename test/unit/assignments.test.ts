import { describe, expect, it } from 'vitest';
import { assignmentResult, type AssignmentSpec, type LearnerWork } from '../../lib/learning/assignments';

const opensAt = new Date('2026-03-01T00:00:00Z');
const dueAt = new Date('2026-03-08T00:00:00Z');
const before = new Date('2026-03-05T00:00:00Z');
const after = new Date('2026-03-10T00:00:00Z');
const chapter: AssignmentSpec = { kind: 'chapter', target: 'scheming', chapter: 'scheming', opensAt, dueAt, itemIds: ['q1', 'q2'] };
const work = (attempts: [string, boolean, Date][], completed: [string, Date][] = [], reviews: Date[] = []): LearnerWork => ({
  firstAttempts: new Map(attempts.map(([id, correct, at]) => [id, { correct, at }])),
  completedChapters: new Map(completed),
  reviewTimes: reviews,
});

describe('assignment status', () => {
  it('not started, in progress, done on time', () => {
    expect(assignmentResult(chapter, work([]), before).status).toBe('not-started');
    expect(assignmentResult(chapter, work([['q1', true, before]]), before)).toMatchObject({ status: 'in-progress', score: 1 });
    const done = assignmentResult(
      chapter,
      work(
        [
          ['q1', true, before],
          ['q2', false, before],
        ],
        [['scheming', before]],
      ),
      after,
    );
    expect(done).toMatchObject({ status: 'done', score: 0.5, progress: 1 });
  });

  it('late when not finished by the due date; done late when finished after it', () => {
    expect(assignmentResult(chapter, work([['q1', true, before]]), after).status).toBe('late');
    expect(
      assignmentResult(
        chapter,
        work(
          [
            ['q1', true, before],
            ['q2', true, after],
          ],
          [['scheming', after]],
        ),
        after,
      ).status,
    ).toBe('done-late');
  });

  it('a chapter needs reading (marked complete) as well as its quiz', () => {
    expect(
      assignmentResult(
        chapter,
        work([
          ['q1', true, before],
          ['q2', true, before],
        ]),
        before,
      ).status,
    ).toBe('in-progress');
  });

  it('review targets count reviews after the assignment opens', () => {
    const spec: AssignmentSpec = { kind: 'review', target: '3', reviewTarget: 3, opensAt, dueAt, itemIds: [] };
    const early = new Date('2026-02-20T00:00:00Z');
    expect(assignmentResult(spec, work([], [], [early, before, before]), before)).toMatchObject({ status: 'in-progress', progress: 2 / 3 });
    expect(assignmentResult(spec, work([], [], [before, before, before]), before).status).toBe('done');
  });
});
