// Body checks that proxy.ts runs on every state-changing request, before Next.js sees it. Next.js answers a
// server-action request it cannot decode (malformed React reply encoding, a body over serverActions.bodySizeLimit)
// with a 500; these checks turn each of those into a 4xx with a message a person can act on.
// No 'server-only' import: proxy.ts imports this module.

/** next.config.mjs: experimental.serverActions.bodySizeLimit ('2mb'). */
export const ACTION_BODY_LIMIT = 2 * 1024 * 1024;
/** The JSON route handlers take small bodies; /api/answers has a tighter limit of its own. */
const API_BODY_LIMIT = 1024 * 1024;
const MAX_DEPTH = 64;

export interface BodyProblem {
  status: 400 | 413;
  message: string;
}

const tooLarge = (limit: number): BodyProblem => ({
  status: 413,
  message: `The request is too large (over ${limit / (1024 * 1024)} MB), so it was refused and nothing was saved. Send less at once, e.g. split a scenario file into smaller sets.`,
});

const unreadable = (why: string): BodyProblem => ({
  status: 400,
  message: `This request could not be read (${why}), so nothing was saved. Reload the page and try again.`,
});

/** A POST that Next.js would treat as a server action: the fetch form (Next-Action header) or a no-JavaScript form post. */
function actionKind(method: string, pathname: string, headers: Headers): 'fetch' | 'form' | null {
  if (method.toUpperCase() !== 'POST' || pathname.startsWith('/api/')) return null;
  if (headers.has('next-action')) return 'fetch';
  return (headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data') ? 'form' : null;
}

/** The body, or null once it passes the limit (reading stops there). */
export async function readBounded(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * Checks one JSON part of a React reply (the encoding server-action arguments travel in). Goalpost's forms and
 * widgets send plain values, FormData and nothing else, so only the markers for those are accepted: "$$…" (an
 * escaped string), "$undefined", "$NaN", "$Infinity", "$-Infinity", "$-0", "$D…" (a date), "$K…" (FormData) and
 * "$@…" pointing at a part that exists. Anything else ("$Q", "$h", "$F", "$n", outlined references, …) makes
 * React throw, which Next.js reports as a 500.
 */
export function replyPartProblem(text: string, hasPart: (id: number) => boolean): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'the action arguments are not valid JSON';
  }
  const walk = (v: unknown, depth: number): string | null => {
    if (depth > MAX_DEPTH) return 'the action arguments are nested too deeply';
    if (typeof v === 'string') {
      if (!v.startsWith('$')) return null;
      if (/^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|K[0-9a-f]{1,8}$)/.test(v)) return null;
      const ref = /^\$@([0-9a-f]{1,8})$/.exec(v);
      if (ref && hasPart(parseInt(ref[1]!, 16))) return null;
      return 'the action arguments use an encoding Goalpost does not accept';
    }
    if (Array.isArray(v)) {
      for (const x of v) {
        const p = walk(x, depth + 1);
        if (p) return p;
      }
      return null;
    }
    if (v && typeof v === 'object') {
      for (const x of Object.values(v)) {
        const p = walk(x, depth + 1);
        if (p) return p;
      }
    }
    return null;
  };
  return walk(value, 0);
}

/** A fetch action's body: JSON text, or multipart whose numbered fields are JSON parts (field "0" the arguments). */
function fetchActionProblem(parts: Map<string, string> | null, text: string | null): string | null {
  if (parts === null) {
    const p = replyPartProblem(text ?? '', () => false);
    if (p) return p;
    return Array.isArray(JSON.parse(text ?? '')) ? null : 'the action arguments must be a list';
  }
  const root = parts.get('0');
  if (root === undefined) return 'the action arguments are missing';
  for (const [key, value] of parts) {
    if (!/^\d+$/.test(key)) continue;
    const p = replyPartProblem(value, (id) => parts.has(String(id)));
    if (p) return p;
  }
  return Array.isArray(JSON.parse(root)) ? null : 'the action arguments must be a list';
}

/** A no-JavaScript form post: "$ACTION_ID_<id>", or "$ACTION_REF_<n>" with its JSON parts "$ACTION_<n>:<k>". */
function formActionProblem(parts: Map<string, string>): string | null {
  for (const [key, value] of parts) {
    const m = /^\$ACTION_(\d+):(\d+)$/.exec(key);
    if (!m) continue;
    const p = replyPartProblem(value, (id) => parts.has(`$ACTION_${m[1]}:${id}`));
    if (p) return p;
    if (m[2] === '0') {
      const meta = JSON.parse(value) as unknown;
      const ok = meta !== null && typeof meta === 'object' && typeof (meta as { id?: unknown }).id === 'string';
      if (!ok) return 'the form names no action';
    }
  }
  for (const key of parts.keys()) {
    const ref = /^\$ACTION_REF_(\d+)$/.exec(key);
    if (ref && !parts.has(`$ACTION_${ref[1]}:0`)) return 'the form names no action';
  }
  return null;
}

/** Refusal for a request whose body is too large, or is a server-action request that cannot be decoded; else null. */
export async function requestBodyProblem(request: Request, pathname: string): Promise<BodyProblem | null> {
  const kind = actionKind(request.method, pathname, request.headers);
  const limit = pathname.startsWith('/api/') ? API_BODY_LIMIT : ACTION_BODY_LIMIT;
  const declared = request.headers.get('content-length');
  if (declared !== null && !(Number(declared) <= limit)) return tooLarge(limit);
  if (!kind) return null;

  let bytes: Uint8Array | null;
  try {
    bytes = await readBounded(request.body, limit);
  } catch {
    return unreadable('the body was cut off');
  }
  if (bytes === null) return tooLarge(limit);

  const contentType = request.headers.get('content-type') ?? '';
  let parts: Map<string, string> | null = null;
  if (contentType.toLowerCase().startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await new Response(bytes as BodyInit, { headers: { 'content-type': contentType } }).formData();
    } catch {
      return unreadable('the form data is malformed');
    }
    parts = new Map();
    for (const [key, value] of form.entries()) if (typeof value === 'string') parts.set(key, value);
  }
  const problem = kind === 'fetch' ? fetchActionProblem(parts, new TextDecoder().decode(bytes)) : parts ? formActionProblem(parts) : null;
  return problem ? unreadable(problem) : null;
}
