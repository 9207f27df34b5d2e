'use client';
import { usePathname } from 'next/navigation';
import { createContext, useContext, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export interface SessionUser {
  id?: string;
  name?: string | null;
  email?: string | null;
  /** From the session callback (lib/auth/config.ts); only the header's "Teach" link reads it, the server checks again. */
  role?: 'learner' | 'instructor';
}

export type SessionState = { status: 'loading'; user: null } | { status: 'guest'; user: null } | { status: 'user'; user: SessionUser };

const SessionContext = createContext<SessionState>({ status: 'loading', user: null });
/** For KnownSession: tells the provider who is signed in, as the server read it for this page. */
const SeedContext = createContext<{ seed: (s: SessionState) => void; register: () => () => void } | null>(null);

/**
 * The reading pages are prerendered, the same for everyone, so on them the browser asks who is signed in. Pages
 * rendered per request already know: their layout renders KnownSession, and while one is mounted the provider
 * does not ask. Sign-in and sign-out end in a client-side navigation, so it asks again whenever the page changes.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading', user: null });
  const pathname = usePathname();
  const seeds = useRef(0);
  const [seedApi] = useState(() => ({
    seed: setState,
    register: () => {
      seeds.current++;
      return () => {
        seeds.current--;
      };
    },
  }));
  useEffect(() => {
    if (seeds.current > 0) return;
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
  return (
    <SeedContext.Provider value={seedApi}>
      <SessionContext.Provider value={state}>{children}</SessionContext.Provider>
    </SeedContext.Provider>
  );
}

/**
 * Rendered by the layout of a page that read the session on the server (components/session/known-session.tsx):
 * hands that user to the provider before its effects run (layout effects come first), so the browser does not
 * fetch /api/auth/session again.
 */
export function SeedSession({ user }: { user: SessionUser | null }) {
  const api = useContext(SeedContext);
  const key = user ? `${user.id}|${user.name ?? ''}|${user.email ?? ''}|${user.role ?? ''}` : '';
  useLayoutEffect(() => api?.register(), [api]);
  useLayoutEffect(() => {
    api?.seed(user ? { status: 'user', user } : { status: 'guest', user: null });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the user's fields
  }, [api, key]);
  return null;
}

export function useSession(): SessionState {
  return useContext(SessionContext);
}
