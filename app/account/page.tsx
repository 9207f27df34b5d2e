import type { Metadata } from 'next';
import { requireUserOrRedirect } from '@/lib/auth/session';
import { signOutAction } from '@/lib/auth/actions';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const user = await requireUserOrRedirect('/account');
  return (
    <div className="page prose">
      <h1>Your account</h1>
      <dl className="card">
        <dt className="muted">Name</dt>
        <dd data-testid="account-name">{user.name}</dd>
        <dt className="muted">Email</dt>
        <dd data-testid="account-email">{user.email}</dd>
        <dt className="muted">Role</dt>
        <dd>{user.role === 'instructor' ? 'Instructor' : 'Learner'}</dd>
        <dt className="muted">Member since</dt>
        <dd>{user.createdAt.toISOString().slice(0, 10)}</dd>
      </dl>
      <form action={signOutAction} style={{ marginTop: '1.5rem' }}>
        <button className="button button--ghost" type="submit">
          Sign out
        </button>
      </form>
    </div>
  );
}
