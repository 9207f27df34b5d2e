'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

/**
 * "Create an account" that brings the person back here afterwards (the sign-up page checks `next` with safeNext).
 * `hash` returns them to a spot on the page, such as the question they were answering.
 */
export function SignUpLink({ children, hash, className }: { children: ReactNode; hash?: string; className?: string }) {
  const pathname = usePathname();
  const here = pathname && pathname !== '/signup' && pathname !== '/signin' ? `${pathname}${hash ? `#${hash}` : ''}` : null;
  return (
    <Link className={className} href={here ? `/signup?next=${encodeURIComponent(here)}` : '/signup'}>
      {children}
    </Link>
  );
}
