import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The MDX disk cache (.cache/mdx, lib/content/compile.ts) must not serve a compile made by another version of the
// pipeline: an upgraded mdx-bundler or remark plugin, or an edited plugin of ours. Each test runs in a copy of the
// parts of the checkout the compile path reads (the lockfile and the pipeline's sources), as its process.cwd(),
// and loads the compile module afresh for each "process".

const REPO = process.cwd();
const SOURCE = '# Hello\n\nA paragraph with a table:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
const STALE = 'const stale = "compiled by the previous pipeline"; return stale;';
let root: string;

function copyIn(file: string) {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.copyFileSync(path.join(REPO, file), path.join(root, file));
}

/** Changes one package's installed version in the copied lockfile (an `npm install` of another version). */
function upgrade(pkg: string, version: string) {
  const file = path.join(root, 'package-lock.json');
  const lock = JSON.parse(fs.readFileSync(file, 'utf8')) as { packages: Record<string, { version: string; integrity?: string }> };
  const entry = lock.packages[`node_modules/${pkg}`];
  if (!entry) throw new Error(`${pkg} is not in the lockfile`);
  entry.version = version;
  entry.integrity = `sha512-${pkg}-${version}`;
  fs.writeFileSync(file, JSON.stringify(lock, null, 2));
}

/** A new server process: the compile module and its in-memory caches loaded afresh. */
async function freshProcess() {
  vi.resetModules();
  return import('@/lib/content/compile');
}

/** Compiles once, then replaces what went to disk with a marker, as if an older pipeline had written it. */
async function cacheStaleCompile() {
  const { compileMdx } = await freshProcess();
  const first = await compileMdx(SOURCE);
  expect(first.code).toContain('table');
  const dir = path.join(root, '.cache', 'mdx');
  const files = fs.readdirSync(dir);
  expect(files).toHaveLength(1);
  fs.writeFileSync(path.join(dir, files[0]!), STALE);
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-mdx-cache-'));
  for (const f of ['package-lock.json', 'lib/content/compile.ts', 'lib/content/mdast.ts']) copyIn(f);
  fs.mkdirSync(path.join(root, 'content'));
  vi.spyOn(process, 'cwd').mockReturnValue(root);
});

afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('the MDX disk cache key', () => {
  it('a new process with the same pipeline is served from the disk cache (the control)', async () => {
    await cacheStaleCompile();
    const { compileMdx } = await freshProcess();
    expect((await compileMdx(SOURCE)).code).toBe(STALE);
  });

  it('after mdx-bundler is upgraded, the cached compile is not served', async () => {
    await cacheStaleCompile();
    upgrade('mdx-bundler', '10.1.2');
    const { compileMdx } = await freshProcess();
    const after = await compileMdx(SOURCE);
    expect(after.code).not.toBe(STALE);
    expect(after.code).toContain('table');
  });

  it('after a package the pipeline uses indirectly is upgraded (micromark, under remark-gfm), the cache is missed', async () => {
    await cacheStaleCompile();
    upgrade('micromark', '4.9.9');
    const { compileMdx } = await freshProcess();
    expect((await compileMdx(SOURCE)).code).not.toBe(STALE);
  });

  it('after our remark plugins change (lib/content/mdast.ts), the cache is missed', async () => {
    await cacheStaleCompile();
    fs.appendFileSync(path.join(root, 'lib/content/mdast.ts'), '\n// numbering changed\n');
    const { compileMdx } = await freshProcess();
    expect((await compileMdx(SOURCE)).code).not.toBe(STALE);
  });

  it('an upgrade of a package the pipeline does not use (zod) keeps the cache', async () => {
    await cacheStaleCompile();
    upgrade('zod', '4.99.0');
    const { compileMdx } = await freshProcess();
    expect((await compileMdx(SOURCE)).code).toBe(STALE);
  });

  it('without a lockfile, nothing is read from or written to the disk cache', async () => {
    await cacheStaleCompile();
    fs.rmSync(path.join(root, 'package-lock.json'));
    const { compileMdx } = await freshProcess();
    expect((await compileMdx(SOURCE)).code).not.toBe(STALE);
    expect(fs.readdirSync(path.join(root, '.cache', 'mdx'))).toHaveLength(1);
  });
});

describe('pipelineVersion', () => {
  it('follows the lockfile through dependencies and reads the packages the pipeline imports', async () => {
    const { importedPackages, lockfileClosure } = await import('@/lib/content/pipeline-version');
    expect(importedPackages(fs.readFileSync(path.join(REPO, 'lib/content/compile.ts'), 'utf8'))).toEqual(
      expect.arrayContaining(['mdx-bundler', 'remark-gfm', 'server-only']),
    );
    const lock = {
      packages: {
        '': {},
        'node_modules/a': { version: '1.0.0', dependencies: { b: '^1' } },
        'node_modules/a/node_modules/b': { version: '1.5.0', dependencies: { c: '^1' } },
        'node_modules/b': { version: '2.0.0' },
        'node_modules/c': { version: '1.0.0' },
        'node_modules/unrelated': { version: '9.0.0' },
      },
    };
    expect(lockfileClosure(lock, ['a', 'types-only'])).toEqual([
      'node_modules/a/node_modules/b@1.5.0 ',
      'node_modules/a@1.0.0 ',
      'node_modules/c@1.0.0 ',
      'types-only missing',
    ]);
  });
});
