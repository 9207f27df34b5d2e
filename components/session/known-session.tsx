import { currentUser } from '@/lib/auth/session';
import { SeedSession } from './session-provider';

/**
 * For the layouts of pages rendered per request: the signed-in user as the server read it (one read per request,
 * shared with the page through currentUser's cache), handed to the browser's session provider.
 */
export async function KnownSession() {
  const user = await currentUser();
  return <SeedSession user={user ? { id: user.id, name: user.name, email: user.email, role: user.role } : null} />;
}
