import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { frontmatterSchema, type Frontmatter } from './frontmatter';
import { countWords, readingMinutes } from './words';

const CONTENT_DIR = path.join(process.cwd(), 'content');
const CHAPTERS_DIR = path.join(CONTENT_DIR, 'chapters');

export interface ChapterMeta extends Frontmatter {
  slug: string;
  folder: string;
  file: string;
  words: number;
  readingMinutes: number;
}

export interface ChapterSource extends ChapterMeta {
  body: string;
  /** 1-based line of the first body line in the file, for error messages. */
  bodyLine: number;
}

const FOLDER = /^(\d{2})-([a-z0-9-]+)$/;

export function splitFrontmatter(raw: string): { data: unknown; body: string; bodyLine: number } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(raw);
  if (!m) return { data: undefined, body: raw, bodyLine: 1 };
  return { data: parseYaml(m[1]!), body: raw.slice(m[0].length), bodyLine: m[0].split('\n').length };
}

export function readChapterFile(folder: string): ChapterSource {
  const match = FOLDER.exec(folder);
  if (!match) throw new Error(`content/chapters/${folder}: folder must be named NN-slug`);
  const file = path.join(CHAPTERS_DIR, folder, 'index.mdx');
  const raw = fs.readFileSync(file, 'utf8');
  const { data, body, bodyLine } = splitFrontmatter(raw);
  const fm = frontmatterSchema.safeParse(data);
  if (!fm.success) {
    const issues = fm.error.issues.map((i) => `${i.path.join('.') || 'frontmatter'}: ${i.message}`).join('; ');
    throw new Error(`${path.relative(process.cwd(), file)}:1: invalid frontmatter: ${issues}`);
  }
  const words = countWords(body);
  return { ...fm.data, slug: match[2]!, folder, file, words, readingMinutes: readingMinutes(words), body, bodyLine };
}

export function chapterFolders(): string[] {
  if (!fs.existsSync(CHAPTERS_DIR)) return [];
  return fs
    .readdirSync(CHAPTERS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && FOLDER.test(d.name) && fs.existsSync(path.join(CHAPTERS_DIR, d.name, 'index.mdx')))
    .map((d) => d.name)
    .sort();
}

export function listChapters(): ChapterMeta[] {
  return chapterFolders().map((f) => {
    const { body, bodyLine, ...meta } = readChapterFile(f);
    return meta;
  });
}

export function getChapter(slug: string): ChapterSource | null {
  const folder = chapterFolders().find((f) => f.replace(FOLDER, '$2') === slug);
  return folder ? readChapterFile(folder) : null;
}
