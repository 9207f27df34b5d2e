import { NextResponse, type NextRequest } from 'next/server';
import { handlers } from '@/lib/auth/config';
import { HASH_BUSY_RETRY_SECONDS } from '@/lib/auth/password';

export const { GET } = handlers;

/**
 * Auth.js answers a refused credentials sign-in with a redirect to the sign-in page (…&code=busy). When every
 * password-hashing slot was taken, a script flooding this endpoint gets 503 with Retry-After instead, at once.
 */
export async function POST(request: NextRequest): Promise<Response> {
  const response = await handlers.POST(request);
  const location = response.headers.get('location');
  if (location && /[?&]code=busy(&|$)/.test(location)) {
    return NextResponse.json(
      { error: `Sign-in is very busy right now, so nothing was checked. Try again in ${HASH_BUSY_RETRY_SECONDS} seconds.` },
      { status: 503, headers: { 'retry-after': String(HASH_BUSY_RETRY_SECONDS) } },
    );
  }
  return response;
}
