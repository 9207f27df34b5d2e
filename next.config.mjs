import fs from 'node:fs';

const pageHeaders = JSON.parse(fs.readFileSync(new URL('./lib/http/page-headers.json', import.meta.url), 'utf8'));

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The build output lives in .next (default); scripts/start.ts decides when it is stale.
  serverExternalPackages: ['better-sqlite3', 'pg', 'esbuild', 'mdx-bundler'],
  typedRoutes: false,
  // Scenario-set imports accept files up to 1 MB; leave room for the form around them.
  experimental: { serverActions: { bodySizeLimit: '2mb' } },
  // Type-check and lint run in `npm test`, so the production build does not repeat them.
  typescript: { ignoreBuildErrors: true },
  // proxy.ts must see the router's own request headers (Next-Router-State-Tree, RSC) to refuse one Next.js cannot
  // parse with 400 instead of the 500 Next would answer; by default Next hides them from the proxy. (Its other effect,
  // un-normalised /_next/data URLs, concerns only the Pages Router, which this app does not use.)
  skipProxyUrlNormalize: true,
  async headers() {
    return [
      {
        source: '/:path*',
        // One list for these and the reading pages proxy.ts serves itself (lib/http/page-headers.ts).
        headers: Object.entries(pageHeaders).map(([key, value]) => ({ key, value })),
      },
    ];
  },
};

export default nextConfig;
