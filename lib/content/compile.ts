import 'server-only';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { bundleMDX } from 'mdx-bundler';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import { numberCitations, numberFigures, slugHeadings } from './mdast';
import type { ChapterSource } from './chapters';

// Bump to invalidate every cached compile when the pipeline (plugins, registry contract) changes.
export const MDX_CACHE_BREAKER = 'v1';

const CACHE_DIR = path.join(process.cwd(), '.cache', 'mdx');

function remarkGoalpost() {
  return (tree: Root) => {
    slugHeadings(tree);
    numberCitations(tree);
    numberFigures(tree);
  };
}

export interface CompiledChapter {
  code: string;
  hash: string;
}

const memory = new Map<string, Promise<CompiledChapter>>();
// esbuild is memory-hungry: compile one chapter at a time, queueing the rest.
let queue: Promise<unknown> = Promise.resolve();

export function contentHash(source: string): string {
  return createHash('sha256').update(MDX_CACHE_BREAKER).update('\0').update(source).digest('hex').slice(0, 32);
}

async function compileNow(source: string, hash: string): Promise<CompiledChapter> {
  const cached = path.join(CACHE_DIR, `${hash}.js`);
  if (fs.existsSync(cached)) return { code: fs.readFileSync(cached, 'utf8'), hash };
  const result = await bundleMDX({
    source,
    cwd: path.join(process.cwd(), 'content'),
    mdxOptions(options) {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm, remarkGoalpost];
      return options;
    },
  });
  if (result.errors.length) throw new Error(result.errors.map((e) => e.text).join('\n'));
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  fs.writeFileSync(cached, result.code);
  return { code: result.code, hash };
}

/** The one compile path for chapter MDX: cached by content hash (in memory and on disk), one compile at a time. */
export function compileMdx(source: string): Promise<CompiledChapter> {
  const hash = contentHash(source);
  let p = memory.get(hash);
  if (!p) {
    p = queue.then(() => compileNow(source, hash));
    queue = p.catch(() => undefined);
    memory.set(hash, p);
    p.catch(() => memory.delete(hash));
  }
  return p;
}

export function compileChapter(chapter: ChapterSource): Promise<CompiledChapter> {
  return compileMdx(fs.readFileSync(chapter.file, 'utf8'));
}
