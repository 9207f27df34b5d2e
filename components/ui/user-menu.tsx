'use client';
import Link from 'next/link';
import { useSession } from '@/components/session/session-provider';

export function UserMenu() {
  const session = useSession();
  if (session.status === 'loading') return <span className="muted" aria-hidden="true" style={{ minWidth: '5rem' }} />;
  if (session.status === 'guest')
    return (
      <Link className="button button--small" href="/signin">
        Sign in
      </Link>
    );
  const who = session.user.name || session.user.email || 'your account';
  // A long name is cut with an ellipsis so the header keeps to one row; the title and the accessible name keep it whole.
  return (
    <Link className="button button--ghost button--small user-menu" href="/account" data-testid="user-menu" title={`Account: ${who}`}>
      <span className="visually-hidden">Account: </span>
      <span className="user-menu__name">{who}</span>
    </Link>
  );
}
