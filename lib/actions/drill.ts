'use server';
import { z } from 'zod';
import { getScenario } from '../content/bank';
import { citationOf } from '../content/course';
import type { Scenario } from '../content/scenarios';
import { recordAttempt } from '../db/attempts';
import { getSettings } from '../db/settings';
import { now } from '../clock';
import { createScenarioSet, deleteScenarioSet, getOwnScenarioSet, getUsableScenarioSet, updateScenarioSet } from '../db/scenario-sets';
import { QUESTION_TEXT, gradeDrill, type DrillResult } from '../learning/classify';
import { labelSchema } from '../learning/failure-modes';
import { MAX_IMPORT_ROWS, parseScenarioImport, type ImportError } from '../learning/scenario-import';
import { auditImportedSet, type ImportAudit } from '../learning/shortcut-audit';
import { ActionError, defineAction, type ActionResult } from './safe-action';
import { idempotencyKeySchema } from './schemas';
import { guestGradingBudget } from '../answers/guest-budget';
import { workshopScenarioToAnswer } from '../db/workshop';

const yesNo = (question: string) => z.enum(['yes', 'no'], { error: `Answer the question: ${question}` });

const drillAnswerSchema = z.object({
  scenarioId: z.string().min(1).max(120),
  setId: z.string().min(1).max(40).nullable().default(null),
  label: labelSchema,
  answers: z.object(
    {
      training: yesNo(QUESTION_TEXT.training),
      shift: yesNo(QUESTION_TEXT.shift),
      competence: yesNo(QUESTION_TEXT.competence),
    },
    { error: 'Answer the three questions before the label.' },
  ),
  confident: z.boolean({ error: 'Say whether you are sure or unsure.' }),
  durationMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 60 * 60 * 1000)
    .nullable()
    .default(null),
  idempotencyKey: idempotencyKeySchema,
});

/** The grade and, now that the learner has answered, the whole case: its label, answers, evidence and notes. */
export interface DrillFeedbackResult extends DrillResult {
  scenario: Scenario;
  /** The paper behind the case, sent with the grade (a source can hint at the label before answering). */
  cited?: { citation: string; url: string };
  /** A workshop scenario's author, named only now that the classmate has answered. */
  author?: string;
}

const citedFor = (s: Scenario) => (s.source.kind === 'paper' ? citationOf(s.source.ref) : undefined);

export interface DrillAnswerResult extends DrillFeedbackResult {
  firstAttempt: boolean;
  duplicate: boolean;
}

async function findScenario(
  userId: string,
  scenarioId: string,
  setId: string | null,
): Promise<{ scenario: Scenario; itemId: string; classId?: string; author?: string }> {
  if (setId?.startsWith('workshop:')) {
    // A classmate's workshop scenario: only for a learner of that class, never their own, never a hidden one.
    const classId = setId.slice('workshop:'.length);
    const found = await workshopScenarioToAnswer(userId, classId, scenarioId);
    if (!found)
      throw new ActionError('That workshop scenario was not found in your class (it may have been hidden), or it is your own.', 404);
    return { ...found, classId };
  }
  if (!setId) {
    const scenario = getScenario(scenarioId);
    if (!scenario) throw new ActionError('That scenario no longer exists. Reload the page for the current set.', 404);
    return { scenario, itemId: scenario.id };
  }
  const set = await getUsableScenarioSet(userId, setId);
  const scenario = set?.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) throw new ActionError('That scenario set was not found, or it is not shared with you.', 404);
  return { scenario, itemId: `set:${setId}:${scenario.id}` };
}

const runSubmitDrill = defineAction(drillAnswerSchema, { auth: 'user' }, async (input, { user }): Promise<DrillAnswerResult> => {
  const { scenario, itemId, classId, author } = await findScenario(user.id, input.scenarioId, input.setId);
  const result = gradeDrill(scenario, { label: input.label, answers: input.answers });
  const { attempt, duplicate } = await recordAttempt(user.id, {
    idempotencyKey: input.idempotencyKey,
    itemKind: 'scenario',
    itemId,
    chapter: scenario.chapter ?? null,
    response: { label: input.label, answers: input.answers, wrong: result.wrongQuestions, truth: scenario.label },
    correct: result.correct,
    confident: input.confident,
    durationMs: input.durationMs,
    createdAt: await now(),
    classId: classId ?? null,
    // A scenario card stands for its concept (the failure mode), so a review can show another scenario of it.
    // A classmate's workshop scenario is the class's reading exercise, not course material: no review card.
    ...(classId
      ? {}
      : { schedule: { concept: scenario.contested ? null : scenario.label, retention: (await getSettings(user.id)).desiredRetention } }),
  });
  return {
    ...result,
    scenario,
    cited: classId ? undefined : citedFor(scenario),
    ...(author ? { author } : {}),
    correct: attempt.correct,
    firstAttempt: attempt.firstAttempt,
    duplicate,
  };
});

/** Grades and stores one classifier-drill answer for the signed-in learner, exactly once per idempotency key. */
export async function submitDrillAnswer(input: unknown): Promise<ActionResult<DrillAnswerResult>> {
  return runSubmitDrill(input);
}

const runGradeDrillAsGuest = defineAction(
  drillAnswerSchema.pick({ scenarioId: true, label: true, answers: true }),
  { auth: 'public' },
  async (input): Promise<DrillFeedbackResult> => {
    const scenario = getScenario(input.scenarioId);
    if (!scenario) throw new ActionError('That scenario no longer exists. Reload the page for the current set.', 404);
    await guestGradingBudget();
    return { ...gradeDrill(scenario, { label: input.label, answers: input.answers }), scenario, cited: citedFor(scenario) };
  },
);

/** Grades a guest's drill answer on a bank scenario without storing anything (the guest keeps it in their browser). */
export async function gradeDrillAsGuest(input: unknown): Promise<ActionResult<DrillFeedbackResult>> {
  return runGradeDrillAsGuest(input);
}

const MAX_IMPORT_BYTES = 1024 * 1024;
const importSchema = z.object({
  title: z
    .string({ error: 'Give the set a title.' })
    .trim()
    .min(1, 'Give the set a title.')
    .max(120, 'Keep the title under 120 characters.'),
  format: z.enum(['json', 'csv'], { error: 'Choose JSON or CSV.' }),
  text: z
    .string({ error: 'Choose a file or paste the scenarios.' })
    .min(2, 'Choose a file or paste the scenarios.')
    .max(MAX_IMPORT_BYTES, 'The file is over 1 MB; split it into smaller sets.'),
});

export interface ImportOutcome {
  setId: string | null;
  imported: number;
  rejected: ImportError[];
  /** The shortcut audit of the imported set: warnings for the author, never a reason to refuse the set. */
  audit?: ImportAudit;
}

const runImport = defineAction(
  importSchema,
  { auth: 'user' },
  async ({ title, format, text }, { user }): Promise<ActionResult<ImportOutcome>> => {
    const { scenarios, errors } = parseScenarioImport(text, format);
    if (scenarios.length === 0) {
      return {
        ok: false,
        status: 422,
        message:
          errors[0]?.row === 0
            ? errors[0].message
            : 'No scenario in the file is valid, so nothing was imported. Fix the rows listed below and try again.',
        // Every problem, however many: the author fixes the file once (issue 15).
        data: { setId: null, imported: 0, rejected: errors },
      };
    }
    const set = await createScenarioSet(user.id, title, scenarios);
    return { ok: true, data: { setId: set.id, imported: scenarios.length, rejected: errors, audit: auditImportedSet(scenarios) } };
  },
);

/** Imports a scenario set (JSON or CSV text, at most 1 MB and MAX_IMPORT_ROWS rows); valid rows kept, invalid reported. */
async function importScenarioSet(input: unknown): Promise<ActionResult<ImportOutcome>> {
  if (input instanceof FormData) {
    const file = input.get('file');
    const text =
      file instanceof File && file.size > 0
        ? file.size > MAX_IMPORT_BYTES
          ? 'x'.repeat(MAX_IMPORT_BYTES + 1)
          : await file.text()
        : input.get('text');
    const format = input.get('format') ?? (file instanceof File && file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'json');
    return runImport({ title: input.get('title'), format, text });
  }
  return runImport(input);
}

export async function importScenarioSetForm(_prev: ActionResult<ImportOutcome> | null, formData: FormData) {
  return importScenarioSet(formData);
}

const runDelete = defineAction(z.object({ setId: z.string().min(1).max(40) }), { auth: 'user' }, async ({ setId }, { user }) => {
  if (!(await deleteScenarioSet(user.id, setId))) throw new ActionError('That set was not found, or it is not yours.', 404);
  return { deleted: true };
});

export async function deleteScenarioSetAction(input: unknown): Promise<ActionResult<{ deleted: boolean }>> {
  return runDelete(input);
}

// ---- Changing a set in place: rename, add rows, remove rows, replace from a new file (the set keeps its id) ----

const setIdSchema = z.string({ error: 'Choose a set.' }).regex(/^[a-z0-9]{10,40}$/, 'Choose one of your sets.');
const setTitleSchema = importSchema.shape.title;

const runRename = defineAction(
  z.object({ setId: setIdSchema, title: setTitleSchema }),
  { auth: 'user' },
  async ({ setId, title }, { user }) => {
    if (!(await updateScenarioSet(user.id, setId, { title }))) throw new ActionError('That set was not found, or it is not yours.', 404);
    return { title };
  },
);

/** Renames one of your sets. */
export async function renameScenarioSetAction(input: unknown): Promise<ActionResult<{ title: string }>> {
  return runRename(input);
}

const runRemoveScenarios = defineAction(
  z.object({
    setId: setIdSchema,
    scenarioIds: z
      .array(z.string().min(1).max(120), { error: 'Choose the scenarios to remove.' })
      .min(1, 'Choose at least one scenario to remove.')
      .max(MAX_IMPORT_ROWS),
  }),
  { auth: 'user' },
  async ({ setId, scenarioIds }, { user }) => {
    const set = await getOwnScenarioSet(user.id, setId);
    if (!set) throw new ActionError('That set was not found, or it is not yours.', 404);
    const drop = new Set(scenarioIds);
    const unknown = scenarioIds.filter((id) => !set.scenarios.some((s) => s.id === id));
    if (unknown.length) throw new ActionError(`These scenarios are not in the set: ${unknown.slice(0, 5).join(', ')}.`, 400);
    const kept = set.scenarios.filter((s) => !drop.has(s.id));
    if (kept.length === 0) throw new ActionError('A set keeps at least one scenario; delete the set instead.', 400);
    await updateScenarioSet(user.id, setId, { scenarios: kept });
    return { removed: set.scenarios.length - kept.length, count: kept.length };
  },
);

/** Removes some scenarios from one of your sets (answers already given to them stay in the records). */
export async function removeScenariosAction(input: unknown): Promise<ActionResult<{ removed: number; count: number }>> {
  return runRemoveScenarios(input);
}

const changeSchema = z.object({
  setId: setIdSchema,
  mode: z.enum(['append', 'replace'], { error: 'Choose whether to add the rows or replace the set.' }),
  format: importSchema.shape.format,
  text: importSchema.shape.text,
});

const runChange = defineAction(
  changeSchema,
  { auth: 'user' },
  async ({ setId, mode, format, text }, { user }): Promise<ActionResult<ImportOutcome>> => {
    const set = await getOwnScenarioSet(user.id, setId);
    if (!set) throw new ActionError('That set was not found, or it is not yours.', 404);
    const { scenarios, errors } = parseScenarioImport(text, format);
    let next = scenarios;
    const rejected = [...errors];
    if (mode === 'append') {
      const have = new Set(set.scenarios.map((s) => s.id));
      next = [];
      scenarios.forEach((s) => {
        if (have.has(s.id))
          rejected.push({
            row: 0,
            id: s.id,
            field: 'id',
            message: `the id "${s.id}" is already in this set; remove it first or replace the set`,
          });
        else next.push(s);
      });
      if (set.scenarios.length + next.length > MAX_IMPORT_ROWS)
        return {
          ok: false,
          status: 422,
          message: `A set can hold at most ${MAX_IMPORT_ROWS} scenarios; this would make ${set.scenarios.length + next.length}.`,
          data: { setId, imported: 0, rejected },
        };
    }
    if (next.length === 0) {
      return {
        ok: false,
        status: 422,
        message:
          rejected[0]?.row === 0 && !rejected[0].id
            ? rejected[0].message
            : 'No row of the file could be used, so the set was not changed. Fix the rows listed below and try again.',
        data: { setId, imported: 0, rejected },
      };
    }
    const all = mode === 'append' ? [...set.scenarios, ...next] : next;
    await updateScenarioSet(user.id, setId, { scenarios: all });
    return { ok: true, data: { setId, imported: next.length, rejected, audit: auditImportedSet(all) } };
  },
);

/** Adds a file's rows to one of your sets, or replaces its scenarios with them; the set keeps its id and title. */
export async function changeScenarioSetForm(
  _prev: ActionResult<ImportOutcome> | null,
  formData: FormData,
): Promise<ActionResult<ImportOutcome>> {
  // A malformed request may bring no form at all: it is validated (and refused) like any other input.
  if (!(formData instanceof FormData)) return runChange(formData);
  const file = formData.get('file');
  const text =
    file instanceof File && file.size > 0
      ? file.size > MAX_IMPORT_BYTES
        ? 'x'.repeat(MAX_IMPORT_BYTES + 1)
        : await file.text()
      : formData.get('text');
  const format = formData.get('format') ?? (file instanceof File && file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'json');
  return runChange({ setId: formData.get('setId'), mode: formData.get('mode'), format, text });
}
