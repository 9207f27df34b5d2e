// The prerendered reading pages (chapters, chapter list, home, glossary), answered by proxy.ts straight from the
// build the way a CDN would: the stored HTML with the page's hash-based Content-Security-Policy and an ETag, so a
// returning reader gets 304 and no page. Served by Next, each request went through its app router (about twice the
// CPU, bench:load). Next still compresses the answer for browsers that accept gzip (it strips a Content-Encoding
// set here, so a precompressed copy cannot be sent from a proxy or route; behind nginx, `gzip_static` can). Requests
// from Next's own router (RSC payloads, prefetches) and any non-GET go to Next. No 'server-only' import: proxy.ts
// imports this module.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const STATIC_DIR = path.join('.next', 'server', 'app');

/** The file a prerendered route's HTML was written to ('/' → index.html). */
export function htmlFileOf(route: string): string {
  return path.join(STATIC_DIR, route === '/' ? 'index.html' : `${route.slice(1)}.html`);
}

interface StoredPage {
  html: Buffer;
  etag: string;
}

const pages = new Map<string, StoredPage | null>();

function load(route: string): StoredPage | null {
  if (pages.has(route)) return pages.get(route)!;
  let page: StoredPage | null = null;
  try {
    const file = path.join(process.cwd(), htmlFileOf(route));
    const html = fs.readFileSync(file);
    page = { html, etag: `"${createHash('sha256').update(html).digest('base64url').slice(0, 22)}"` };
  } catch {
    page = null;
  }
  pages.set(route, page);
  return page;
}

/** True for a browser asking for the page itself, not Next's router asking for a payload of it. */
export function isDocumentRequest(method: string, headers: Headers, search: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  for (const h of ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-router-segment-prefetch', 'next-action']) {
    if (headers.has(h)) return false;
  }
  return !/[?&]_rsc=/.test(search);
}

/**
 * The response for a prerendered page, or null when the route has no stored page (Next answers then). `headers`
 * are the policy and security headers proxy.ts adds to every page.
 */
export function storedPageResponse(route: string, request: { method: string; headers: Headers }, headers: Record<string, string>): Response | null {
  const page = load(route);
  if (!page) return null;
  const out = new Headers(headers);
  out.set('content-type', 'text/html; charset=utf-8');
  // Same URL, other bytes for Next's router (and, once Next compresses, other encodings): caches keep them apart.
  out.set('vary', 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, accept-encoding');
  // Browsers keep the page and ask again each time; an unchanged build answers 304 with no body.
  out.set('cache-control', 'public, max-age=0, must-revalidate');
  out.set('etag', page.etag);
  out.set('x-goalpost-static', 'prerendered');
  const inm = request.headers.get('if-none-match');
  if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === page.etag)) return new Response(null, { status: 304, headers: out });
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(page.html), { status: 200, headers: out });
}
