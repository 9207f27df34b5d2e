import { NextResponse } from 'next/server';
import { currentUser } from '@/lib/auth/session';
import { exportAccount } from '@/lib/db/account';

export const dynamic = 'force-dynamic';

/** The signed-in learner's own data, everything, as JSON. */
export async function GET() {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: 'Sign in to export your data.' }, { status: 401 });
  const data = await exportAccount(user.id);
  return new NextResponse(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="goalpost-export-${new Date().toISOString().slice(0, 10)}.json"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
