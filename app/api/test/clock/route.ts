import { NextResponse } from 'next/server';
import { z } from 'zod';
import { TEST_CLOCK_COOKIE, testClockEnabled } from '@/lib/clock';

export const dynamic = 'force-dynamic';

const body = z.object({
  offsetMs: z
    .number()
    .int()
    .min(0)
    .max(365 * 24 * 60 * 60 * 1000),
});

/** Test-only: moves this browser's server clock forward. Does not exist unless GOALPOST_TEST_CLOCK=1. */
export async function POST(request: Request) {
  if (!testClockEnabled()) return NextResponse.json({ error: 'Not found.' }, { status: 404 });
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: 'Send {"offsetMs": <milliseconds>}.' }, { status: 400 });
  const res = NextResponse.json({ offsetMs: parsed.data.offsetMs });
  res.cookies.set(TEST_CLOCK_COOKIE, String(parsed.data.offsetMs), { path: '/', httpOnly: true, sameSite: 'lax' });
  return res;
}
