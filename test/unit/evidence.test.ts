import { describe, expect, it } from 'vitest';
import { markEvidence, type Segment } from '../../lib/learning/evidence';

const A = 'An autonomous campus shuttle was trained to stop where passengers request.';
const B = 'On the training routes every stop had a sign.';
const C = 'At a new stop without a sign, it drove past and pulled in at the next signed stop.';
const TEXT = `${A} ${B} ${C}`;

const marked = (segs: Segment[]) => segs.filter((s) => s.questions.length).map((s) => [s.text, s.questions]);

describe('evidence highlighting', () => {
  it('marks the evidence sentence of a question and leaves the rest plain, with no text lost', () => {
    const segs = markEvidence(TEXT, [{ question: 'shift', evidence: [B] }]);
    expect(segs).toEqual([
      { text: `${A} `, questions: [] },
      { text: B, questions: ['shift'] },
      { text: ` ${C}`, questions: [] },
    ]);
    expect(segs.map((s) => s.text).join('')).toBe(TEXT);
  });

  it('marks every sentence of each question, each as its own run (the space between stays plain)', () => {
    const segs = markEvidence(TEXT, [
      { question: 'training', evidence: [A] },
      { question: 'shift', evidence: [B, C] },
    ]);
    expect(marked(segs)).toEqual([
      [A, ['training']],
      [B, ['shift']],
      [C, ['shift']],
    ]);
    expect(segs.map((s) => s.text).join('')).toBe(TEXT);
  });

  it('a sentence that decides two questions is one run naming both', () => {
    const segs = markEvidence(TEXT, [
      { question: 'training', evidence: [C] },
      { question: 'competence', evidence: [C] },
    ]);
    expect(marked(segs)).toEqual([[C, ['training', 'competence']]]);
  });

  it('overlapping evidence splits into runs that name exactly the questions each part decides', () => {
    const part = 'it drove past';
    const segs = markEvidence(TEXT, [
      { question: 'shift', evidence: [C] },
      { question: 'competence', evidence: [part] },
    ]);
    expect(marked(segs)).toEqual([
      ['At a new stop without a sign, ', ['shift']],
      [part, ['shift', 'competence']],
      [' and pulled in at the next signed stop.', ['shift']],
    ]);
  });

  it('evidence that is not in the text (or empty) marks nothing; no marks gives the plain text', () => {
    expect(markEvidence(TEXT, [{ question: 'training', evidence: ['It was trained on a different campus.', ''] }])).toEqual([
      { text: TEXT, questions: [] },
    ]);
    expect(markEvidence(TEXT, [])).toEqual([{ text: TEXT, questions: [] }]);
    expect(markEvidence('', [{ question: 'shift', evidence: [B] }])).toEqual([]);
  });
});
