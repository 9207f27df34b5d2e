import 'server-only';
import { PrismaAdapter } from '@auth/prisma-adapter';
import { db } from './client';

/** Auth.js's store for OAuth accounts, on our client: lib/db is the only door to Prisma, Auth.js included. */
export const authAdapter = () => PrismaAdapter(db);
