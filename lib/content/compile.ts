import 'server-only';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { bundleMDX } from 'mdx-bundler';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import { numberCitations, numberFigures, slugHeadings } from './mdast';
import { pipelineVersion } from './pipeline-version';
import type { ChapterSource } from './chapters';

// The key of a compile is the source, the pipeline's version (our plugins' code and the lockfile's entries for the
// packages they use: lib/content/pipeline-version.ts) and this constant: bump it for a change neither shows, such
// as a new contract with the component registry.
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

function contentHash(source: string, pipeline: string | null): string {
  const h = createHash('sha256').update(MDX_CACHE_BREAKER).update('\0').update(pipeline ?? 'no-lockfile').update('\0');
  return h.update(source).digest('hex').slice(0, 32);
}

async function compileNow(source: string, hash: string, onDisk: boolean): Promise<CompiledChapter> {
  const cached = path.join(CACHE_DIR, `${hash}.js`);
  if (onDisk && fs.existsSync(cached)) return { code: fs.readFileSync(cached, 'utf8'), hash };
  const result = await bundleMDX({
    source,
    cwd: path.join(process.cwd(), 'content'),
    mdxOptions(options) {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm, remarkGoalpost];
      return options;
    },
  });
  if (result.errors.length) throw new Error(result.errors.map((e) => e.text).join('\n'));
  if (onDisk) {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    fs.writeFileSync(cached, result.code);
  }
  return { code: result.code, hash };
}

/**
 * The one compile path for chapter MDX: cached by content hash and pipeline version (in memory, and on disk when the
 * checkout has a lockfile to tell the pipeline's version), one compile at a time.
 */
export function compileMdx(source: string): Promise<CompiledChapter> {
  const pipeline = pipelineVersion();
  const hash = contentHash(source, pipeline);
  let p = memory.get(hash);
  if (!p) {
    p = queue.then(() => compileNow(source, hash, pipeline !== null));
    queue = p.catch(() => undefined);
    memory.set(hash, p);
    p.catch(() => memory.delete(hash));
  }
  return p;
}

export function compileChapter(chapter: ChapterSource): Promise<CompiledChapter> {
  return compileMdx(fs.readFileSync(chapter.file, 'utf8'));
}
