import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, CROSS_SITE_MESSAGE, isCrossSite, isUnsafeMethod, newNonce } from '@/lib/http/security';

// Runs before every request except build assets. Two jobs:
// 1. Refuse state-changing requests that another website's page sent (forms, fetches): 403, nothing runs.
//    Server actions have Next's own origin check as well, and POST /api/answers repeats this check itself.
// 2. Give each HTML page a fresh script nonce and the Content-Security-Policy that names it. Next reads the
//    policy from the request headers and puts the nonce on its own scripts; app/layout.tsx puts it on ours.
export function proxy(request: NextRequest) {
  if (isUnsafeMethod(request.method) && isCrossSite(request.headers)) {
    const wantsJson = request.nextUrl.pathname.startsWith('/api/') || request.headers.get('accept')?.includes('json');
    return wantsJson
      ? NextResponse.json({ error: CROSS_SITE_MESSAGE }, { status: 403 })
      : new NextResponse(CROSS_SITE_MESSAGE, { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  if (request.nextUrl.pathname.startsWith('/api/')) return NextResponse.next();

  const nonce = newNonce();
  const https =
    request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development', https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|theme-init.js|api/answers).*)'],
};
