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
  return (
    <Link className="button button--ghost button--small" href="/account" data-testid="user-menu">
      <span className="visually-hidden">Account: </span>
      {session.user.name || session.user.email}
    </Link>
  );
}
