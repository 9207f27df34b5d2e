// Runs the shortcut audit (lib/learning/shortcut-audit.ts) over the scenario bank and over the chapters'
// `classify` quizzes, with the words AUTHORING.md allows as evidence.
import fs from 'node:fs';
import path from 'node:path';
import { allowedWordsFrom, shortcutAudit, type AuditResult } from '../learning/shortcut-audit';
import { analyzeChapter } from './analyze';
import { CLASSIFY_CHOICES } from './registry-names';
import { FAILURE_MODES } from '../learning/failure-modes';
import type { Scenario } from './scenarios';

export function allowedWords(contentDir: string): Set<string> {
  const file = path.join(contentDir, 'AUTHORING.md');
  return fs.existsSync(file) ? allowedWordsFrom(fs.readFileSync(file, 'utf8')) : new Set();
}

/** Leave-one-out over the bank, as a learner meets it: any case, with every other case's label known. */
export function auditScenarios(scenarios: Scenario[], allowed: ReadonlySet<string>): AuditResult {
  return shortcutAudit(
    scenarios.map((s) => ({ id: s.id, label: s.label, text: `${s.title}. ${s.description}` })),
    allowed,
  );
}

/**
 * The stricter reading: a whole family is held out at a time. Siblings share their setting's words across labels, so
 * in plain leave-one-out they pull the guess away from a case's label and make wording look less telling than it is;
 * held out together, only words that carry across settings can help.
 */
export function auditScenariosByFamily(scenarios: Scenario[], allowed: ReadonlySet<string>): AuditResult {
  return shortcutAudit(
    scenarios.map((s) => ({ id: s.id, label: s.label, text: `${s.title}. ${s.description}`, group: s.family })),
    allowed,
  );
}

/** The chapters' classify quizzes: the prompt is what the learner reads, the correct choice is the label. */
function classifyQuizItems(contentDir: string): { id: string; label: string; text: string }[] {
  const chaptersDir = path.join(contentDir, 'chapters');
  if (!fs.existsSync(chaptersDir)) return [];
  return fs
    .readdirSync(chaptersDir)
    .sort()
    .flatMap((folder) => {
      const file = path.join(chaptersDir, folder, 'index.mdx');
      if (!fs.existsSync(file)) return [];
      const a = analyzeChapter(fs.readFileSync(file, 'utf8'), folder.replace(/^\d{2}-/, ''), file);
      return a.quizzes
        .filter((q) => q.kind === 'classify')
        .flatMap((q) => {
          const i = q.choices.findIndex((c) => c.correct);
          const label = FAILURE_MODES[CLASSIFY_CHOICES.indexOf(q.choices[i]?.text ?? '')];
          return label ? [{ id: q.id, label, text: q.prompt }] : [];
        });
    });
}

export function auditClassifyQuizzes(contentDir: string, allowed: ReadonlySet<string>): AuditResult {
  return shortcutAudit(classifyQuizItems(contentDir), allowed);
}

let labelWordsCache: { word: string; label: string; items: number; share: number }[] | null = null;

/**
 * The words the audit ties most to one label in the course's bank (in at least 3 scenarios, 70% or more of them one
 * label, not listed as legitimate evidence): the workshop editor flags them as hints. Computed once per process;
 * the bank only changes with a deployment.
 */
export function bankLabelWords(bank: Scenario[], contentDir = path.join(process.cwd(), 'content')): { word: string; label: string; items: number; share: number }[] {
  labelWordsCache ??= auditScenarios(bank, allowedWords(contentDir))
    .topWords.filter((w) => w.share >= 0.7 && !w.allowed)
    .map(({ word, label, items, share }) => ({ word, label, items, share }));
  return labelWordsCache;
}
