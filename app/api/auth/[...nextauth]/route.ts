import { NextResponse, type NextRequest } from 'next/server';
import { handlers } from '@/lib/auth/config';
import { HASH_BUSY_RETRY_SECONDS, hashingAtCapacity, holdBusyAnswer } from '@/lib/auth/password';

export const { GET } = handlers;

const busy = () =>
  NextResponse.json(
    { error: `Sign-in is very busy right now, so nothing was checked. Try again in ${HASH_BUSY_RETRY_SECONDS} seconds.` },
    { status: 503, headers: { 'retry-after': String(HASH_BUSY_RETRY_SECONDS) } },
  );

/**
 * When every password-hashing slot is taken, a credentials sign-in is answered 503 with Retry-After at once, before
 * Auth.js reads the body (a script flooding this endpoint then costs next to nothing). Auth.js itself would answer
 * a refused sign-in with a redirect to the sign-in page (…&code=busy), which is also turned into the 503.
 */
export async function POST(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.endsWith('/callback/credentials') && hashingAtCapacity()) {
    await holdBusyAnswer();
    return busy();
  }
  const response = await handlers.POST(request);
  const location = response.headers.get('location');
  if (location && /[?&]code=busy(&|$)/.test(location)) return busy();
  return response;
}
