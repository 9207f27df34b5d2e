// npm run content:shortcuts — the shortcut audit as JSON: can a word-count classifier, reading only what a learner
// sees before answering, tell the labels apart? Exits 1 when content:check's audit rules fail.
import path from 'node:path';
import { allowedWords, auditClassifyQuizzes, auditScenarios, auditScenariosByFamily } from '../lib/content/shortcuts';
import { loadScenarioBank } from '../lib/content/scenarios';
import { MAX_LIFT } from '../lib/learning/shortcut-audit';

const dirArg = process.argv.slice(2).find((a) => !a.startsWith('--'));
const dir = dirArg ? path.resolve(dirArg) : path.join(process.cwd(), 'content');
const allowed = allowedWords(dir);
const scenarios = loadScenarioBank(path.join(dir, 'scenarios')).scenarios;
const bank = auditScenarios(scenarios, allowed);
const byFamily = auditScenariosByFamily(scenarios, allowed);
const quizzes = auditClassifyQuizzes(dir, allowed);
const verbose = process.argv.includes('--verbose');
const view = (r: typeof bank) => (verbose ? r : { ...r, misclassified: r.misclassified.length });
console.log(
  JSON.stringify(
    {
      maxLift: MAX_LIFT,
      allowedWords: [...allowed].sort(),
      scenarioBank: view(bank),
      scenarioBankFamiliesHeldOut: view(byFamily),
      classifyQuizzes: view(quizzes),
    },
    null,
    2,
  ),
);
const failed = [bank, quizzes].some((r) => r.lift > MAX_LIFT || r.cueWords.length > 0);
process.exit(failed ? 1 : 0);
