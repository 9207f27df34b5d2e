import type { Metadata, Viewport } from 'next';
import { SiteHeader } from '@/components/ui/site-header';
import { SessionProvider } from '@/components/session/session-provider';
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

// The layout reads nothing from the request, so the reading pages (chapters, chapter list, home, glossary) are
// prerendered at build time; what is personal on them (name, progress, earlier answers) loads in the browser.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* A file from this origin, allowed by the policy's 'self' on every page (lib/http/security.ts). */}
        {/* eslint-disable-next-line @next/next/no-sync-scripts -- must run before paint to avoid a theme flash */}
        <script src="/theme-init.js" />
      </head>
      <body>
        <SessionProvider>
          <a className="skip-link" href="#main">
            Skip to content
          </a>
          <SiteHeader />
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
