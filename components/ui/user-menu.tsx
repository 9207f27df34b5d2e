'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';

interface SessionUser {
  name?: string | null;
  email?: string | null;
}

// Pages stay static (the chapters are prerendered), so the header learns who is signed in from the browser.
export function UserMenu() {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  // Sign-in and sign-out end in a client-side navigation, so look again whenever the page changes.
  const pathname = usePathname();

  useEffect(() => {
    let live = true;
    fetch('/api/auth/session', { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : null))
      .then((s: { user?: SessionUser } | null) => live && setUser(s?.user ?? null))
      .catch(() => live && setUser(null));
    return () => {
      live = false;
    };
  }, [pathname]);

  if (user === undefined) return <span className="muted" aria-hidden="true" style={{ minWidth: '5rem' }} />;
  if (!user)
    return (
      <Link className="button button--small" href="/signin">
        Sign in
      </Link>
    );
  return (
    <Link className="button button--ghost button--small" href="/account" data-testid="user-menu">
      <span className="visually-hidden">Account: </span>
      {user.name || user.email}
    </Link>
  );
}
