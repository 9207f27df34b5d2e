import { loadDotEnv } from './lib/dotenv';
import { migrate } from './lib/migrate';
import { DEFAULT_DATABASE_URL, redactUrl } from '../lib/db/url';

loadDotEnv();
const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
await migrate(url);
console.log(`Migrations applied to ${redactUrl(url)}`);
