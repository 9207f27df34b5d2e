import { describe, expect, it } from 'vitest';
import { ACTION_BODY_LIMIT, replyPartProblem, requestBodyProblem } from '@/lib/http/request-body';

const post = (path: string, body: BodyInit | null, headers: Record<string, string>) =>
  new Request(`http://localhost${path}`, {
    method: 'POST',
    body,
    headers,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);

describe('server-action bodies the proxy refuses before Next.js answers 500', () => {
  it('accepts what the React client sends: plain values, escaped strings, dates, FormData references', async () => {
    expect(
      replyPartProblem('[{"a":1,"b":"$$money","c":"$undefined","d":"$D2024-01-01T00:00:00.000Z","e":["$NaN","$-0"]}]', () => false),
    ).toBeNull();
    expect(
      await requestBodyProblem(
        post('/chapters/x', '[{"chapter":"x"}]', { 'next-action': 'ab', 'content-type': 'text/plain;charset=UTF-8' }),
        '/chapters/x',
      ),
    ).toBeNull();
    const form = new FormData();
    form.append('_1_title', 'Seminar');
    form.append('0', '[null,"$K1"]');
    expect(await requestBodyProblem(post('/teach', form, { 'next-action': 'ab' }), '/teach')).toBeNull();
  });

  it('refuses encodings that make React throw, with a message', async () => {
    for (const body of [
      '',
      '[{"a":',
      '"text"',
      '["$Q1"]',
      '["$h1"]',
      '["$F1"]',
      '["$n12"]',
      '["$@5"]',
      '["$1"]',
      '[' + '['.repeat(100) + ']'.repeat(100) + ']',
    ]) {
      const problem = await requestBodyProblem(post('/x', body, { 'next-action': 'ab', 'content-type': 'text/plain' }), '/x');
      expect(problem?.status, body.slice(0, 20)).toBe(400);
      expect(problem?.message).toMatch(/could not be read .* nothing was saved/);
    }
    const noRoot = new FormData();
    noRoot.append('_1_title', 'x');
    expect((await requestBodyProblem(post('/teach', noRoot, { 'next-action': 'ab' }), '/teach'))?.status).toBe(400);
    const badMeta = new FormData();
    badMeta.append('$ACTION_REF_1', '');
    badMeta.append('$ACTION_1:0', '{"id":"ab","bound":"$Q9"}');
    expect((await requestBodyProblem(post('/teach', badMeta, {}), '/teach'))?.status).toBe(400);
  });

  it('refuses bodies over the limit, declared or streamed, with 413', async () => {
    const big = 'x'.repeat(ACTION_BODY_LIMIT + 1);
    expect((await requestBodyProblem(post('/x', big, { 'next-action': 'ab', 'content-length': String(big.length) }), '/x'))?.status).toBe(
      413,
    );
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 3; i++) c.enqueue(new Uint8Array(ACTION_BODY_LIMIT / 2));
        c.close();
      },
    });
    expect((await requestBodyProblem(post('/x', stream, { 'next-action': 'ab' }), '/x'))?.status).toBe(413);
    expect(
      (await requestBodyProblem(post('/api/review-items', 'x', { 'content-length': String(2 * 1024 * 1024) }), '/api/review-items'))
        ?.status,
    ).toBe(413);
  });
});
