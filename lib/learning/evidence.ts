// Splits a scenario's description into runs of text, marking the runs that are evidence for given questions, so the
// feedback can highlight the sentence that decides each question the learner got wrong. Pure.
import type { Question } from './scenario-schema';

export interface Segment {
  text: string;
  /** The questions this run is evidence for (empty: plain text). */
  questions: Question[];
}

export function markEvidence(description: string, marks: readonly { question: Question; evidence: readonly string[] }[]): Segment[] {
  const owners: Question[][] = Array.from({ length: description.length }, () => []);
  for (const { question, evidence } of marks)
    for (const sentence of evidence) {
      const at = sentence ? description.indexOf(sentence) : -1;
      if (at < 0) continue;
      for (let i = at; i < at + sentence.length; i++) if (!owners[i]!.includes(question)) owners[i]!.push(question);
    }
  const segments: Segment[] = [];
  for (let i = 0; i < description.length; i++) {
    const qs = owners[i]!;
    const last = segments[segments.length - 1];
    if (last && last.questions.join() === qs.join()) last.text += description[i];
    else segments.push({ text: description[i]!, questions: [...qs] });
  }
  return segments;
}
