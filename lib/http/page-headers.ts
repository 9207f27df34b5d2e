// The headers every response carries (next.config.mjs adds them to what Next answers; proxy.ts to the stored
// reading pages it answers itself). next.config.mjs cannot import TypeScript, so it reads the .json beside this.
import headers from './page-headers.json';

export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = headers;
