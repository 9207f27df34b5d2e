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
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
        ],
      },
    ];
  },
};

export default nextConfig;
