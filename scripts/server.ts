// The production server `npm start`, the browser tests and the benchmarks run: Next.js's own request handler (the
// documented custom-server form of `next start`: same proxy.ts, same routes, same compression) behind one step of
// its own. A browser's GET of a prerendered reading page (a chapter, the chapter list, the home page, the glossary)
// is answered here from the build, with the page's hash-based Content-Security-Policy and the brotli or gzip copy
// made at build time (lib/http/static-pages.ts). Everything else, Next's router asking for those pages' payloads
// included, goes to Next.
//
// Usage: node --import tsx scripts/server.ts [-p PORT] [-H HOST]   (run with NODE_ENV=production after `npm run build`)
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';
import { PAGE_SECURITY_HEADERS } from '../lib/http/page-headers';
import { prerenderedDocument } from '../lib/http/static-pages';
import { strictTransportSecurity } from '../lib/http/transport';

const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`server: the port must be a whole number from 1 to 65535, not ${values.port ?? process.env.PORT}.`);
  process.exit(2);
}
const hostname = values.hostname;

process.title = 'goalpost-server';
const app = next({ dev: false, hostname: hostname ?? 'localhost', port });
const handle = app.getRequestHandler();

function isHttps(req: IncomingMessage): boolean {
  const forwarded = req.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first === 'https' || ('encrypted' in req.socket && req.socket.encrypted === true);
}

function answerStored(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  let pathname = q === -1 ? url : url.slice(0, q);
  try {
    pathname = decodeURIComponent(pathname);
  } catch {
    return false; // Next answers a malformed path
  }
  const https = isHttps(req);
  const stored = prerenderedDocument({
    method: req.method ?? 'GET',
    pathname,
    search: q === -1 ? '' : url.slice(q),
    header: (name) => {
      const v = req.headers[name];
      return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
    },
    https,
    hsts: https ? strictTransportSecurity() : null,
    canEncode: true,
    securityHeaders: PAGE_SECURITY_HEADERS,
  });
  if (!stored) return false;
  res.writeHead(stored.status, stored.headers);
  res.end(stored.body ?? undefined);
  return true;
}

await app.prepare();
const server = createServer((req, res) => {
  if (answerStored(req, res)) return;
  void handle(req, res);
});
server.listen(port, hostname, () => {
  console.log(`▸ Goalpost is serving on http://${hostname ?? 'localhost'}:${port}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    process.exit(0);
  });
}
