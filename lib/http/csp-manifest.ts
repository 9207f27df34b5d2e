// The hashes of the inline scripts of each page prerendered at build time, written by scripts/csp-hashes.ts into
// .next/csp-hashes.json and read here by proxy.ts, which names them in that page's Content-Security-Policy.
// No 'server-only' import: proxy.ts imports this module.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface CspManifest {
  /** Pathname ('/', '/chapters/introduction') → the 'sha256-…' sources of that page's inline scripts. */
  routes: Record<string, string[]>;
  /** The prerendered 404 page's: Next serves it for any path that matches no route. */
  notFound: string[];
}

export const CSP_MANIFEST_FILE = path.join('.next', 'csp-hashes.json');

let cached: { manifest: CspManifest | null } | undefined;

/** The build's manifest, read once; null in development or when the build made none (every page then gets a nonce). */
export function cspManifest(): CspManifest | null {
  if (process.env.NODE_ENV !== 'production') return null;
  if (!cached) {
    try {
      cached = { manifest: JSON.parse(fs.readFileSync(path.join(process.cwd(), CSP_MANIFEST_FILE), 'utf8')) as CspManifest };
    } catch {
      cached = { manifest: null };
    }
  }
  return cached.manifest;
}

/** The prerendered page a request path names, if any ('/chapters/' and '/chapters' alike). */
export function prerenderedHashes(manifest: CspManifest | null, pathname: string): string[] | null {
  if (!manifest) return null;
  const key = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return manifest.routes[key] ?? null;
}

/** The sources of the inline scripts of one HTML document, in order ('sha256-<base64>'). */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    if (/\bsrc\s*=/.test(attrs)) continue;
    if (/\btype\s*=\s*"?(application\/(ld\+)?json|text\/x-)/i.test(attrs)) continue; // data, not run
    out.push(
      `sha256-${createHash('sha256')
        .update(m[2] ?? '', 'utf8')
        .digest('base64')}`,
    );
  }
  return [...new Set(out)];
}
