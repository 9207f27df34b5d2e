import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { ThemeToggle } from '@/components/ui/theme-toggle';
import { UserMenu } from '@/components/ui/user-menu';
import { SessionProvider } from '@/components/session/session-provider';
import { SearchDialog } from '@/components/search/search-dialog';
import { GuestMergePrompt } from '@/components/account/guest-merge-prompt';
import { WelcomeBanner } from '@/components/account/welcome-banner';
import { OutboxStatus } from '@/components/answer/outbox-status';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Goalpost: learn goal misgeneralization', template: '%s · Goalpost' },
  description:
    'An interactive course on goal misgeneralization: why a capable AI system trained on a correct signal can learn the wrong goal, and what we can do about it.',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbfaf7' },
    { media: '(prefers-color-scheme: dark)', color: '#14161a' },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // proxy.ts made a fresh nonce for this response's Content-Security-Policy; reading it renders every page per
  // request, which is the price of nonce-based CSP (the compiled chapters stay cached in memory).
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* eslint-disable-next-line @next/next/no-sync-scripts -- must run before paint to avoid a theme flash */}
        <script src="/theme-init.js" nonce={nonce} />
      </head>
      <body>
        <SessionProvider>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link href="/" className="brand">
              <span aria-hidden="true">⚑</span> Goalpost
            </Link>
            <nav aria-label="Main" className="site-nav">
              <Link href="/chapters">Chapters</Link>
              <Link href="/practice">Practice</Link>
              <Link href="/review">Review</Link>
              <Link href="/dashboard">Dashboard</Link>
              <Link href="/classes">Classes</Link>
              <Link href="/teach">Teach</Link>
              <Link href="/glossary">Glossary</Link>
            </nav>
            <div className="header-tools">
              <SearchDialog />
              <ThemeToggle />
              <UserMenu />
            </div>
          </div>
        </header>
        <WelcomeBanner />
        <GuestMergePrompt />
        <OutboxStatus />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="site-footer__inner">
            Goalpost is an open course on goal misgeneralization. Every claim is cited to its primary source.
          </div>
        </footer>
        </SessionProvider>
      </body>
    </html>
  );
}
