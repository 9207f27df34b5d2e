import 'server-only';
import fs from 'node:fs';
import { analyzeChapter, type ChapterAnalysis, type QuizInfo } from './analyze';
import { listChapters, type ChapterMeta } from './chapters';
import { loadGlossary, loadReferences, shortAuthors, type GlossaryEntry, type Reference } from './references';

export interface Course {
  chapters: ChapterMeta[];
  analyses: Map<string, ChapterAnalysis>;
  quizzes: Map<string, QuizInfo>;
  references: Map<string, Reference>;
  glossary: Map<string, GlossaryEntry>;
}

let course: Course | undefined;

/** Everything the server needs to know about the course text, read once per process. */
export function getCourse(): Course {
  if (course) return course;
  const chapters = listChapters();
  const analyses = new Map<string, ChapterAnalysis>();
  const quizzes = new Map<string, QuizInfo>();
  for (const c of chapters) {
    const a = analyzeChapter(fs.readFileSync(c.file, 'utf8'), c.slug, c.file);
    analyses.set(c.slug, a);
    for (const q of a.quizzes) quizzes.set(q.id, q);
  }
  course = { chapters, analyses, quizzes, references: loadReferences().references, glossary: loadGlossary().glossary };
  return course;
}

export function getQuiz(id: string): QuizInfo | undefined {
  return getCourse().quizzes.get(id);
}

export function getReference(id: string): Reference | undefined {
  return getCourse().references.get(id);
}

/** A short citation and link for a reference key ("Langosco et al. (2022), Goal misgeneralization in …"). */
export function citationOf(id: string): { citation: string; url: string } | undefined {
  const r = getReference(id);
  return r ? { citation: `${shortAuthors(r.authors)} (${r.year}), ${r.title}`, url: r.url } : undefined;
}

export function getGlossaryEntry(id: string): GlossaryEntry | undefined {
  return getCourse().glossary.get(id);
}
