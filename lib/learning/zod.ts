// zod, as every module that may run in the browser imports it. zod compiles object parsers with Function() when it
// can, and probes for that when the first object schema is built; the pages' Content-Security-Policy forbids eval,
// so in a browser (a page or a widget's worker) the probe is reported as a policy violation. Turning the compiler
// off here, before any schema exists, keeps the browser quiet (its parses are small); Node keeps compiled parsers.
// ESLint sends components/ and lib/learning/ here instead of 'zod' (eslint.config.mjs), so the order cannot slip.
import { z } from 'zod';

const inBrowser =
  typeof (globalThis as { document?: unknown }).document !== 'undefined' ||
  typeof (globalThis as { importScripts?: unknown }).importScripts === 'function';
if (inBrowser) z.config({ jitless: true });

export { z };
