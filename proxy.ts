import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, CROSS_SITE_MESSAGE, isCrossSite, isUnsafeMethod, newNonce } from '@/lib/http/security';
import { cspManifest, prerenderedHashes } from '@/lib/http/csp-manifest';
import { prerenderedDocument, prerenderedPolicy } from '@/lib/http/static-pages';
import { PAGE_SECURITY_HEADERS } from '@/lib/http/page-headers';
import { requestBodyProblem } from '@/lib/http/request-body';
import { routerStateProblem, strictTransportSecurity } from '@/lib/http/transport';

// Runs before every request except build assets and POST /api/answers (the busiest route: it makes the same
// origin and size checks itself, tested in test/e2e/answers-api.spec.ts). Four jobs:
// 1. Refuse state-changing requests that another website's page sent (forms, fetches): 403, nothing runs.
//    Server actions have Next's own origin check as well, and POST /api/answers repeats this check itself.
// 2. Refuse bodies that are too large, and server-action requests Next.js cannot decode (it would answer 500):
//    413 or 400 with a message (lib/http/request-body.ts).
// 3. Give each HTML page its Content-Security-Policy. A page prerendered at build time (the chapters, the chapter
//    list, the home page, the glossary) gets the hashes of its inline scripts (lib/http/csp-manifest.ts) and is
//    served as built; every other page gets a fresh nonce, which Next reads from the request headers and puts on
//    its own scripts.
// 4. Over HTTPS, send Strict-Transport-Security (HSTS_MAX_AGE); refuse a Next-Router-State-Tree header that
//    Next.js cannot parse with 400 (it would throw and answer 500).
export async function proxy(request: NextRequest) {
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
  const hsts = https ? strictTransportSecurity() : null;
  const withHsts = (response: NextResponse) => {
    if (hsts) response.headers.set('strict-transport-security', hsts);
    return response;
  };
  if (isUnsafeMethod(request.method)) {
    if (isCrossSite(request.headers)) return withHsts(refuse(request, 403, CROSS_SITE_MESSAGE));
    const problem = await requestBodyProblem(request, request.nextUrl.pathname);
    if (problem) return withHsts(refuse(request, problem.status, problem.message));
  }
  const badRouterState = routerStateProblem(request.headers);
  if (badRouterState) return withHsts(refuse(request, 400, badRouterState));
  if (request.nextUrl.pathname.startsWith('/api/')) return withHsts(NextResponse.next());

  const dev = process.env.NODE_ENV === 'development';
  const manifest = cspManifest();
  const prerendered = request.method === 'GET' || request.method === 'HEAD' ? prerenderedHashes(manifest, request.nextUrl.pathname) : null;
  if (prerendered) {
    // A page prerendered at build time is served as built: its policy lists its inline scripts' hashes. A browser's
    // request for the page gets the stored HTML from here (lib/http/static-pages.ts; scripts/server.ts, which
    // `npm start` runs, answers it before this with the compressed copy); Next's router asking for the page's payload
    // goes on to Next untouched.
    const stored = prerenderedDocument({
      method: request.method,
      pathname: request.nextUrl.pathname,
      search: request.nextUrl.search,
      header: (name) => request.headers.get(name),
      https,
      hsts,
      canEncode: false,
      securityHeaders: PAGE_SECURITY_HEADERS,
    });
    if (stored) return new Response(stored.body ? new Uint8Array(stored.body) : null, { status: stored.status, headers: stored.headers });
    const response = NextResponse.next();
    response.headers.set('content-security-policy', prerenderedPolicy(prerendered, https));
    return withHsts(response);
  }
  const nonce = newNonce();
  // The prerendered 404 page's hashes too: Next serves that stored page for a path no route matches.
  const policy = contentSecurityPolicy({ nonce, hashes: manifest?.notFound ?? [] }, { dev, https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  return withHsts(response);
}

function refuse(request: NextRequest, status: number, message: string): NextResponse {
  const wantsJson = request.nextUrl.pathname.startsWith('/api/') || request.headers.get('accept')?.includes('json');
  if (wantsJson) return NextResponse.json({ error: message }, { status });
  // A server action's caller (Next's router) shows a refusal's text only when the type is exactly text/plain.
  const type = request.headers.has('next-action') ? 'text/plain' : 'text/plain; charset=utf-8';
  return new NextResponse(message, { status, headers: { 'content-type': type } });
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|theme-init.js|api/answers).*)'],
};
