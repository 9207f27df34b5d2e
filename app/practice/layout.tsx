import { KnownSession } from '@/components/session/known-session';

// Rendered per request: the page already knows who is signed in, so the header need not ask (components/session).
export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <KnownSession />
      {children}
    </>
  );
}
