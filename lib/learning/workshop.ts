// The scenario workshop's rules, shared by the editor (browser), the actions and the pages. Pure: zod only.
// A learner's draft becomes an ordinary Scenario (scenarioSchema), so it is checked by the same rules as an
// imported set and the bank (lengths, giveaway words, evidence sentences that are substrings of the description,
// answers that fit the label), and it is graded and shown by the drill's own code.
import { z } from './zod';
import {
  FAILURE_MODES,
  GIVEAWAY,
  QUESTIONS,
  scenarioSchema,
  type Label,
  type Question,
  type QuestionAnswer,
  type Scenario,
} from './scenario-schema';
import { tokens } from './shortcut-audit';

/** How much one learner may write in one class, and how long each part may be. */
export const WORKSHOP_LIMITS = {
  /** Scenarios per learner per class, hidden ones included (hiding does not give the quota back). */
  perLearner: 5,
  title: 120,
  description: 1200,
  evidence: 600,
  rationale: 1000,
  source: 300,
} as const;

const WORKSHOP_STATUSES = ['submitted', 'revision-requested', 'hidden', 'promoted'] as const;
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number];

export const STATUS_WORDS: Record<WorkshopStatus, string> = {
  submitted: 'Submitted',
  'revision-requested': 'Revision requested',
  hidden: 'Hidden by the instructor',
  promoted: 'Promoted into a practice set',
};

const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `Keep the ${what} under ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : undefined));

const questionDraft = (q: Question) =>
  z.object({
    answer: z.enum(['yes', 'no'], { error: `Answer the question about ${QUESTION_NOUN[q]}.` }),
    evidence: z
      .string({ error: `Copy the sentence that decides ${QUESTION_NOUN[q]}.` })
      .trim()
      .min(1, `Copy the sentence of your description that decides ${QUESTION_NOUN[q]}.`)
      .max(WORKSHOP_LIMITS.evidence, `Keep the sentence under ${WORKSHOP_LIMITS.evidence} characters.`),
  });

const QUESTION_NOUN: Record<Question, string> = {
  training: 'what paid off in training',
  shift: 'whether the situation changed',
  competence: 'whether it still acted skilfully',
};

/** What the editor sends: the drill's format, minus what the class need not write (family, chapter, difficulty). */
export const workshopDraftSchema = z.object({
  title: z
    .string({ error: 'Give the scenario a title.' })
    .trim()
    .min(1, 'Give the scenario a title.')
    .max(WORKSHOP_LIMITS.title, `Keep the title under ${WORKSHOP_LIMITS.title} characters.`),
  description: z
    .string({ error: 'Write the scenario.' })
    .trim()
    .min(1, 'Write the scenario.')
    .max(WORKSHOP_LIMITS.description, `Keep the scenario under ${WORKSHOP_LIMITS.description} characters.`),
  label: z.enum(FAILURE_MODES, { error: 'Choose the failure mode you intend.' }),
  questions: z.object(
    { training: questionDraft('training'), shift: questionDraft('shift'), competence: questionDraft('competence') },
    { error: 'Answer the three questions.' },
  ),
  rationale: optionalText(WORKSHOP_LIMITS.rationale, 'explanation'),
  source: optionalText(WORKSHOP_LIMITS.source, 'source'),
});
export type WorkshopDraft = z.infer<typeof workshopDraftSchema>;

/** The stored form of the three answers (WorkshopScenario.questions). */
export type WorkshopQuestions = Record<Question, { answer: QuestionAnswer; evidence: string }>;

export interface WorkshopContent {
  id: string;
  title: string;
  description: string;
  label: Label;
  questions: WorkshopQuestions;
  rationale?: string | null;
  source?: string | null;
}

/** The id a workshop scenario has as a drill item (Attempt.itemId), and as the drill's "set" of a class. */
export const workshopItemId = (id: string) => `workshop:${id}`;
export const workshopSetId = (classId: string) => `workshop:${classId}`;
export const WORKSHOP_DOMAIN = 'class workshop';

/** A workshop scenario as a drill Scenario: graded by gradeDrill, shown by the drill, promotable into a set. */
export function workshopAsScenario(w: WorkshopContent): Scenario {
  return {
    id: `workshop-${
      w.id
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'draft'
    }`,
    title: w.title,
    description: w.description,
    domain: WORKSHOP_DOMAIN,
    label: w.label,
    questions: Object.fromEntries(
      QUESTIONS.map((q) => [q, { answer: w.questions[q].answer, evidence: w.questions[q].evidence ? [w.questions[q].evidence] : [] }]),
    ) as Scenario['questions'],
    goalPursued: 'Not stated by the author',
    rationale: w.rationale || 'Written by a learner for the class workshop; the author gave no further explanation.',
    source: w.source ? { kind: 'paper', ref: w.source } : { kind: 'constructed' },
    difficulty: 'core',
  };
}

/** Field names the editor shows errors under, from a scenarioSchema issue path. */
function draftField(path: readonly PropertyKey[]): string {
  const [first, q, part] = path.map(String);
  if (first === 'questions' && q && (QUESTIONS as readonly string[]).includes(q))
    return `questions.${q}.${part === 'evidence' ? 'evidence' : 'answer'}`;
  if (first === 'rationale' || first === 'title' || first === 'description' || first === 'label') return first;
  if (first === 'source') return 'source';
  return '_form';
}

type DraftCheck = { ok: true; draft: WorkshopDraft; scenario: Scenario } | { ok: false; fieldErrors: Record<string, string[]> };

/**
 * The content check for one draft: the form's own limits, then the scenario schema (the rules content:check applies
 * to every scenario): title and description long enough and free of giveaway words, each evidence sentence found
 * word for word in the description, each answer fitting the intended label.
 */
export function checkWorkshopDraft(input: unknown): DraftCheck {
  const fieldErrors: Record<string, string[]> = {};
  const add = (k: string, m: string) => {
    const list = (fieldErrors[k] ??= []);
    if (!list.includes(m)) list.push(m);
  };
  const parsed = workshopDraftSchema.safeParse(input);
  if (!parsed.success) {
    for (const i of parsed.error.issues) add(i.path.length ? i.path.map(String).join('.') : '_form', i.message);
    // The scenario rules for the title and story already written, so the writer sees them while the rest is open.
    const raw = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
    for (const [field, min, what] of [
      ['title', 5, 'The title'],
      ['description', 40, 'The scenario'],
    ] as const) {
      const v = typeof raw[field] === 'string' ? (raw[field] as string).trim() : '';
      if (!v || fieldErrors[field]) continue;
      if (v.length < min) add(field, `${what} must be at least ${min} characters.`);
      if (GIVEAWAY.test(v)) add(field, `${what} gives the answer away (uses a word like proxy, loophole, gaming).`);
    }
    return { ok: false, fieldErrors };
  }
  const draft = parsed.data;
  const scenario = workshopAsScenario({ ...draft, id: 'draft' });
  const checked = scenarioSchema.safeParse(scenario);
  if (!checked.success)
    for (const i of checked.error.issues) {
      const field = draftField(i.path);
      const what =
        field === 'title'
          ? 'The title'
          : field === 'description'
            ? 'The scenario'
            : field === 'rationale'
              ? 'The explanation'
              : field.endsWith('.evidence')
                ? 'This sentence'
                : field.endsWith('.answer')
                  ? 'This answer'
                  : 'The scenario';
      add(
        field,
        field.endsWith('.evidence') && /not a sentence/.test(i.message)
          ? 'This sentence is not in your scenario word for word; copy it from the text above.'
          : `${what} ${i.message}.`,
      );
    }
  return Object.keys(fieldErrors).length ? { ok: false, fieldErrors } : { ok: true, draft, scenario: checked.data! };
}

/** A word the shortcut audit finds tied to one label in the course's bank. */
export interface LabelWord {
  word: string;
  label: Label;
  items: number;
  share: number;
}

/**
 * Words of the draft that the shortcut audit ties to one label: a hint, never a refusal. A classmate who meets such
 * a word may guess the label from it rather than from the story.
 */
export function labelWordHints(text: string, words: readonly LabelWord[]): LabelWord[] {
  const mine = new Set(tokens(text));
  return words.filter((w) => mine.has(w.word));
}

// ---- The workshop as an assignment: "write N, classify M", counted toward the gradebook or not.

interface WorkshopTarget {
  write: number;
  classify: number;
  graded: boolean;
}

export const workshopTargetSchema = z.object({
  write: z.coerce
    .number({ error: 'How many scenarios should each learner write?' })
    .int('A whole number of scenarios.')
    .min(0, 'At least 0.')
    .max(WORKSHOP_LIMITS.perLearner, `At most ${WORKSHOP_LIMITS.perLearner} (the most a learner may write).`),
  classify: z.coerce
    .number({ error: 'How many should each learner classify?' })
    .int('A whole number of scenarios.')
    .min(0, 'At least 0.')
    .max(50, 'At most 50.'),
  graded: z.boolean(),
});

export function formatWorkshopTarget(t: WorkshopTarget): string {
  return `write:${t.write};classify:${t.classify};graded:${t.graded ? 1 : 0}`;
}

export function parseWorkshopTarget(target: string): WorkshopTarget {
  const m = /^write:(\d+);classify:(\d+);graded:([01])$/.exec(target);
  return m ? { write: Number(m[1]), classify: Number(m[2]), graded: m[3] === '1' } : { write: 1, classify: 0, graded: false };
}

export function workshopTargetText(t: WorkshopTarget): string {
  const parts = [
    t.write ? `write ${t.write === 1 ? 'one scenario' : `${t.write} scenarios`}` : null,
    t.classify ? `classify ${t.classify}` : null,
  ].filter(Boolean);
  return `Workshop: ${parts.join(', ') || 'take part'}${t.graded ? ' (graded)' : ''}`;
}
