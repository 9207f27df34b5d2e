'use client';
import { usePathname } from 'next/navigation';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

export interface SessionUser {
  id?: string;
  name?: string | null;
  email?: string | null;
  /** From the session callback (lib/auth/config.ts); only the header's "Teach" link reads it, the server checks again. */
  role?: 'learner' | 'instructor';
}

export type SessionState = { status: 'loading'; user: null } | { status: 'guest'; user: null } | { status: 'user'; user: SessionUser };

const SessionContext = createContext<SessionState>({ status: 'loading', user: null });

/**
 * Pages stay static (chapters are prerendered), so the browser asks who is signed in. Sign-in and sign-out end in
 * a client-side navigation, so it asks again whenever the page changes.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading', user: null });
  const pathname = usePathname();
  useEffect(() => {
    let live = true;
    fetch('/api/auth/session', { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : null))
      .then((s: { user?: SessionUser } | null) => {
        if (live) setState(s?.user ? { status: 'user', user: s.user } : { status: 'guest', user: null });
      })
      .catch(() => live && setState({ status: 'guest', user: null }));
    return () => {
      live = false;
    };
  }, [pathname]);
  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  return useContext(SessionContext);
}
