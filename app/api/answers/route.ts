import { NextResponse } from 'next/server';
import { submitQuizAnswer } from '@/lib/actions/learning';
import { CROSS_SITE_MESSAGE, isCrossSite } from '@/lib/http/security';
import { readBounded } from '@/lib/http/request-body';

export const dynamic = 'force-dynamic';

// POST /api/answers — the signed-in learner's quiz answer, as JSON. It runs the very same validated, idempotent
// path as the quiz form's server action (submitQuizAnswer): same schema, same grading, same exactly-once store.

const MAX_BODY_BYTES = 16 * 1024;
// no-transform: the reply is a few dozen bytes, and gzipping it (Next compresses streamed replies of any size) cost
// more CPU than storing the answer.
const noStore = { 'Cache-Control': 'private, no-store, no-transform' };

const json = (body: unknown, status: number) => NextResponse.json(body, { status, headers: noStore });

const tooLarge = () => json({ error: `The request body is too large (at most ${MAX_BODY_BYTES / 1024} kB).` }, 413);

export async function POST(request: Request) {
  // proxy.ts refuses cross-site posts before they get here; the route checks again so it never depends on it.
  if (isCrossSite(request.headers)) return json({ error: CROSS_SITE_MESSAGE }, 403);

  const declared = request.headers.get('content-length');
  if (declared !== null && !(Number(declared) <= MAX_BODY_BYTES)) return tooLarge();

  let bytes: Uint8Array | null;
  try {
    bytes = await readBounded(request.body, MAX_BODY_BYTES);
  } catch {
    return json({ error: 'Could not read the request body.' }, 400);
  }
  if (bytes === null) return tooLarge();
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return json({ error: 'The request body must be JSON: {"quizId", "selected", "confident", "durationMs", "idempotencyKey"}.' }, 400);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return json({ error: 'The request body must be a JSON object.' }, 400);
  }

  const result = await submitQuizAnswer(body);
  if (result.ok && result.data) {
    const { correct, firstAttempt, duplicate } = result.data;
    return json({ correct, firstAttempt, duplicate }, 200);
  }
  const status = result.status ?? 500;
  if (status === 401) return json({ error: 'Sign in to save answers.' }, 401);
  // The action never leaks a stack trace: an unexpected failure is already a plain message with status 500.
  return json(
    { error: result.message ?? 'The answer could not be saved.', ...(result.fieldErrors ? { fieldErrors: result.fieldErrors } : {}) },
    status,
  );
}
