// Formatting is checked, not only configured (issue 18, item 6): `npm run lint` and `npm test` run `prettier
// --check .`, which fails on a source file in the tree that is not formatted, and passes once it is. The file is
// written into the tree for the length of the test, so the project's own .prettierrc.json and .prettierignore apply.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const prettier = path.join(root, 'node_modules', '.bin', 'prettier');
const written: string[] = [];

afterEach(() => {
  for (const file of written.splice(0)) fs.rmSync(file, { force: true });
});

function writeTemp(relative: string, source: string): string {
  const file = path.join(root, relative);
  if (fs.existsSync(file)) throw new Error(`${relative} exists; the test will not overwrite it`);
  written.push(file);
  fs.writeFileSync(file, source);
  return file;
}

const check = (...files: string[]) => spawnSync(prettier, ['--check', ...files], { cwd: root, encoding: 'utf8' });

describe('the format check', { timeout: 60_000 }, () => {
  it('fails on an unformatted file in lib/, names it, and passes once prettier has formatted it', () => {
    const file = writeTemp(
      'lib/learning/__tmp_unformatted.ts',
      'export   const  shares = ( n:number )=>{ return [ n ,n*2 ] }\nexport const label = "double quotes";\n',
    );
    const before = check(file);
    expect(before.status).not.toBe(0);
    expect(before.stdout + before.stderr).toContain('__tmp_unformatted.ts');

    expect(spawnSync(prettier, ['--write', file], { cwd: root }).status).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(
      "export const shares = (n: number) => {\n  return [n, n * 2];\n};\nexport const label = 'double quotes';\n",
    );
    expect(check(file).status).toBe(0);
  });

  it('checks React components and the package scripts call it', () => {
    const file = writeTemp('components/ui/__tmp_unformatted.tsx', 'export function X(){return <p   className="a">x</p>}\n');
    expect(check(file).status).not.toBe(0);
    const scripts = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.lint).toContain('prettier --check .');
    expect(fs.readFileSync(path.join(root, 'scripts/test-all.ts'), 'utf8')).toMatch(/bin\('prettier'\), args: \['--check', '\.'\]/);
  });
});
