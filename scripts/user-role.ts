// npm run user:role -- <email> <learner|instructor>
import { z } from 'zod';
import { loadDotEnv } from './lib/dotenv';

loadDotEnv();
const parsed = z
  .tuple([
    z.email({ error: 'The first argument must be an email address.' }),
    z.enum(['learner', 'instructor'], { error: 'The role must be learner or instructor.' }),
  ])
  .safeParse(process.argv.slice(2, 4));
if (!parsed.success) {
  console.error(`Usage: npm run user:role -- <email> <learner|instructor>\n${parsed.error.issues.map((i) => i.message).join('\n')}`);
  process.exit(2);
}
const [email, role] = parsed.data;
const { setUserRole } = await import('../lib/db/users');
const user = await setUserRole(email.toLowerCase(), role);
if (!user) {
  console.error(`No account with the email ${email}. Check the spelling, or sign up first.`);
  process.exit(1);
}
console.log(`${user.email} is now ${role === 'instructor' ? 'an instructor' : 'a learner'}. Their existing sessions have ended.`);
