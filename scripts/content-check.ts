// npm run content:check — validates the whole course and prints a JSON summary; exits 1 on any problem, listing
// each with file and line.
import path from 'node:path';
import { checkContent } from '../lib/content/check';
import { compileMdx } from '../lib/content/compile';

const dir = process.argv[2] ? path.resolve(process.argv[2]) : path.join(process.cwd(), 'content');
const result = await checkContent(dir, compileMdx);
console.log(JSON.stringify({ chapters: result.chapters, totals: result.totals, problems: result.issues.length }, null, 2));
if (result.issues.length) {
  console.error(`\n${result.issues.length} problem${result.issues.length === 1 ? '' : 's'} in the content:`);
  for (const i of result.issues) console.error(`  ${i.file}:${i.line}: ${i.message}`);
  process.exit(1);
}
console.error('\ncontent check passed');
