'use server';
import { z } from 'zod';
import { getOwnScenarioSet, updateScenarioSet } from '../db/scenario-sets';
import {
  createWorkshopScenario,
  moderateWorkshopScenario,
  reviseWorkshopScenario,
  WorkshopLimitError,
  workshopScenarioForInstructor,
} from '../db/workshop';
import { MAX_IMPORT_ROWS } from '../learning/scenario-import';
import { checkWorkshopDraft, workshopAsScenario, workshopDraftSchema } from '../learning/workshop';
import { ActionError, defineAction, type ActionResult } from './safe-action';

const id = (what: string) => z.string({ error: `Choose ${what}.` }).regex(/^[a-z0-9]{10,40}$/, `Choose ${what}.`);

const submitSchema = workshopDraftSchema.extend({
  classId: id('a class'),
  /** Given: revise that scenario of yours; null: a new one. */
  scenarioId: id('one of your scenarios').nullable().default(null),
});

const runSubmit = defineAction(
  submitSchema,
  { auth: 'user' },
  async ({ classId, scenarioId, ...rest }, { user }): Promise<ActionResult<{ scenarioId: string }>> => {
    // The same checks as the editor shows and content:check applies: lengths, giveaway words, evidence sentences.
    const checked = checkWorkshopDraft(rest);
    if (!checked.ok)
      return {
        ok: false,
        status: 422,
        message: 'Some parts of the scenario need another look; see the notes under them.',
        fieldErrors: checked.fieldErrors,
      };
    if (scenarioId) {
      if (!(await reviseWorkshopScenario(user.id, classId, scenarioId, checked.draft)))
        throw new ActionError(
          'That scenario was not found among yours in this class, or it can no longer be changed (hidden or promoted).',
          404,
        );
      return { ok: true, data: { scenarioId } };
    }
    try {
      const row = await createWorkshopScenario(user.id, classId, checked.draft);
      if (!row) throw new ActionError('You are not in that class (or it was archived), so you cannot write for its workshop.', 404);
      return { ok: true, data: { scenarioId: row.id } };
    } catch (e) {
      if (e instanceof WorkshopLimitError) throw new ActionError(`${e.message} Revise one of them instead.`, 409);
      throw e;
    }
  },
);

/** A learner submits (or revises) a scenario for their class's workshop; classmates then classify it blind. */
export async function submitWorkshopScenario(input: unknown): Promise<ActionResult<{ scenarioId: string }>> {
  return runSubmit(input);
}

const moderateSchema = z.object({
  classId: id('a class'),
  scenarioId: id('a submission'),
  /** Left out: the status stays as it is (a comment on a promoted scenario keeps it promoted). */
  status: z.enum(['submitted', 'revision-requested', 'hidden'], { error: 'Choose accept, ask for a revision, or hide.' }).optional(),
  comment: z
    .string({ error: 'Write a comment, or leave it empty.' })
    .trim()
    .max(1000, 'Keep the comment under 1,000 characters.')
    .nullable()
    .default(null),
});

const runModerate = defineAction(moderateSchema, { auth: 'class' }, async ({ scenarioId, status, comment }, { cls }) => {
  if (!(await moderateWorkshopScenario(cls, scenarioId, { ...(status ? { status } : {}), comment: comment || null })))
    throw new ActionError('That submission was not found in this class.', 404);
  return { status: status ?? 'unchanged' };
});

/** The instructor comments on a submission and accepts it, asks for a revision, or hides it from the class. */
export async function moderateWorkshopAction(input: unknown): Promise<ActionResult<{ status: string }>> {
  return runModerate(input);
}

const promoteSchema = z.object({ classId: id('a class'), scenarioId: id('a submission'), setId: id('one of your scenario sets') });

const runPromote = defineAction(promoteSchema, { auth: 'class' }, async ({ scenarioId, setId }, { cls }) => {
  const row = await workshopScenarioForInstructor(cls, scenarioId);
  if (!row) throw new ActionError('That submission was not found in this class.', 404);
  const set = await getOwnScenarioSet(cls.userId, setId);
  if (!set)
    throw new ActionError(
      'That scenario set was not found among yours. Import a set first (Practice → Import), then promote into it.',
      404,
    );
  const scenario = workshopAsScenario(row);
  if (set.scenarios.some((s) => s.id === scenario.id)) throw new ActionError(`“${row.title}” is already in “${set.title}”.`, 409);
  if (set.scenarios.length >= MAX_IMPORT_ROWS)
    throw new ActionError(`“${set.title}” already holds ${MAX_IMPORT_ROWS} scenarios, the most a set may.`, 409);
  await updateScenarioSet(cls.userId, setId, { scenarios: [...set.scenarios, scenario] });
  await moderateWorkshopScenario(cls, scenarioId, { status: 'promoted', promotedTo: `${setId}:${scenario.id}` });
  return { setId, setTitle: set.title };
});

/** The instructor adds a submission to one of their imported sets; from then on it serves like any other scenario. */
export async function promoteWorkshopAction(input: unknown): Promise<ActionResult<{ setId: string; setTitle: string }>> {
  return runPromote(input);
}
