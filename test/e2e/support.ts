import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

/** Opens the database of the server under test (read-only), to check what a flow really stored. */
export function e2eDb(): Database.Database {
  const port = process.env.E2E_PORT ?? '3100';
  const { databaseUrl } = JSON.parse(fs.readFileSync(path.join(os.tmpdir(), `goalpost-e2e-${port}.json`), 'utf8')) as {
    databaseUrl: string;
  };
  return new Database(databaseUrl.replace(/^file:/, ''), { readonly: true, fileMustExist: true });
}

export function countRows(table: string, where = '1=1', ...params: unknown[]): number {
  const db = e2eDb();
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE ${where}`).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}

export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

import type { Page } from '@playwright/test';

/** Clicks a form's submit button and waits for the server action's answer, so the next step sees its result. */
export async function submit(page: Page, buttonName: string | RegExp): Promise<void> {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: buttonName }).click(),
  ]);
  await page.waitForLoadState('domcontentloaded');
}
