// Idempotent demo data: safe to run on every start.
import { DEMO_ACCOUNTS, seedAccounts } from '../lib/db/seed';
import { hashPassword } from '../lib/auth/password';
import { db } from '../lib/db/client';
import { seedDemoClass } from '../lib/db/demo-class';

export async function seed(): Promise<void> {
  const created = await seedAccounts(DEMO_ACCOUNTS, hashPassword);
  if (created.length) console.log(`Seeded demo accounts: ${created.join(', ')}`);
  // A class of 30 synthetic learners owned by the demo instructor, so every instructor view has data.
  await seedDemoClass('instructor@goalpost.example', () => hashPassword('goalpost-learner'));
}

export function printDemoAccounts(): void {
  console.log('\nDemo accounts (see README):');
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(10)} ${a.email}  password: ${a.password}`);
}

if (process.argv[1]?.endsWith('seed.ts')) {
  seed()
    .then(() => printDemoAccounts())
    .finally(() => db.$disconnect());
}
