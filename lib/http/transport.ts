// Header checks for proxy.ts (no 'server-only': the proxy imports this module).
import { parseAndValidateFlightRouterState } from 'next/dist/server/app-render/parse-and-validate-flight-router-state';
import { env } from '../env';

/**
 * The Strict-Transport-Security value for an HTTPS response. No includeSubDomains or preload: the app does not know
 * what else runs under its domain, and those are hard to take back. HSTS_MAX_AGE=0 tells browsers to forget it.
 */
export function strictTransportSecurity(maxAge = env.HSTS_MAX_AGE): string {
  return `max-age=${maxAge}`;
}

const BAD_ROUTER_STATE_MESSAGE = 'The Next-Router-State-Tree header of this request could not be read. Reload the page.';

/**
 * Next.js reads the Next-Router-State-Tree header of its client's navigation requests and throws (a 500) when it
 * cannot parse it. The same function of Next's decides here, so what passes is exactly what Next accepts; whatever
 * does not gets a 400. (A Next upgrade that moves this function fails the build, not the check.)
 */
export function routerStateProblem(headers: Headers): string | null {
  const tree = headers.get('next-router-state-tree');
  if (tree === null) return null;
  try {
    parseAndValidateFlightRouterState(tree);
    return null;
  } catch {
    return BAD_ROUTER_STATE_MESSAGE;
  }
}
