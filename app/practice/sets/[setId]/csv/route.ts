import { currentUser } from '@/lib/auth/session';
import { getOwnScenarioSet } from '@/lib/db/scenario-sets';
import { scenariosToCsv } from '@/components/drill/import-example';
import { csvFileName } from '@/lib/teach/csv';
import { now } from '@/lib/clock';

export const dynamic = 'force-dynamic';

const headers = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };

/** One of your imported sets as CSV, in the import format: it imports back unchanged (a unit test keeps it so). */
export async function GET(_request: Request, { params }: { params: Promise<{ setId: string }> }) {
  const { setId } = await params;
  const user = await currentUser();
  if (!user)
    return new Response('Sign in to download your sets.\n', {
      status: 401,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers },
    });
  const set = /^[a-z0-9]{10,40}$/.test(setId) ? await getOwnScenarioSet(user.id, setId) : null;
  if (!set)
    return new Response('That set was not found, or it is not yours.\n', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers },
    });
  return new Response(scenariosToCsv(set.scenarios), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csvFileName(set.title, 'scenarios', await now())}"`,
      ...headers,
    },
  });
}
