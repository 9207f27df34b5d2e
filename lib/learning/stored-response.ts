// What an attempt's `response` holds, read in one place with one zod schema: the server's JSON column, the CSV
// export, the class views and a guest's browser store all call these, so an odd row reads the same everywhere.
// Quiz: { selected: [option indices] }. Drill: { label, answers, wrong, truth }; sets answered before the questions
// were redesigned stored { label, axes } instead.
import { z } from './zod';
import { isLabel, type Label } from './failure-modes';
import { QUESTIONS, type Question, type QuestionAnswer } from './scenario-schema';

/** Options are at most ten (A to J); anything else in a stored list is dropped, not trusted. */
const optionIndex = z.number().int().min(0).max(9);
const yesNo = z.enum(['yes', 'no']);
const drop = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const storedSchema = z.object({
  selected: drop(z.array(z.unknown()).transform((xs) => xs.filter((x): x is number => optionIndex.safeParse(x).success))),
  label: drop(z.string().refine(isLabel)),
  answers: drop(z.object({ training: yesNo, shift: yesNo, competence: yesNo })),
  wrong: drop(z.array(z.unknown()).transform((xs) => xs.filter((x): x is Question => (QUESTIONS as readonly unknown[]).includes(x)))),
  truth: drop(z.string().refine(isLabel)),
  axes: drop(z.record(z.string(), z.string())),
});

type Stored = z.infer<typeof storedSchema>;

/** What every stored answer records, whoever keeps it: the server, a guest's browser, the demo class's seed. */
export interface AnswerRecord {
  itemKind: 'quiz' | 'scenario';
  itemId: string;
  chapter: string | null;
  /** The learner's choices, as parsed by this file. */
  response: unknown;
  correct: boolean;
  confident: boolean;
  durationMs: number | null;
}

/** A stored response as the database keeps it (JSON text) or as a guest's browser keeps it (the object itself). */
export type RawResponse = string | unknown;

function read(raw: RawResponse): Stored | null {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return null;
    }
  }
  const parsed = storedSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The options a quiz answer selected; empty when unreadable. */
export function parseQuizResponse(raw: RawResponse): { selected: number[] } {
  return { selected: read(raw)?.selected ?? [] };
}

/** The stored response of a drill attempt: the label, each question's answer, and the case's label at the time. */
export interface StoredDrillResponse {
  label: Label;
  answers?: Record<Question, QuestionAnswer>;
  wrong?: Question[];
  truth?: Label;
}

/** Reads a stored drill response (also those stored before the questions were redesigned); null without a valid label. */
export function parseDrillResponse(raw: RawResponse): StoredDrillResponse | null {
  const r = read(raw);
  if (!r?.label) return null;
  return { label: r.label as Label, answers: r.answers, wrong: r.wrong, truth: r.truth as Label | undefined };
}

/** Selected options as letters: [0, 2] is "A+C". */
export const optionLetters = (selected: number[]): string => selected.map((i) => String.fromCharCode(65 + i)).join('+');

/** A stored response in words: quiz options as letters (A+C); a drill answer as its label and the three answers. */
export function responseText(itemKind: string, raw: RawResponse): string {
  if (itemKind === 'quiz') return optionLetters(parseQuizResponse(raw).selected);
  const r = read(raw);
  if (!r) return '';
  const parts = r.answers
    ? QUESTIONS.map((k) => `${k}=${r.answers![k]}`)
    : r.axes
      ? ['signal', 'capability', 'goal'].map((k) => `${k}=${r.axes![k] ?? ''}`)
      : [];
  return [r.label ?? '', ...parts].join('; ');
}
