import 'server-only';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// The MDX compile pipeline's own version, part of every compile's cache key (lib/content/compile.ts). What a chapter
// compiles to depends on more than its source: on our remark plugins and on the installed mdx-bundler, esbuild,
// remark-gfm and everything they pull in. A key of the source alone would keep serving a compile made by the old
// pipeline from .cache/mdx after any of those changed. Read from the checkout the app runs in (process.cwd(), like
// the cache folder itself), once per process.

/** The files whose code decides what a chapter compiles to. Literal paths, so the build traces these files only. */
function pipelineSources(root: string): [file: string, source: string][] {
  return [
    ['lib/content/compile.ts', fs.readFileSync(path.join(root, 'lib', 'content', 'compile.ts'), 'utf8')],
    ['lib/content/mdast.ts', fs.readFileSync(path.join(root, 'lib', 'content', 'mdast.ts'), 'utf8')],
  ];
}

interface LockEntry {
  version?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** The packages a source file imports by name (`mdx-bundler`, `@scope/pkg`), without node: built-ins or `@/` paths. */
export function importedPackages(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/^\s*(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm)) {
    const spec = (m[1] ?? m[2])!;
    if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('@/') || spec.startsWith('node:')) continue;
    const parts = spec.split('/');
    names.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
  }
  return [...names].sort();
}

/** Where npm put package `name` for the package installed at `from` ('' for the project): node's lookup, upwards. */
function resolveIn(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return undefined;
    const i = base.lastIndexOf('/node_modules/');
    base = i >= 0 ? base.slice(0, i) : '';
  }
}

/**
 * One line per installed package the roots depend on, directly or not ("node_modules/x@1.2.3 sha512-…"), from a
 * package-lock.json (v2 or v3). A root missing from the lockfile (a types-only import such as `mdast`) is listed
 * as missing, so the result is still a function of the lockfile.
 */
export function lockfileClosure(lock: { packages?: Record<string, LockEntry> }, roots: string[]): string[] {
  const packages = lock.packages ?? {};
  const seen = new Set<string>();
  const lines: string[] = [];
  const visit = (from: string, name: string) => {
    const at = resolveIn(packages, from, name);
    if (!at) {
      if (from === '') lines.push(`${name} missing`);
      return;
    }
    if (seen.has(at)) return;
    seen.add(at);
    const entry = packages[at]!;
    lines.push(`${at}@${entry.version ?? ''} ${entry.integrity ?? ''}`);
    for (const deps of [entry.dependencies, entry.optionalDependencies, entry.peerDependencies]) {
      for (const dep of Object.keys(deps ?? {})) visit(at, dep);
    }
  };
  for (const root of roots) visit('', root);
  return lines.sort();
}

function compute(root: string): string | null {
  let lockText: string;
  try {
    lockText = fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8');
  } catch {
    // Without a lockfile nothing says which packages made a cached compile, so the disk cache is not used.
    return null;
  }
  const hash = createHash('sha256');
  const roots = new Set<string>();
  for (const [file, source] of pipelineSources(root)) {
    hash.update(file).update('\0').update(source).update('\0');
    for (const name of importedPackages(source)) roots.add(name);
  }
  const lock = JSON.parse(lockText) as { packages?: Record<string, LockEntry> };
  // A lockfile without a packages map (npm 6's v1) cannot be walked: then all of it counts.
  const closure = lock.packages ? lockfileClosure(lock, [...roots].sort()) : [lockText];
  for (const line of closure) hash.update(line).update('\n');
  return hash.digest('hex').slice(0, 16);
}

const versions = new Map<string, string | null>();

/** The pipeline's version for the checkout at `root`, or null when it has no package-lock.json (no disk cache). */
export function pipelineVersion(root = process.cwd()): string | null {
  if (!versions.has(root)) versions.set(root, compute(root));
  return versions.get(root)!;
}
