import path from 'node:path';

export const DEFAULT_DATABASE_URL = 'file:./data/goalpost.db';

export type StoreKind = 'sqlite' | 'postgres';

export function storeKind(url: string): StoreKind {
  return /^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'sqlite';
}

/** Absolute path of a `file:` SQLite URL, resolved against the project root (cwd), not prisma/. */
export function resolveSqliteFile(url: string): string {
  const raw = url.replace(/^file:/, '').split('?')[0] ?? '';
  if (raw === ':memory:') return raw;
  return path.isAbsolute(raw) ? raw : path.resolve(process.cwd(), raw);
}

/** `url` fit for a log line: a PostgreSQL password is replaced by ***. */
export function redactUrl(url: string): string {
  if (storeKind(url) !== 'postgres') return url;
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//***@');
  }
}
