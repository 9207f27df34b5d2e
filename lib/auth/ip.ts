import { isIP } from 'node:net';
import { env } from '../env';

/**
 * Who is asking, for per-address limits. `trusted` is false when the address could have been chosen by the client.
 *
 * Next.js fills X-Forwarded-For from the socket only when the request has none, and keeps whatever a client sent, so
 * the header alone proves nothing. It is read only when TRUST_PROXY says how many proxies append to it: the address
 * that many entries from the right is the one the outermost proxy saw; entries left of it were written by the client.
 * Without TRUST_PROXY every client is the same unknown address ("shared"), and the limits give that one bucket a
 * larger budget (lib/db/throttle.ts): a rotating header then buys nothing.
 */
export interface ClientAddress {
  key: string;
  trusted: boolean;
}

export const SHARED_ADDRESS: ClientAddress = { key: 'shared', trusted: false };

export function clientAddress(headers: Headers, hops = env.TRUST_PROXY): ClientAddress {
  if (hops < 1) return SHARED_ADDRESS;
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const entry = chain[chain.length - hops];
  const address = entry ? normalise(entry) : null;
  // Fewer entries than proxies, or not an address: the proxy chain is not what TRUST_PROXY says; trust nothing.
  return address ? { key: address, trusted: true } : SHARED_ADDRESS;
}

function normalise(entry: string): string | null {
  // Some proxies add a port ("203.0.113.9:51234", "[2001:db8::1]:443").
  let a = entry;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  if (a.toLowerCase().startsWith('::ffff:') && isIP(a.slice(7)) === 4) a = a.slice(7);
  return isIP(a) ? a.toLowerCase() : null;
}
