import { describe, expect, it } from 'vitest';
import { chooseEncoding } from '@/lib/http/static-pages';

// Which stored copy of a reading page a browser gets (scripts/server.ts): what it accepts, brotli before gzip.
describe('chooseEncoding', () => {
  const both = ['br', 'gzip'] as const;

  it('sends brotli to a browser that accepts it, as every current browser does', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd', both)).toBe('br');
  });

  it('sends gzip to a client that accepts only gzip, and to one that prefers it by weight', () => {
    expect(chooseEncoding('gzip', both)).toBe('gzip');
    expect(chooseEncoding('br;q=0.5, gzip;q=0.9', both)).toBe('gzip');
  });

  it('sends the uncompressed page when the header is missing or refuses both', () => {
    expect(chooseEncoding(null, both)).toBeNull();
    expect(chooseEncoding('identity', both)).toBeNull();
    expect(chooseEncoding('br;q=0, gzip;q=0', both)).toBeNull();
    expect(chooseEncoding('*;q=0', both)).toBeNull();
  });

  it('reads a wildcard and ignores case and spaces', () => {
    expect(chooseEncoding('*', both)).toBe('br');
    expect(chooseEncoding(' GZIP ; q=1 ', both)).toBe('gzip');
    expect(chooseEncoding('*, br;q=0', both)).toBe('gzip');
  });

  it('only offers copies that exist (a build made by plain `next build` has no brotli copy)', () => {
    expect(chooseEncoding('gzip, deflate, br', ['gzip'])).toBe('gzip');
    expect(chooseEncoding('br', ['gzip'])).toBeNull();
  });
});
