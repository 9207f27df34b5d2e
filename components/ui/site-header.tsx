'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState, type FocusEvent, type MouseEvent } from 'react';
import { useSession } from '@/components/session/session-provider';
import { SearchDialog } from '@/components/search/search-dialog';
import { ThemeToggle } from './theme-toggle';
import { UserMenu } from './user-menu';

const LINKS: { href: string; label: string; instructorsOnly?: boolean }[] = [
  { href: '/chapters', label: 'Chapters' },
  { href: '/practice', label: 'Practice' },
  { href: '/review', label: 'Review' },
  { href: '/dashboard', label: 'Dashboard' },
  { href: '/classes', label: 'Classes' },
  { href: '/teach', label: 'Teach', instructorsOnly: true },
  { href: '/glossary', label: 'Glossary' },
];

const MENU_ID = 'site-menu';

/**
 * The site header. Below 1150px (globals.css) the links and the account collapse behind a Menu
 * button, a disclosure: it opens and closes the panel, Escape closes it and puts focus back on the button, and it
 * closes on navigation, on a click outside and when focus leaves the header (the panel would otherwise cover the
 * page under it). Who is signed in, and so whether "Teach" shows, comes from the client session: pages stay static.
 */
export function SiteHeader() {
  const session = useSession();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [openedOn, setOpenedOn] = useState(pathname);
  const headerRef = useRef<HTMLElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // A navigation closes the menu (state adjusted while rendering, as React's docs advise over an effect).
  if (openedOn !== pathname) {
    setOpenedOn(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (e: KeyboardEvent) => {
      // Escape inside the search dialog closes that dialog, not the menu under it.
      if (e.key !== 'Escape' || e.defaultPrevented || (e.target instanceof Element && e.target.closest('dialog'))) return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    const onPointerDown = (e: PointerEvent) => {
      if (e.target instanceof Node && !headerRef.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  const onBlur = (e: FocusEvent<HTMLElement>) => {
    // Focus moved somewhere outside the header (Tab past the last link): close. A null relatedTarget is focus
    // leaving the window, or a click on nothing focusable, which the pointerdown listener handles.
    if (e.relatedTarget instanceof Node && !e.currentTarget.contains(e.relatedTarget)) setOpen(false);
  };
  // A link to the page already shown does not change the pathname; the menu still closes on a click.
  const onMenuClick = (e: MouseEvent<HTMLElement>) => {
    if (e.target instanceof Element && e.target.closest('a')) setOpen(false);
  };

  const instructor = session.status === 'user' && session.user.role === 'instructor';
  const links = LINKS.filter((l) => !l.instructorsOnly || instructor);
  const current = (href: string) => pathname === href || pathname.startsWith(`${href}/`);

  return (
    <header className="site-header" ref={headerRef} onBlur={onBlur}>
      <div className="site-header__inner">
        <Link href="/" className="brand">
          <span aria-hidden="true">⚑</span> Goalpost
        </Link>
        <button
          ref={buttonRef}
          type="button"
          className="icon-button menu-button"
          aria-expanded={open}
          aria-controls={MENU_ID}
          onClick={() => setOpen((o) => !o)}
          data-testid="menu-button"
        >
          <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
            {open ? (
              <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            ) : (
              <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            )}
          </svg>
          <span>Menu</span>
        </button>
        <div id={MENU_ID} className="site-menu" data-open={open ? 'true' : 'false'} onClick={onMenuClick}>
          <nav aria-label="Main" className="site-nav">
            {links.map((l) => (
              <Link key={l.href} href={l.href} aria-current={current(l.href) ? 'page' : undefined}>
                {l.label}
              </Link>
            ))}
          </nav>
          <div className="site-menu__account">
            <UserMenu />
          </div>
        </div>
        <div className="header-tools">
          <SearchDialog />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
