// The prerendered reading pages (chapters, chapter list, home, glossary), answered straight from the build the way a
// CDN would: the stored HTML with the page's hash-based Content-Security-Policy and an ETag, so a returning reader
// gets 304 and no page. Served by Next, each request went through its app router (about twice the CPU, bench:load).
//
// Two callers decide the same way through `prerenderedDocument`:
// - scripts/server.ts, the server `npm start` runs, answers a browser's request for such a page before Next sees it,
//   with the copy compressed at build time (brotli or gzip, whichever the browser takes): no render, no compression
//   per request.
// - proxy.ts does the same for anyone who runs plain `next start`; Next strips a Content-Encoding set there, so it
//   sends the uncompressed HTML and Next compresses it per request.
// Requests from Next's own router (RSC payloads, prefetches) and any non-GET go to Next. No 'server-only' import:
// proxy.ts imports this module.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { cspManifest, prerenderedHashes } from './csp-manifest';
import { contentSecurityPolicy } from './security';

const STATIC_DIR = path.join('.next', 'server', 'app');

/** The file a prerendered route's HTML was written to ('/' → index.html). */
export function htmlFileOf(route: string): string {
  return path.join(STATIC_DIR, route === '/' ? 'index.html' : `${route.slice(1)}.html`);
}

/** The compressed copies scripts/csp-hashes.ts writes beside each page after the build. */
export const ENCODED_SUFFIX = { br: '.br', gzip: '.gz' } as const;
export type Encoding = keyof typeof ENCODED_SUFFIX;

interface Representation {
  body: Buffer;
  etag: string;
}

interface StoredPage {
  identity: Representation;
  encoded: Partial<Record<Encoding, Representation>>;
}

const pages = new Map<string, StoredPage | null>();

function etagOf(html: Buffer, suffix: string): string {
  return `"${createHash('sha256').update(html).digest('base64url').slice(0, 22)}${suffix}"`;
}

function load(route: string): StoredPage | null {
  if (pages.has(route)) return pages.get(route)!;
  let page: StoredPage | null = null;
  try {
    const file = path.join(process.cwd(), htmlFileOf(route));
    const html = fs.readFileSync(file);
    page = { identity: { body: html, etag: etagOf(html, '') }, encoded: {} };
    for (const encoding of Object.keys(ENCODED_SUFFIX) as Encoding[]) {
      let body: Buffer | null = null;
      try {
        body = fs.readFileSync(file + ENCODED_SUFFIX[encoding]);
      } catch {
        // A build made by plain `next build` has no copies: gzip once here, and leave brotli out.
        if (encoding === 'gzip') body = gzipSync(html, { level: 9 });
      }
      // A distinct validator per encoding: a cache must not answer a gzip request with the brotli bytes.
      if (body) page.encoded[encoding] = { body, etag: etagOf(html, `-${encoding === 'br' ? 'br' : 'gz'}`) };
    }
  } catch {
    page = null;
  }
  pages.set(route, page);
  return page;
}

/**
 * The encoding to send for an Accept-Encoding header, among those available: brotli before gzip (smaller), none
 * when the header is absent or refuses both (q=0).
 */
export function chooseEncoding(acceptEncoding: string | null, available: readonly Encoding[]): Encoding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [rawName, ...params] = part.toLowerCase().split(';');
    const name = rawName?.trim();
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (e: Encoding) => q.get(e === 'gzip' ? 'gzip' : 'br') ?? q.get('*') ?? 0;
  let best: Encoding | null = null;
  for (const e of ['br', 'gzip'] as const) {
    if (available.includes(e) && weight(e) > 0 && (!best || weight(e) > weight(best))) best = e;
  }
  return best;
}

/** True for a browser asking for the page itself, not Next's router asking for a payload of it. */
function isDocumentRequest(method: string, header: (name: string) => string | null, search: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  for (const h of ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-router-segment-prefetch', 'next-action']) {
    if (header(h) !== null) return false;
  }
  return !/[?&]_rsc=/.test(search);
}

export interface DocumentRequest {
  method: string;
  pathname: string;
  search: string;
  /** A request header's value, or null. */
  header: (name: string) => string | null;
  https: boolean;
  /** Strict-Transport-Security value to send, if any. */
  hsts: string | null;
  /** Whether the caller can send a Content-Encoding (proxy.ts cannot). */
  canEncode: boolean;
  /** The headers every page carries (lib/http/page-headers.ts; passed in, as the browser tests import this module). */
  securityHeaders: Readonly<Record<string, string>>;
}

export interface StoredAnswer {
  status: 200 | 304;
  headers: Record<string, string>;
  /** null for 304 and HEAD. */
  body: Buffer | null;
}

/**
 * The answer for a browser's request of a prerendered page, or null when the request is not one (Next answers then):
 * another method, Next's router asking for a payload, a path with no stored page or no hashes in the build manifest.
 */
export function prerenderedDocument(req: DocumentRequest): StoredAnswer | null {
  if (!isDocumentRequest(req.method, req.header, req.search)) return null;
  const hashes = prerenderedHashes(cspManifest(), req.pathname);
  if (!hashes) return null;
  const page = load(req.pathname.length > 1 ? req.pathname.replace(/\/+$/, '') : req.pathname);
  if (!page) return null;
  const encoding = req.canEncode ? chooseEncoding(req.header('accept-encoding'), Object.keys(page.encoded) as Encoding[]) : null;
  const rep = encoding ? page.encoded[encoding]! : page.identity;
  const headers: Record<string, string> = {
    ...req.securityHeaders,
    'content-security-policy': prerenderedPolicy(hashes, req.https),
    'content-type': 'text/html; charset=utf-8',
    // Same URL, other bytes for Next's router and for other encodings: caches keep them apart.
    vary: 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, accept-encoding',
    // Browsers keep the page and ask again each time; an unchanged build answers 304 with no body.
    'cache-control': 'public, max-age=0, must-revalidate',
    etag: rep.etag,
    'x-goalpost-static': 'prerendered',
  };
  if (req.hsts) headers['strict-transport-security'] = req.hsts;
  if (encoding) headers['content-encoding'] = encoding;
  const inm = req.header('if-none-match');
  if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === rep.etag)) return { status: 304, headers, body: null };
  headers['content-length'] = String(rep.body.length);
  return { status: 200, headers, body: req.method === 'HEAD' ? null : rep.body };
}

/** A prerendered page's policy: its inline scripts by hash (no nonce: the bytes are the build's). */
export function prerenderedPolicy(hashes: readonly string[], https: boolean): string {
  return contentSecurityPolicy({ hashes }, { dev: process.env.NODE_ENV === 'development', https });
}
