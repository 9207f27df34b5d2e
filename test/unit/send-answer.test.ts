// @vitest-environment jsdom
// The one answer path (components/answer/send-answer.ts) with the actions mocked and the outbox in fake IndexedDB:
// what is sent, what is kept in the browser, what waits on this device, and how the outbox is emptied.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const submitQuizAnswer = vi.fn();
const gradeQuizAsGuest = vi.fn();
const submitDrillAnswer = vi.fn();
const gradeDrillAsGuest = vi.fn();
vi.mock('@/lib/actions/learning', () => ({
  submitQuizAnswer: (...a: unknown[]) => submitQuizAnswer(...a),
  gradeQuizAsGuest: (...a: unknown[]) => gradeQuizAsGuest(...a),
}));
const submitReview = vi.fn();
vi.mock('@/lib/actions/review', () => ({ submitReview: (...a: unknown[]) => submitReview(...a) }));
vi.mock('@/lib/actions/drill', () => ({
  submitDrillAnswer: (...a: unknown[]) => submitDrillAnswer(...a),
  gradeDrillAsGuest: (...a: unknown[]) => gradeDrillAsGuest(...a),
}));

const { sendAnswer, flushOutbox, DROPPED_KEY } = await import('../../components/answer/send-answer');
type AnswerEntry = Parameters<typeof sendAnswer>[0];
const { pendingAnswers, removeAnswer, OUTBOX_EVENT } = await import('../../lib/answers/outbox');
const { readGuest } = await import('../../lib/guest/store');
const { gradeDrill } = await import('../../lib/learning/classify');
type Scenario = import('../../lib/learning/scenario-schema').Scenario;

const offline = () => Promise.reject(new TypeError('Failed to fetch'));
const quizFeedback = { correct: true, correctIndices: [1], explanations: ['a', 'b'] };

function quizEntry(key: string, who: 'user' | 'guest', queuedAt = '2025-01-01T10:00:00.000Z'): AnswerEntry {
  return {
    key,
    kind: 'quiz',
    who,
    payload: { quizId: 'q1', selected: [1], confident: true, durationMs: 1200 },
    title: 'a question',
    queuedAt,
    guest: { itemKind: 'quiz', itemId: 'q1', chapter: 'introduction', confident: true, durationMs: 1200 },
  };
}

const scenario: Scenario = {
  id: 'arm',
  family: 'warehouse-arm',
  title: 'A picking arm under a skylight',
  domain: 'robotics',
  description: 'A warehouse robot arm was trained to pick parcels. Sunlight fell across the bin. The arm grabbed at empty space.',
  label: 'capability-failure',
  questions: {
    training: { answer: 'no', evidence: [], note: 'Parcels on the belt are what the designers wanted.' },
    shift: { answer: 'yes', evidence: [], note: 'The lighting is new.' },
    competence: { answer: 'no', evidence: [], note: 'Grabbing at empty space is not skilful.' },
  },
  goalPursued: 'pick parcels',
  rationale: 'Its skill, not its goal, broke under the new light, which is what a capability failure is.',
  source: { kind: 'constructed' },
  difficulty: 'intro',
  chapter: 'introduction',
};

function drillEntry(key: string, who: 'user' | 'guest'): AnswerEntry {
  return {
    key,
    kind: 'drill',
    who,
    payload: {
      scenarioId: 'arm',
      setId: null,
      label: 'goal-misgeneralization',
      answers: { training: 'no', shift: 'yes', competence: 'yes' },
      confident: false,
      durationMs: 50,
    },
    title: scenario.title,
    queuedAt: '2025-01-01T10:00:00.000Z',
    guest: { itemKind: 'scenario', itemId: 'arm', chapter: 'introduction', confident: false, durationMs: 50 },
  };
}

const keysSent = (fn: typeof submitQuizAnswer) => fn.mock.calls.map((c) => (c[0] as { idempotencyKey: string }).idempotencyKey);

beforeEach(async () => {
  localStorage.clear();
  for (const e of await pendingAnswers()) await removeAnswer(e.key);
  for (const fn of [submitQuizAnswer, gradeQuizAsGuest, submitDrillAnswer, gradeDrillAsGuest]) fn.mockReset();
  submitQuizAnswer.mockResolvedValue({ ok: true, data: { ...quizFeedback, firstAttempt: true, duplicate: false } });
  gradeQuizAsGuest.mockResolvedValue({ ok: true, data: quizFeedback });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('sendAnswer', () => {
  it('sends the payload with the key to the action for who answers and what; only a guest answer is kept in the browser', async () => {
    expect(await sendAnswer(quizEntry('user0000000000000001', 'user'))).toEqual({
      status: 'done',
      data: { ...quizFeedback, firstAttempt: true, duplicate: false },
    });
    expect(submitQuizAnswer).toHaveBeenCalledWith({
      quizId: 'q1',
      selected: [1],
      confident: true,
      durationMs: 1200,
      idempotencyKey: 'user0000000000000001',
    });
    expect(readGuest().attempts).toEqual([]);

    expect(await sendAnswer(quizEntry('guest000000000000001', 'guest'))).toEqual({ status: 'done', data: quizFeedback });
    expect(gradeQuizAsGuest).toHaveBeenCalledWith({
      quizId: 'q1',
      selected: [1],
      confident: true,
      durationMs: 1200,
      idempotencyKey: 'guest000000000000001',
    });
    expect(readGuest().attempts).toMatchObject([
      {
        idempotencyKey: 'guest000000000000001',
        itemKind: 'quiz',
        itemId: 'q1',
        chapter: 'introduction',
        response: { selected: [1] },
        correct: true,
        confident: true,
        durationMs: 1200,
      },
    ]);
    expect(submitDrillAnswer).not.toHaveBeenCalled();
    expect(gradeDrillAsGuest).not.toHaveBeenCalled();
  });

  it("keeps a guest's drill answer with the server's grade and the case's label from the server", async () => {
    const result = gradeDrill(scenario, { label: 'goal-misgeneralization', answers: { training: 'no', shift: 'yes', competence: 'yes' } });
    gradeDrillAsGuest.mockResolvedValue({ ok: true, data: { ...result, scenario } });
    const r = await sendAnswer(drillEntry('drill000000000000001', 'guest'));
    expect(r.status).toBe('done');
    expect(gradeDrillAsGuest.mock.calls[0]![0]).toMatchObject({ scenarioId: 'arm', idempotencyKey: 'drill000000000000001' });
    expect(readGuest().attempts).toMatchObject([
      {
        idempotencyKey: 'drill000000000000001',
        itemKind: 'scenario',
        itemId: 'arm',
        correct: false,
        confident: false,
        response: {
          label: 'goal-misgeneralization',
          answers: { training: 'no', shift: 'yes', competence: 'yes' },
          wrong: ['competence'],
          truth: 'capability-failure',
        },
      },
    ]);
  });

  it("a refusal passes the server's message on and queues nothing; without a message it says what to do", async () => {
    submitQuizAnswer.mockResolvedValueOnce({ ok: false, status: 400, message: 'Pick only one answer.' });
    expect(await sendAnswer(quizEntry('refused0000000000001', 'user'))).toEqual({ status: 'refused', message: 'Pick only one answer.' });
    submitQuizAnswer.mockResolvedValueOnce({ ok: false, status: 429 });
    expect(await sendAnswer(quizEntry('refused0000000000002', 'user'))).toEqual({
      status: 'refused',
      message: 'The server is busy. Press Check again in a moment.',
    });
    submitQuizAnswer.mockResolvedValueOnce({ ok: false, status: 404 });
    expect(await sendAnswer(quizEntry('refused0000000000003', 'user'))).toEqual({
      status: 'refused',
      message: 'Your answer could not be saved.',
    });
    gradeQuizAsGuest.mockResolvedValueOnce({
      ok: false,
      status: 429,
      message: 'Too many answers at once. Wait 5 seconds, then press Check again.',
    });
    expect(await sendAnswer(quizEntry('refused0000000000004', 'guest'))).toMatchObject({ status: 'refused', message: /Too many answers/ });
    expect(await pendingAnswers()).toEqual([]);
    expect(readGuest().attempts).toEqual([]);
  });

  it('a network failure queues the whole entry under its key and tells the page', async () => {
    const events = vi.fn();
    window.addEventListener(OUTBOX_EVENT, events);
    submitQuizAnswer.mockImplementationOnce(offline);
    const entry = quizEntry('queued00000000000001', 'user');
    expect(await sendAnswer(entry)).toEqual({ status: 'queued' });
    expect(await pendingAnswers()).toEqual([entry]);
    expect(events).toHaveBeenCalledTimes(1);
    window.removeEventListener(OUTBOX_EVENT, events);
    expect(readGuest().attempts).toEqual([]);
  });

  it('where the browser has no IndexedDB, a network failure is reported for the learner to retry', async () => {
    vi.resetModules();
    vi.stubGlobal('indexedDB', undefined);
    const fresh = await import('../../components/answer/send-answer');
    submitQuizAnswer.mockImplementationOnce(offline);
    expect(await fresh.sendAnswer(quizEntry('nodb0000000000000001', 'user'))).toEqual({
      status: 'failed',
      message: expect.stringMatching(/could not be sent \(network problem\).*press Check again/),
    });
  });
});

describe('flushOutbox', () => {
  // The entries are dated 1 January 2025; the flush runs the next day (answers older than two weeks are dropped).
  beforeEach(() => {
    vi.spyOn(Date, 'now').mockReturnValue(Date.parse('2025-01-02T00:00:00.000Z'));
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  async function queue(...entries: AnswerEntry[]) {
    for (const e of entries) {
      const fn = e.who === 'user' ? submitQuizAnswer : gradeQuizAsGuest;
      fn.mockImplementationOnce(offline);
      expect(await sendAnswer(e)).toEqual({ status: 'queued' });
    }
    for (const fn of [submitQuizAnswer, gradeQuizAsGuest]) fn.mockClear();
  }

  it('sends the waiting answers oldest first, each once with its own key; guests keep theirs in the browser', async () => {
    await queue(
      quizEntry('b000000000000000000b', 'guest', '2025-01-01T10:05:00.000Z'),
      quizEntry('a000000000000000000a', 'user', '2025-01-01T10:00:00.000Z'),
    );
    const order: string[] = [];
    submitQuizAnswer.mockImplementation(
      async (i: { idempotencyKey: string }) => (
        order.push(i.idempotencyKey),
        { ok: true, data: { ...quizFeedback, firstAttempt: true, duplicate: false } }
      ),
    );
    gradeQuizAsGuest.mockImplementation(
      async (i: { idempotencyKey: string }) => (order.push(i.idempotencyKey), { ok: true, data: quizFeedback }),
    );
    expect(await flushOutbox()).toBe(0);
    expect(order).toEqual(['a000000000000000000a', 'b000000000000000000b']);
    expect(await pendingAnswers()).toEqual([]);
    expect(readGuest().attempts.map((a) => a.idempotencyKey)).toEqual(['b000000000000000000b']);
    expect(await flushOutbox()).toBe(0);
    expect(order).toHaveLength(2);
  });

  it('stops at the first network failure and keeps that answer and the ones after it', async () => {
    await queue(
      quizEntry('k100000000000000000a', 'user', '2025-01-01T10:00:00.000Z'),
      quizEntry('k200000000000000000b', 'user', '2025-01-01T10:01:00.000Z'),
      quizEntry('k300000000000000000c', 'user', '2025-01-01T10:02:00.000Z'),
    );
    submitQuizAnswer
      .mockResolvedValueOnce({ ok: true, data: { ...quizFeedback, firstAttempt: true, duplicate: false } })
      .mockImplementationOnce(offline);
    expect(await flushOutbox()).toBe(2);
    expect(keysSent(submitQuizAnswer)).toEqual(['k100000000000000000a', 'k200000000000000000b']);
    expect((await pendingAnswers()).map((e) => e.key)).toEqual(['k200000000000000000b', 'k300000000000000000c']);
    // Online again: the rest go, the second one with the key it was first sent with.
    expect(await flushOutbox()).toBe(0);
    expect(keysSent(submitQuizAnswer).slice(2)).toEqual(['k200000000000000000b', 'k300000000000000000c']);
  });

  it('a busy server (429, 5xx) keeps the answer for later; a refusal for good (404) drops it', async () => {
    await queue(
      quizEntry('busy0000000000000001', 'user', '2025-01-01T10:00:00.000Z'),
      quizEntry('gone0000000000000002', 'user', '2025-01-01T10:01:00.000Z'),
    );
    submitQuizAnswer.mockResolvedValueOnce({ ok: false, status: 503 });
    expect(await flushOutbox()).toBe(2);
    expect(await pendingAnswers()).toHaveLength(2);
    submitQuizAnswer
      .mockResolvedValueOnce({ ok: true, data: { ...quizFeedback, firstAttempt: true, duplicate: true } })
      .mockResolvedValueOnce({ ok: false, status: 404, message: 'That question no longer exists.' });
    expect(await flushOutbox()).toBe(0);
    expect(await pendingAnswers()).toEqual([]);
    expect(keysSent(submitQuizAnswer)).toEqual(['busy0000000000000001', 'busy0000000000000001', 'gone0000000000000002']);
  });

  it('flushes started together share one run, so no answer is sent twice', async () => {
    await queue(quizEntry('once0000000000000001', 'user'));
    const [a, b] = await Promise.all([flushOutbox(), flushOutbox()]);
    expect([a, b]).toEqual([0, 0]);
    expect(keysSent(submitQuizAnswer)).toEqual(['once0000000000000001']);
  });

  it("a guest's queued drill answer is stored with the server's grade when it is sent", async () => {
    gradeDrillAsGuest.mockImplementationOnce(offline);
    expect(await sendAnswer(drillEntry('gdrill00000000000001', 'guest'))).toEqual({ status: 'queued' });
    expect(readGuest().attempts).toEqual([]);
    const result = gradeDrill(scenario, { label: 'goal-misgeneralization', answers: { training: 'no', shift: 'yes', competence: 'yes' } });
    gradeDrillAsGuest.mockResolvedValueOnce({ ok: true, data: { ...result, scenario } });
    expect(await flushOutbox()).toBe(0);
    expect(gradeDrillAsGuest.mock.calls.map((c) => (c[0] as { idempotencyKey: string }).idempotencyKey)).toEqual([
      'gdrill00000000000001',
      'gdrill00000000000001',
    ]);
    expect(readGuest().attempts).toMatchObject([
      { idempotencyKey: 'gdrill00000000000001', correct: false, response: { truth: 'capability-failure', wrong: ['competence'] } },
    ]);
  });

  it("a signed-in learner's answers are sent only while that learner is signed in; signed out, they wait", async () => {
    await queue(
      { ...quizEntry('ada0000000000000000a', 'user'), owner: 'ada' },
      { ...quizEntry('bob0000000000000000b', 'user'), owner: 'bob' },
    );
    submitQuizAnswer.mockResolvedValue({ ok: true, data: { ...quizFeedback, firstAttempt: true, duplicate: false } });
    // Bob is signed in on this browser now: only his answer goes; Ada's waits for her.
    expect(await flushOutbox('bob')).toBe(0);
    expect(keysSent(submitQuizAnswer)).toEqual(['bob0000000000000000b']);
    expect((await pendingAnswers()).map((e) => e.key)).toEqual(['ada0000000000000000a']);
    // Ada is back but her session has ended meanwhile (401): the answer still waits, nothing is lost.
    submitQuizAnswer.mockResolvedValueOnce({ ok: false, status: 401, message: 'Sign in to save answers.' });
    expect(await flushOutbox('ada')).toBe(1);
    expect((await pendingAnswers()).map((e) => e.key)).toEqual(['ada0000000000000000a']);
    expect(await flushOutbox('ada')).toBe(0);
    expect(await pendingAnswers()).toEqual([]);
  });

  it('an answer refused for good, or older than two weeks, is dropped and the learner is told', async () => {
    await queue(quizEntry('gone0000000000000003', 'user'), quizEntry('old00000000000000004', 'user', '2024-12-01T10:00:00.000Z'));
    submitQuizAnswer.mockResolvedValueOnce({ ok: false, status: 404, message: 'That question no longer exists.' });
    expect(await flushOutbox()).toBe(0);
    expect(keysSent(submitQuizAnswer)).toEqual(['gone0000000000000003']);
    expect(JSON.parse(localStorage.getItem(DROPPED_KEY) ?? '[]')).toEqual([
      { title: 'a question', message: 'It waited on this device for more than two weeks and was not sent.' },
      { title: 'a question', message: 'That question no longer exists.' },
    ]);
  });

  it('a signed-in review made offline waits with its key and is sent once, to the review action', async () => {
    const review: AnswerEntry = {
      key: 'rev00000000000000001',
      kind: 'review',
      who: 'user',
      owner: 'ada',
      payload: { cardId: 'card1', shownItemId: 'q1', selected: [1], confident: true, durationMs: 900, cardVersion: 2 },
      title: 'a review',
      queuedAt: '2025-01-01T10:00:00.000Z',
    };
    submitReview.mockImplementationOnce(offline);
    expect(await sendAnswer(review)).toEqual({ status: 'queued' });
    submitReview.mockResolvedValueOnce({
      ok: true,
      data: {
        correct: true,
        rating: 'Good',
        nextDue: '2025-01-05T00:00:00.000Z',
        duplicate: false,
        feedback: { kind: 'quiz', correctIndices: [1], explanations: [] },
      },
    });
    expect(await flushOutbox('ada')).toBe(0);
    expect(submitReview.mock.calls.map((c) => (c[0] as { idempotencyKey: string; cardVersion: number }).idempotencyKey)).toEqual([
      'rev00000000000000001',
      'rev00000000000000001',
    ]);
    expect((submitReview.mock.calls[1]![0] as { cardVersion: number }).cardVersion).toBe(2);
    expect(readGuest().attempts).toEqual([]);
  });
});
