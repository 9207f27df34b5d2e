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
 * The Content-Security-Policy for an HTML page. Scripts run only with this response's nonce ('strict-dynamic'
 * lets those scripts load the app's own chunks and the widgets' workers); styles allow inline style attributes,
 * which React sets for a few computed widths and colours (a nonce cannot cover attributes).
 */
export function contentSecurityPolicy(nonce: string, opts: { dev: boolean; https: boolean; env?: NodeJS.ProcessEnv }): string {
  const formTargets = ["'self'", ...oauthFormTargets(opts.env ?? process.env)].join(' ');
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ''}`,
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
