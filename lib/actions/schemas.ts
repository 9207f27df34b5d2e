import { z } from 'zod';

// Schemas shared by several actions. ('use server' modules may export only async functions.)
export const idempotencyKeySchema = z
  .string({ error: 'Missing request key; reload the page and try again.' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'Malformed request key; reload the page and try again.');

/** The "Become an instructor" form: one box the learner ticks to say they mean it. */
export const becomeInstructorSchema = z.object({
  confirm: z.literal('yes', { error: 'Tick the box to confirm that you want to run classes.' }),
});
