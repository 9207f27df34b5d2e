// The layers are enforced by the linter (issue 18, item 5): a file that breaks one, written into the tree for the
// length of a test, is an error under the project's own eslint.config.mjs, run through ESLint's Node API.
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const written: string[] = [];

afterEach(() => {
  for (const file of written.splice(0)) fs.rmSync(file, { force: true });
});

/** Writes `source` to `relative` (a name no real file has), lints it, and returns the rules that failed, with their lines. */
async function lintAt(relative: string, source: string): Promise<string[]> {
  const file = path.join(root, relative);
  if (fs.existsSync(file)) throw new Error(`${relative} exists; the test will not overwrite it`);
  written.push(file);
  fs.writeFileSync(file, source);
  const [result] = await new ESLint({ cwd: root }).lintFiles([file]);
  return result!.messages.map((m) => `${m.line}:${m.ruleId ?? m.message}`);
}

describe('the layer rules', { timeout: 120_000 }, () => {
  it('refuse I/O in lib/learning: the database client, the content loader, Node built-ins and Next', async () => {
    const errors = await lintAt(
      'lib/learning/__tmp_violation.ts',
      [
        "import { db } from '@/lib/db/client';",
        "import { getCourse } from '../content/course';",
        "import fs from 'node:fs';",
        "import { cookies } from 'next/headers';",
        "import { gradeQuiz } from './grading';",
        'export const used = [db, getCourse, fs, cookies, gradeQuiz];',
        '',
      ].join('\n'),
    );
    expect(errors).toContain('1:import/no-restricted-paths');
    expect(errors).toContain('2:import/no-restricted-paths');
    expect(errors).toContain('3:no-restricted-imports');
    expect(errors).toContain('4:no-restricted-imports');
    // The pure neighbour on line 5 is allowed.
    expect(errors.filter((e) => e.startsWith('5:'))).toEqual([]);
  });

  it('keep app -> components -> lib, the database client in lib/db, transactions in lib/db/client.ts, and capabilities in lib/auth', async () => {
    const fromComponents = await lintAt(
      'components/teach/__tmp_violation.ts',
      [
        "import TeachPage from '@/app/teach/page';",
        "import { listScenarioSets } from '@/lib/db/scenario-sets';",
        'export const used = [TeachPage, listScenarioSets];',
        '',
      ].join('\n'),
    );
    expect(fromComponents).toEqual(['1:import/no-restricted-paths']);

    const fromLib = await lintAt(
      'lib/actions/__tmp_violation.ts',
      [
        "import { RosterTable } from '@/components/teach/roster-table';",
        "import { db } from '../db/client';",
        "import { grantClass } from '../auth/capability';",
        'export const used = [RosterTable, grantClass];',
        'export const write = () => db.$transaction(async () => 1);',
        '',
      ].join('\n'),
    );
    expect(fromLib).toEqual([
      '1:import/no-restricted-paths',
      '2:import/no-restricted-paths',
      '3:no-restricted-imports',
      '5:no-restricted-syntax',
    ]);
  });

  it("send components and lib/learning to lib/learning/zod, never to 'zod' itself (the browser's eval probe breaks the pages' policy)", async () => {
    const component = await lintAt(
      'components/ui/__tmp_violation.ts',
      ["import { z } from 'zod';", 'export const s = z.string();', ''].join('\n'),
    );
    expect(component).toContain('1:no-restricted-imports');
    const learning = await lintAt(
      'lib/learning/__tmp_violation.ts',
      ["import { z } from 'zod';", 'export const s = z.string();', ''].join('\n'),
    );
    expect(learning).toContain('1:no-restricted-imports');
    const wrapped = await lintAt(
      'components/ui/__tmp_allowed.ts',
      ["import { z } from '@/lib/learning/zod';", 'export const s = z.string();', ''].join('\n'),
    );
    expect(wrapped).toEqual([]);
  });

  it('let the same imports through where the layers allow them', async () => {
    const inDb = await lintAt(
      'lib/db/__tmp_allowed.ts',
      [
        "import { db, transaction } from './client';",
        "import { gradeQuiz } from '../learning/grading';",
        'export const used = [db, transaction, gradeQuiz];',
        '',
      ].join('\n'),
    );
    expect(inDb).toEqual([]);
  });
});
