// The address used for sign-in throttling. Behind a proxy, X-Forwarded-For's first hop is the client; without one
// the header is absent and we fall back to a single shared bucket per server, which still bounds guessing.
export function clientIp(headers: Headers): string | null {
  const fwd = headers.get('x-forwarded-for');
  if (fwd) return fwd.split(',')[0]!.trim().slice(0, 64) || null;
  return headers.get('x-real-ip')?.slice(0, 64) ?? 'local';
}
