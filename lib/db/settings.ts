import 'server-only';
import { z } from 'zod';
import { db } from './client';
import { fastSqlite } from './fast-sqlite';
import { pgFast, pgRows } from './pg-fast';
import { DEFAULT_NEW_PER_DAY, DEFAULT_RETENTION, MAX_RETENTION, MIN_RETENTION } from '../learning/srs';

export const settingsSchema = z.object({
  desiredRetention: z
    .number({ error: 'Desired retention must be a number.' })
    .min(MIN_RETENTION, `Desired retention must be between ${MIN_RETENTION} and ${MAX_RETENTION}.`)
    .max(MAX_RETENTION, `Desired retention must be between ${MIN_RETENTION} and ${MAX_RETENTION}.`)
    .default(DEFAULT_RETENTION),
  newCardsPerDay: z
    .number({ error: 'The daily limit must be a whole number.' })
    .int('The daily limit must be a whole number.')
    .min(0, 'The daily limit must be between 0 and 200.')
    .max(200, 'The daily limit must be between 0 and 200.')
    .default(DEFAULT_NEW_PER_DAY),
});

export type LearnerSettings = z.infer<typeof settingsSchema>;

export async function getSettings(userId: string): Promise<LearnerSettings> {
  const fast = fastSqlite();
  const pg = fast ? null : pgFast();
  const row = fast
    ? (fast.stmt('SELECT settings FROM "User" WHERE id = ?').get(userId) as { settings: string } | undefined)
    : pg
      ? (await pgRows<{ settings: string }>(pg, 'goalpost_settings_by_user', 'SELECT settings FROM "User" WHERE id = $1', [userId]))[0]
      : await db.user.findUnique({ where: { id: userId }, select: { settings: true } });
  let raw: unknown = {};
  try {
    raw = JSON.parse(row?.settings ?? '{}');
  } catch {
    raw = {};
  }
  const parsed = settingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : settingsSchema.parse({});
}

export async function updateSettings(userId: string, settings: LearnerSettings): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { settings: JSON.stringify(settingsSchema.parse(settings)) } });
}
