// Derives prisma/postgres/schema.prisma from prisma/schema.prisma (part of npm run db:generate and of
// npm run db:new-migration). See scripts/lib/postgres-schema.ts.
import { POSTGRES_SCHEMA, writePostgresSchema } from './lib/postgres-schema';

if (writePostgresSchema()) console.log(`Wrote ${POSTGRES_SCHEMA} from prisma/schema.prisma.`);
