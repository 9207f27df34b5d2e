'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useState, type ReactNode } from 'react';
import { useSession } from '@/components/session/session-provider';
import { hasGuestProgress } from '@/lib/guest/store';
import { WELCOME_COOKIE } from '@/lib/auth/welcome';
import styles from './account.module.css';

type Role = 'learner' | 'instructor';

function takeWelcome(): Role | null {
  const match = document.cookie.split('; ').find((c) => c.startsWith(`${WELCOME_COOKIE}=`));
  if (!match) return null;
  // Shown once: the next page they open is not greeted again.
  document.cookie = `${WELCOME_COOKIE}=; path=/; max-age=0; samesite=lax`;
  const role = match.slice(WELCOME_COOKIE.length + 1);
  return role === 'instructor' ? 'instructor' : 'learner';
}

/** The next step for someone who has just made an account, from where they are now. */
function nextStep(role: Role, pathname: string, guestProgress: boolean): ReactNode {
  if (guestProgress) return <>bring the answers you gave before signing up into your account (the box at the top of this page).</>;
  if (role === 'instructor')
    return (
      <>
        create your first class on <Link href="/teach">Teach</Link> and share its join code.
      </>
    );
  if (pathname.startsWith('/chapters/'))
    return (
      <>
        carry on with this chapter. Each question you answer comes back in <Link href="/review">Review</Link> just before you would forget
        it.
      </>
    );
  if (pathname.startsWith('/practice'))
    return <>carry on practising; your drill answers now count toward your mastery and any class you join.</>;
  if (pathname.startsWith('/classes') || pathname.startsWith('/join')) return <>enter the join code your teacher gave you.</>;
  return (
    <>
      start with <Link href="/chapters">the first chapter</Link>. Each question you answer comes back in Review just before you would forget
      it.
    </>
  );
}

/** After sign-up, on the page the person came back to: a short welcome and the next step, until dismissed. */
export function WelcomeBanner() {
  const session = useSession();
  const pathname = usePathname() ?? '/';
  const [welcome, setWelcome] = useState<{ role: Role; guest: boolean } | null>(null);

  useEffect(() => {
    if (session.status !== 'user') return;
    const role = takeWelcome();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the cookie is only readable in the browser
    if (role) setWelcome({ role, guest: hasGuestProgress() });
  }, [session.status]);

  if (!welcome || session.status !== 'user') return null;
  const name = session.user.name || session.user.email;
  return (
    <div className={styles.welcome} role="region" aria-label="Welcome" data-testid="welcome-banner">
      <p role="status">
        <strong>{name ? `Welcome, ${name}.` : 'Welcome.'}</strong> Your answers are now saved to your account. Next:{' '}
        {nextStep(welcome.role, pathname, welcome.guest)}
      </p>
      <button type="button" className="button button--ghost button--small" onClick={() => setWelcome(null)}>
        Dismiss<span className="visually-hidden"> the welcome</span>
      </button>
    </div>
  );
}
