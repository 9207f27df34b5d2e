import { loadDotEnv } from './lib/dotenv';
import { migrate } from './lib/migrate';
import { DEFAULT_DATABASE_URL } from '../lib/db/url';

loadDotEnv();
const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
migrate(url);
console.log(`Migrations applied to ${url}`);
