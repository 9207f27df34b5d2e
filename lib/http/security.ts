// Request checks shared by proxy.ts (every request) and the route handlers that defend themselves too.
// No 'server-only' import: proxy.ts imports this module.

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isUnsafeMethod(method: string): boolean {
  return UNSAFE_METHODS.has(method.toUpperCase());
}

/**
 * True when a request comes from another site: the browser says so (Sec-Fetch-Site: cross-site or same-site
 * from a sibling subdomain), or its Origin header is present and is not this server's own origin ("null"
 * included). Requests with neither header (curl, server-to-server) are not browser-borne CSRF and pass.
 */
export function isCrossSite(headers: Headers): boolean {
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return true;
  const origin = headers.get('origin');
  if (origin === null) return false;
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
  if (!host) return true;
  try {
    return new URL(origin).host.toLowerCase() !== host.toLowerCase();
  } catch {
    return true;
  }
}

export const CROSS_SITE_MESSAGE =
  'This request came from another website, so it was refused and nothing was changed. Open Goalpost itself and try again there.';

/** A fresh, unguessable nonce for one response's scripts (128 bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** Where OAuth sign-in forms may lead (a form's redirect chain is checked against form-action). */
function oauthFormTargets(env: NodeJS.ProcessEnv): string[] {
  const out: string[] = [];
  if (env.AUTH_GITHUB_ID) out.push('https://github.com');
  if (env.AUTH_GOOGLE_ID) out.push('https://accounts.google.com');
  return out;
}

/**
 * The Content-Security-Policy for an HTML page. Inline scripts run only when they carry this response's nonce
 * (pages rendered per request) or when their SHA-256 is listed (reading pages prerendered at build time, whose
 * inline scripts are the same bytes for every reader; scripts/csp-hashes.ts lists them after the build). Script
 * files come from this origin only ('self'): it serves only the build's own files and the theme script, and every
 * other response carries X-Content-Type-Options: nosniff, so nothing else here can be loaded as a script. That is
 * why there is no 'strict-dynamic': with it, files would need a nonce or a hash too, and a browser matches a hash
 * against a file (through its integrity attribute) only in Chromium, so Firefox and Safari would refuse the chunks
 * of a prerendered page. Styles allow inline style attributes, which React sets for a few computed widths and
 * colours (a nonce cannot cover attributes).
 */
export function contentSecurityPolicy(
  scripts: { nonce: string; hashes?: readonly string[] } | { hashes: readonly string[] },
  opts: { dev: boolean; https: boolean; env?: NodeJS.ProcessEnv },
): string {
  const formTargets = ["'self'", ...oauthFormTargets(opts.env ?? process.env)].join(' ');
  const allowed = ['nonce' in scripts ? `'nonce-${scripts.nonce}'` : null, ...(scripts.hashes ?? []).map((h) => `'${h}'`)].filter(Boolean);
  return [
    "default-src 'self'",
    `script-src 'self' ${allowed.join(' ')}${opts.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${formTargets}`,
    "frame-ancestors 'none'",
    ...(opts.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}
