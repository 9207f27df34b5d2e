import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Everything that changes what `next build` produces. A build is stale when this hash differs from the one
// recorded after the last successful build.
const INPUTS = [
  'app',
  'components',
  'lib',
  'content',
  'public',
  'proxy.ts',
  'next.config.mjs',
  'package-lock.json',
  'tsconfig.json',
  'prisma/schema.prisma',
  'scripts/csp-hashes.ts',
];
const SKIP = new Set(['node_modules', '.next', 'generated', 'generated-pg', 'data']);
const STAMP = path.join('.next', 'goalpost-build.json');

function walk(p: string, out: string[]): void {
  if (!fs.existsSync(p)) return;
  const st = fs.statSync(p);
  if (st.isFile()) {
    out.push(p);
    return;
  }
  for (const e of fs.readdirSync(p).sort()) if (!SKIP.has(e)) walk(path.join(p, e), out);
}

function sourceHash(root = process.cwd()): string {
  const files: string[] = [];
  for (const i of INPUTS) walk(path.join(root, i), files);
  const h = createHash('sha256');
  for (const f of files) {
    h.update(path.relative(root, f));
    h.update(fs.readFileSync(f));
  }
  return h.digest('hex');
}

export function buildIsFresh(root = process.cwd()): boolean {
  const stamp = path.join(root, STAMP);
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID')) || !fs.existsSync(stamp)) return false;
  try {
    return JSON.parse(fs.readFileSync(stamp, 'utf8')).hash === sourceHash(root);
  } catch {
    return false;
  }
}

export function recordBuild(root = process.cwd()): void {
  fs.writeFileSync(path.join(root, STAMP), JSON.stringify({ hash: sourceHash(root), at: new Date().toISOString() }));
}
