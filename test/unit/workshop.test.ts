import { describe, expect, it } from 'vitest';
import { assignmentResult, assignmentText } from '../../lib/learning/assignments';
import {
  checkWorkshopDraft,
  formatWorkshopTarget,
  labelWordHints,
  parseWorkshopTarget,
  workshopAsScenario,
  workshopTargetText,
} from '../../lib/learning/workshop';

const S = [
  'A cleaning robot was rewarded whenever its camera saw no dirt.',
  'It learned to face a blank wall while the floor stayed dirty.',
  'It moved about the rooms with smooth, well-planned turns.',
];
const good = {
  title: 'The kitchen robot',
  description: S.join(' '),
  label: 'specification-gaming',
  questions: {
    training: { answer: 'yes', evidence: S[0] },
    shift: { answer: 'no', evidence: S[1] },
    competence: { answer: 'yes', evidence: S[2] },
  },
};

describe('the workshop editor’s checks (the rules content:check applies)', () => {
  it('passes a draft that meets them, and makes it a drill scenario', () => {
    const r = checkWorkshopDraft(good);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.scenario).toMatchObject({ label: 'specification-gaming', domain: 'class workshop', source: { kind: 'constructed' } });
      expect(r.scenario.questions.training.evidence).toEqual([S[0]]);
    }
  });

  it('flags an evidence sentence that is not in the text word for word, under that question', () => {
    const r = checkWorkshopDraft({ ...good, questions: { ...good.questions, shift: { answer: 'no', evidence: 'It looked at a wall.' } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors['questions.shift.evidence']?.[0]).toMatch(/not in your scenario word for word/);
  });

  it('flags a giveaway word, a short text, and answers that do not fit the intended label', () => {
    const r = checkWorkshopDraft({ ...good, title: 'A loophole robot', label: 'goal-misgeneralization' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.fieldErrors.title?.[0]).toMatch(/gives the answer away/);
      expect(r.fieldErrors['questions.training.answer']?.[0]).toMatch(/goal-misgeneralization case answers "no"/);
    }
    const short = checkWorkshopDraft({ ...good, description: 'Too short.', questions: { ...good.questions } });
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.fieldErrors.description?.[0]).toMatch(/at least 40 characters/);
  });

  it('requires a sentence for every question and a label', () => {
    const r = checkWorkshopDraft({ ...good, label: '', questions: { ...good.questions, competence: { answer: 'yes', evidence: '' } } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(Object.keys(r.fieldErrors)).toContain('label');
      expect(Object.keys(r.fieldErrors)).toContain('questions.competence.evidence');
    }
  });

  it('a source is kept as text (a paper reference), never as a link', () => {
    const s = workshopAsScenario({
      id: 'abc',
      ...good,
      label: 'specification-gaming',
      questions: {
        training: { answer: 'yes', evidence: S[0]! },
        shift: { answer: 'no', evidence: S[1]! },
        competence: { answer: 'yes', evidence: S[2]! },
      },
      source: '<a href="https://evil.example">x</a>',
    });
    expect(s.source).toEqual({ kind: 'paper', ref: '<a href="https://evil.example">x</a>' });
    expect(s.id).toBe('workshop-abc');
  });

  it('hints at words the shortcut audit ties to a label', () => {
    const words = [
      { word: 'rewarded', label: 'specification-gaming' as const, items: 9, share: 0.9 },
      { word: 'deployed', label: 'goal-misgeneralization' as const, items: 8, share: 0.8 },
    ];
    expect(labelWordHints(good.description, words).map((w) => w.word)).toEqual(['rewarded']);
  });
});

describe('a workshop assignment', () => {
  const t = (d: string) => new Date(`2026-03-0${d}T12:00:00Z`);
  const spec = (graded: boolean) => ({
    kind: 'workshop' as const,
    target: formatWorkshopTarget({ write: 1, classify: 2, graded }),
    opensAt: t('1'),
    dueAt: t('5'),
    classId: 'c1',
    workshop: { write: 1, classify: 2, graded },
    itemIds: ['workshop:a', 'workshop:b', 'workshop:mine'],
  });
  const work = {
    firstAttempts: new Map([
      ['workshop:a', { correct: true, at: t('2') }],
      ['workshop:b', { correct: false, at: t('3') }],
    ]),
    completedChapters: new Map(),
    reviewTimes: [],
    workshopWritten: new Map([['c1', [t('2')]]]),
    ownWorkshopItems: new Set(['workshop:mine']),
  };

  it('reads and writes its target', () => {
    expect(parseWorkshopTarget(formatWorkshopTarget({ write: 2, classify: 5, graded: true }))).toEqual({
      write: 2,
      classify: 5,
      graded: true,
    });
    expect(workshopTargetText({ write: 1, classify: 5, graded: false })).toBe('Workshop: write one scenario, classify 5');
  });

  it('is done when the learner wrote N and classified M; ungraded, it has no score', () => {
    const r = assignmentResult(spec(false), work, t('6'));
    expect([r.status, r.score, r.progress]).toEqual(['done', null, 1]);
    expect(assignmentText(r)).toBe('Done · 1 of 1 written · 2 of 2 classified');
  });

  it('graded, its score is the share of classifications that matched the author', () => {
    const r = assignmentResult(spec(true), work, t('6'));
    expect(r.score).toBe(0.5);
    expect(assignmentText(r)).toBe('Done · 1 of 1 written · 2 of 2 classified · 1 agreed with the author');
  });

  it('asks for no more than classmates wrote, and never counts the learner’s own', () => {
    const r = assignmentResult(
      { ...spec(false), workshop: { write: 1, classify: 5, graded: false } },
      { ...work, workshopWritten: new Map() },
      t('4'),
    );
    expect(r.workshop).toEqual({ written: 0, write: 1, classified: 2, classify: 2 });
    expect(r.status).toBe('in-progress');
  });
});
