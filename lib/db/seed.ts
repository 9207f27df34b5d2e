import 'server-only';
import { db } from './client';
import { isUniqueViolation } from './users';

export interface SeedAccount {
  name: string;
  email: string;
  password: string;
  role: 'learner' | 'instructor';
}

export const DEMO_ACCOUNTS: SeedAccount[] = [
  { name: 'Demo Learner', email: 'learner@goalpost.example', password: 'goalpost-learner', role: 'learner' },
  { name: 'Demo Instructor', email: 'instructor@goalpost.example', password: 'goalpost-instructor', role: 'instructor' },
];

/** Creates each account that does not exist yet; existing accounts (and their passwords) are left alone. */
export async function seedAccounts(accounts: SeedAccount[], hash: (pw: string) => Promise<string>): Promise<string[]> {
  const created: string[] = [];
  for (const a of accounts) {
    const exists = await db.user.findUnique({ where: { email: a.email }, select: { id: true } });
    if (exists) continue;
    try {
      await db.user.create({ data: { name: a.name, email: a.email, role: a.role, passwordHash: await hash(a.password) } });
      created.push(a.email);
    } catch (e) {
      // Two servers starting together on one PostgreSQL database both seed; the other one created it first.
      if (!isUniqueViolation(e)) throw e;
    }
  }
  return created;
}
