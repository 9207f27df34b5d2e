// After `next build`: lists the SHA-256 of every inline script of every prerendered HTML page, per page, in
// .next/csp-hashes.json. proxy.ts names them in that page's Content-Security-Policy, so the reading pages are served
// as built (no per-request render for a nonce) and an injected inline script still cannot run. Fails the build if
// no page was prerendered or a page has an inline script it cannot read, since a page served without its hashes
// would not run at all. Beside each prerendered page it writes the brotli (quality 11) and gzip (level 9) copies
// that scripts/server.ts sends to browsers that accept them, so no reading page is compressed per request.
import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { CSP_MANIFEST_FILE, inlineScriptHashes, type CspManifest } from '../lib/http/csp-manifest';
import { ENCODED_SUFFIX } from '../lib/http/static-pages';

const APP = path.join('.next', 'server', 'app');

function walk(dir: string, out: string[]): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith('.html')) out.push(p);
  }
}

function routeOf(file: string): string | null {
  const rel = path
    .relative(APP, file)
    .split(path.sep)
    .join('/')
    .replace(/\.html$/, '');
  if (rel === 'index') return '/';
  if (rel === '_not-found') return '/_not-found';
  if (rel.split('/').some((part) => part.startsWith('_'))) return null; // _global-error and other framework pages
  return `/${rel}`;
}

{
  if (!fs.existsSync(APP)) {
    console.error('csp-hashes: no .next/server/app; run next build first.');
    process.exit(1);
  }
  const files: string[] = [];
  walk(APP, files);
  const manifest: CspManifest = { routes: {}, notFound: [] };
  for (const file of files.sort()) {
    const route = routeOf(file);
    if (!route) continue;
    const html = fs.readFileSync(file);
    const hashes = inlineScriptHashes(html.toString('utf8'));
    if (route === '/_not-found') {
      manifest.notFound = hashes;
      continue;
    }
    manifest.routes[route] = hashes;
    fs.writeFileSync(
      file + ENCODED_SUFFIX.br,
      brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: html.length } }),
    );
    fs.writeFileSync(file + ENCODED_SUFFIX.gzip, gzipSync(html, { level: 9 }));
  }
  if (Object.keys(manifest.routes).length === 0) {
    console.error('csp-hashes: the build prerendered no page; the reading pages are meant to be static.');
    process.exit(1);
  }
  fs.writeFileSync(CSP_MANIFEST_FILE, JSON.stringify(manifest));
  console.log(`csp-hashes: ${Object.keys(manifest.routes).length} prerendered pages → ${CSP_MANIFEST_FILE}, with brotli and gzip copies`);
}
