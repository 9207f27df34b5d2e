import { currentUser } from '@/lib/auth/session';
import { SeedSession } from './session-provider';

/**
 * For the layouts of pages rendered per request: the signed-in user as the server read it (one read per request,
 * shared with the page through currentUser's cache), handed to the browser's session provider.
 */
export async function KnownSession() {
  const user = await currentUser();
  // The email only when there is no name to show: the page's payload carries no more of the account than the header needs.
  return <SeedSession user={user ? { id: user.id, name: user.name, email: user.name ? null : user.email, role: user.role } : null} />;
}
