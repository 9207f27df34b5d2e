// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The server actions, mocked: they grade from the key below, which only the test (the "server") holds.
const submitQuizAnswer = vi.fn();
const gradeQuizAsGuest = vi.fn();
// The answer path also sends signed-in reviews; this component never does, but the module is imported.
vi.mock('@/lib/actions/review', () => ({ submitReview: vi.fn() }));
vi.mock('@/lib/actions/learning', () => ({
  submitQuizAnswer: (...a: unknown[]) => submitQuizAnswer(...a),
  gradeQuizAsGuest: (...a: unknown[]) => gradeQuizAsGuest(...a),
}));
// send-answer.ts imports the drill actions too; a quiz must never call them.
const drillAction = vi.fn();
vi.mock('@/lib/actions/drill', () => ({
  submitDrillAnswer: (...a: unknown[]) => drillAction(...a),
  gradeDrillAsGuest: (...a: unknown[]) => drillAction(...a),
}));
let sessionState: { status: 'guest' | 'user'; user: null | { name: string; id?: string } } = { status: 'guest', user: null };
vi.mock('@/components/session/session-provider', () => ({ useSession: () => sessionState }));
vi.mock('next/navigation', () => ({ usePathname: () => '/chapters/learning-dynamics' }));

const { QuizClient } = await import('../../components/quiz/quiz-client');
const { readGuest } = await import('../../lib/guest/store');
const { pendingAnswers, removeAnswer } = await import('../../lib/answers/outbox');
const { flushOutbox } = await import('../../components/answer/send-answer');
const { forgetPreviousAttempts } = await import('../../components/quiz/previous-attempts');

const EXPLAIN = [
  'Not so: width and depth are different things.',
  'Right: more starting points roll into them.',
  'The opposite tends to hold.',
];
const MULTI_EXPLAIN = ['A is true because of X.', 'B is true because of Y.', 'C is false because of Z.'];

/** The answer key, on the "server" side only: the component never gets it. */
const KEY: Record<string, { right: number[]; explanations: string[] }> = {
  'ld-test': { right: [1], explanations: EXPLAIN },
  'ld-multi': { right: [0, 1], explanations: MULTI_EXPLAIN },
};

type QuizInput = { quizId: string; selected: number[]; confident?: boolean; durationMs?: number; idempotencyKey: string };

function grade(input: QuizInput) {
  const key = KEY[input.quizId];
  if (!key) return null;
  const chosen = [...new Set(input.selected)].sort((a, b) => a - b);
  return { correct: chosen.join() === key.right.join(), correctIndices: [...key.right], explanations: [...key.explanations] };
}

const gone = { ok: false, status: 404, message: 'That question no longer exists. Reload the page to get the current version.' };

/** The signed-in action: grades, and stores once per idempotency key (a repeat returns the stored grade). */
function serverStoring() {
  const stored = new Map<string, ReturnType<typeof grade>>();
  const items = new Set<string>();
  return async (input: QuizInput) => {
    const g = grade(input);
    if (!g) return gone;
    const before = stored.get(input.idempotencyKey);
    if (before) return { ok: true, data: { ...before, firstAttempt: false, duplicate: true } };
    stored.set(input.idempotencyKey, g);
    const firstAttempt = !items.has(input.quizId);
    items.add(input.quizId);
    return { ok: true, data: { ...g, firstAttempt, duplicate: false } };
  };
}

const choices = [
  { content: <>Wide basins have lower loss</> },
  { content: <>Wide basins take up more of parameter space</> },
  { content: <>Gradient descent prefers sharp minima</> },
];

function renderQuiz(kind: 'single' | 'multiple' = 'single') {
  return render(<QuizClient id="ld-test" kind={kind} chapter="learning-dynamics" prompt={<>Why wide basins?</>} choices={choices} />);
}

const QUEUED = 'Saved on this device. It will be checked and synced when you are back online.';
const keyOf = (fn: typeof submitQuizAnswer, call: number) => (fn.mock.calls[call]![0] as QuizInput).idempotencyKey;

describe('Quiz', () => {
  beforeEach(async () => {
    localStorage.clear();
    for (const e of await pendingAnswers()) await removeAnswer(e.key);
    submitQuizAnswer.mockReset().mockImplementation(serverStoring());
    gradeQuizAsGuest.mockReset().mockImplementation(async (input: QuizInput) => {
      const g = grade(input);
      return g ? { ok: true, data: g } : gone;
    });
    drillAction.mockReset();
    sessionState = { status: 'guest', user: null };
    forgetPreviousAttempts();
    vi.unstubAllGlobals();
  });

  it('before answering, the page holds no explanation and no marker of the right choice', () => {
    const { container } = renderQuiz();
    const html = container.innerHTML;
    for (const text of EXPLAIN) expect(html).not.toContain(text);
    expect(html).not.toMatch(/correct/i);
    expect(screen.queryByText(/Correct answer/)).toBeNull();
    // The three choices look alike: no mark, and no attribute that differs but the value.
    const marks = [...container.querySelectorAll('[data-mark]')].map((c) => c.getAttribute('data-mark'));
    expect(marks).toEqual(['none', 'none', 'none']);
    const inputs = screen.getAllByRole('radio').slice(0, 3);
    const attrs = inputs.map((i) =>
      [...i.attributes]
        .filter((a) => a.name !== 'value')
        .map((a) => `${a.name}=${a.value}`)
        .sort()
        .join(' '),
    );
    expect(new Set(attrs).size).toBe(1);
    // The multiple-choice form of the same question gives nothing away either.
    const multi = render(
      <QuizClient
        id="ld-multi"
        kind="multiple"
        chapter="learning-dynamics"
        prompt={<>Pick all true</>}
        choices={[{ content: <>A</> }, { content: <>B</> }, { content: <>C</> }]}
      />,
    );
    for (const text of MULTI_EXPLAIN) expect(multi.container.innerHTML).not.toContain(text);
    expect(multi.container.innerHTML).not.toMatch(/correct/i);
  });

  it('a choice carries its text only: the key and the explanation are refused by the type', () => {
    render(
      <QuizClient
        id="ld-test"
        kind="single"
        chapter={null}
        prompt={<>Typed</>}
        // @ts-expect-error the page holds no answer key
        choices={[{ content: <>A</>, correct: true, explain: <>Because.</> }]}
      />,
    );
    expect(screen.getByRole('form', { name: 'Typed' })).toBeInTheDocument();
  });

  it('works by keyboard alone: a number key picks, Enter submits, and the result is announced', async () => {
    const user = userEvent.setup();
    renderQuiz();
    const form = screen.getByRole('form', { name: 'Why wide basins?' });
    within(form).getAllByRole('radio')[0]!.focus();
    await user.keyboard('2');
    expect(within(form).getByRole('radio', { name: /more of parameter space/ })).toHaveProperty('checked', true);
    await user.click(screen.getByRole('radio', { name: 'Sure' }));
    within(form)
      .getByRole('radio', { name: /more of parameter space/ })
      .focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Correct'));
    expect(form).toHaveAttribute('data-state', 'correct');
    // Every option's explanation is shown after answering.
    expect(screen.getByText('Not so: width and depth are different things.')).toBeTruthy();
    expect(screen.getByText('The opposite tends to hold.')).toBeTruthy();
    // A guest's answer is graded by the guest action, with a key, and nothing goes to the storing one.
    expect(gradeQuizAsGuest).toHaveBeenCalledTimes(1);
    expect(gradeQuizAsGuest.mock.calls[0]![0]).toMatchObject({ quizId: 'ld-test', selected: [1], confident: true });
    expect(keyOf(gradeQuizAsGuest, 0)).toMatch(/^[A-Za-z0-9]{16,}$/);
    expect(submitQuizAnswer).not.toHaveBeenCalled();
    expect(drillAction).not.toHaveBeenCalled();
  });

  it('asks for a confidence before checking, and says what is missing', async () => {
    const user = userEvent.setup();
    renderQuiz();
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Pick an answer.');
    await user.click(screen.getByRole('radio', { name: /lower loss/ }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/sure or unsure/);
    expect(gradeQuizAsGuest).not.toHaveBeenCalled();
    expect(submitQuizAnswer).not.toHaveBeenCalled();
  });

  it('a wrong answer marks the correct one and the chosen one, and a retry starts fresh', async () => {
    const user = userEvent.setup();
    renderQuiz();
    await user.click(screen.getByRole('radio', { name: /sharp minima/ }));
    await user.click(screen.getByRole('radio', { name: 'Unsure' }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Not quite'));
    expect(screen.getByText('✓ Correct answer')).toBeTruthy();
    expect(screen.getByText('✗ Your answer')).toBeTruthy();
    expect(screen.getByText('Correct: 2')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.queryByText('✓ Correct answer')).toBeNull();
    for (const text of EXPLAIN) expect(screen.queryByText(text)).toBeNull();
    expect(screen.getAllByRole('radio').every((r) => !(r as HTMLInputElement).checked)).toBe(true);
  });

  it("keeps a guest's answers in the browser, marking only the first try as counting", async () => {
    const user = userEvent.setup();
    renderQuiz();
    await user.click(screen.getByRole('radio', { name: /lower loss/ }));
    await user.click(screen.getByRole('radio', { name: 'Sure' }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    await user.click(await screen.findByRole('button', { name: 'Try again' }));
    await user.click(screen.getByRole('radio', { name: /parameter space/ }));
    await user.click(screen.getByRole('radio', { name: 'Sure' }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByText('Only your first try counts for mastery.')).toBeTruthy();
    const stored = readGuest().attempts;
    expect(stored.map((a) => [a.correct, a.firstAttempt])).toEqual([
      [false, true],
      [true, false],
    ]);
    // Each try went to the server with its own key, and the browser kept it under that key.
    expect(stored.map((a) => a.idempotencyKey)).toEqual([keyOf(gradeQuizAsGuest, 0), keyOf(gradeQuizAsGuest, 1)]);
    expect(keyOf(gradeQuizAsGuest, 0)).not.toBe(keyOf(gradeQuizAsGuest, 1));
    expect(stored[0]).toMatchObject({
      itemKind: 'quiz',
      itemId: 'ld-test',
      chapter: 'learning-dynamics',
      response: { selected: [0] },
      confident: true,
    });
  });

  it("after a guest answers, the marks and explanations are the server's, from gradeQuizAsGuest", async () => {
    const fromServer = ['Server says: first option.', 'Server says: second option.', 'Server says: third option.'];
    gradeQuizAsGuest.mockResolvedValueOnce({ ok: true, data: { correct: false, correctIndices: [2], explanations: fromServer } });
    const user = userEvent.setup();
    const { container } = renderQuiz();
    await user.click(screen.getByRole('radio', { name: /lower loss/ }));
    await user.click(screen.getByRole('radio', { name: 'Sure' }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Not quite'));
    // The server's explanations, each tied to its option; none of the test key's.
    fromServer.forEach((text, i) => {
      const p = screen.getByText(text);
      expect(screen.getAllByRole('radio')[i]).toHaveAttribute('aria-describedby', p.id);
    });
    for (const text of EXPLAIN) expect(container.innerHTML).not.toContain(text);
    // The right choice is the one the server named.
    expect(screen.getByText('✓ Correct answer').closest('[data-mark]')).toHaveTextContent('Gradient descent prefers sharp minima');
    expect(screen.getByText('✗ Your answer').closest('[data-mark]')).toHaveTextContent('Wide basins have lower loss');
    expect(screen.getByText('Correct: 3')).toBeTruthy();
    expect(readGuest().attempts).toMatchObject([
      { itemId: 'ld-test', correct: false, response: { selected: [0] }, idempotencyKey: keyOf(gradeQuizAsGuest, 0) },
    ]);
  });

  it('multiple choice needs exactly the set of correct answers', async () => {
    const user = userEvent.setup();
    render(
      <QuizClient
        id="ld-multi"
        kind="multiple"
        chapter="learning-dynamics"
        prompt={<>Pick all true</>}
        choices={[{ content: <>A</> }, { content: <>B</> }, { content: <>C</> }]}
      />,
    );
    await user.click(screen.getByRole('checkbox', { name: /A/ }));
    await user.click(screen.getByRole('radio', { name: 'Sure' }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Not quite — the correct answers are marked'));
    expect(gradeQuizAsGuest.mock.calls[0]![0]).toMatchObject({ quizId: 'ld-multi', selected: [0] });
    expect(screen.getAllByText('✓ Correct answer')).toHaveLength(2);
    expect(screen.getByText('Correct: 1, 2')).toBeTruthy();
    for (const text of MULTI_EXPLAIN) expect(screen.getByText(text)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await user.click(screen.getByRole('checkbox', { name: /B/ }));
    await user.click(screen.getByRole('checkbox', { name: /A/ }));
    await user.click(screen.getByRole('radio', { name: 'Sure' }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Correct — why'));
    expect(gradeQuizAsGuest.mock.calls[1]![0]).toMatchObject({ quizId: 'ld-multi', selected: [0, 1] });
  });

  it('a signed-in answer goes to the server with a stable key and is not kept in the browser', async () => {
    sessionState = { status: 'user', user: { name: 'Ada' } };
    const user = userEvent.setup();
    renderQuiz();
    await user.click(screen.getByRole('radio', { name: /parameter space/ }));
    await user.click(screen.getByRole('radio', { name: 'Sure' }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Correct'));
    expect(submitQuizAnswer).toHaveBeenCalledTimes(1);
    expect(submitQuizAnswer.mock.calls[0]![0]).toEqual({
      quizId: 'ld-test',
      selected: [1],
      confident: true,
      durationMs: expect.any(Number),
      idempotencyKey: expect.stringMatching(/^[A-Za-z0-9]{16,}$/),
    });
    for (const text of EXPLAIN) expect(screen.getByText(text)).toBeTruthy();
    expect(gradeQuizAsGuest).not.toHaveBeenCalled();
    expect(readGuest().attempts).toHaveLength(0);
    expect(await pendingAnswers()).toEqual([]);
  });

  it('signed in, a network failure keeps the answer on this device; flushOutbox later sends it once with the same key', async () => {
    sessionState = { status: 'user', user: { name: 'Ada' } };
    submitQuizAnswer.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const user = userEvent.setup();
    const { container } = renderQuiz();
    const form = screen.getByRole('form', { name: 'Why wide basins?' });
    await user.click(screen.getByRole('radio', { name: /parameter space/ }));
    await user.click(screen.getByRole('radio', { name: 'Sure' }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByText(QUEUED)).toHaveAttribute('role', 'status');
    expect(form).toHaveAttribute('data-state', 'queued');
    expect(screen.queryByRole('alert')).toBeNull();
    // Not graded yet: no verdict and no explanation on the page.
    expect(screen.queryByText(/Correct answer|Your answer/)).toBeNull();
    for (const text of EXPLAIN) expect(container.innerHTML).not.toContain(text);
    expect(screen.getByRole('radio', { name: /parameter space/ })).toHaveProperty('checked', true);

    const sentKey = keyOf(submitQuizAnswer, 0);
    const waiting = await pendingAnswers();
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({
      key: sentKey,
      kind: 'quiz',
      who: 'user',
      payload: { quizId: 'ld-test', selected: [1], confident: true },
    });

    // Back online: sent once, with the key of the failed send, and the outbox is empty.
    expect(await flushOutbox()).toBe(0);
    expect(submitQuizAnswer).toHaveBeenCalledTimes(2);
    expect(submitQuizAnswer.mock.calls[1]![0]).toEqual({
      quizId: 'ld-test',
      selected: [1],
      confident: true,
      durationMs: expect.any(Number),
      idempotencyKey: sentKey,
    });
    expect(await pendingAnswers()).toEqual([]);
    expect(await flushOutbox()).toBe(0);
    expect(submitQuizAnswer).toHaveBeenCalledTimes(2);
    expect(gradeQuizAsGuest).not.toHaveBeenCalled();
    expect(readGuest().attempts).toHaveLength(0);
  });

  it("a guest's answer queued offline is graded and kept in the browser when the outbox is flushed", async () => {
    gradeQuizAsGuest.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const user = userEvent.setup();
    renderQuiz();
    await user.click(screen.getByRole('radio', { name: /lower loss/ }));
    await user.click(screen.getByRole('radio', { name: 'Unsure' }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    await screen.findByText(QUEUED);
    // Nothing is kept until the server has graded it.
    expect(readGuest().attempts).toEqual([]);
    const sentKey = keyOf(gradeQuizAsGuest, 0);
    expect(await pendingAnswers()).toMatchObject([{ key: sentKey, kind: 'quiz', who: 'guest' }]);

    expect(await flushOutbox()).toBe(0);
    expect(gradeQuizAsGuest).toHaveBeenCalledTimes(2);
    expect(keyOf(gradeQuizAsGuest, 1)).toBe(sentKey);
    expect(readGuest().attempts).toMatchObject([
      {
        idempotencyKey: sentKey,
        itemKind: 'quiz',
        itemId: 'ld-test',
        chapter: 'learning-dynamics',
        response: { selected: [0] },
        correct: false,
        confident: false,
        firstAttempt: true,
      },
    ]);
    expect(await pendingAnswers()).toEqual([]);
    expect(submitQuizAnswer).not.toHaveBeenCalled();
  });

  it("a server refusal shows the server's message, keeps the choice and queues nothing; Check sends it again with the same key", async () => {
    sessionState = { status: 'user', user: { name: 'Ada' } };
    submitQuizAnswer.mockResolvedValueOnce({ ok: false, status: 400, message: 'That answer is not one of the options.' });
    const user = userEvent.setup();
    renderQuiz();
    const form = screen.getByRole('form', { name: 'Why wide basins?' });
    await user.click(screen.getByRole('radio', { name: /parameter space/ }));
    await user.click(screen.getByRole('radio', { name: 'Sure' }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That answer is not one of the options.');
    expect(form).toHaveAttribute('data-state', 'open');
    expect(screen.queryByText(QUEUED)).toBeNull();
    expect(screen.getByRole('radio', { name: /parameter space/ })).toHaveProperty('checked', true);
    expect(await pendingAnswers()).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Check' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Correct'));
    expect(submitQuizAnswer).toHaveBeenCalledTimes(2);
    expect(keyOf(submitQuizAnswer, 1)).toBe(keyOf(submitQuizAnswer, 0));
    expect(submitQuizAnswer.mock.calls[1]![0]).toMatchObject({ selected: [1] });
    expect(readGuest().attempts).toHaveLength(0);
  });

  it('the verdict is right above the choices it explains, and "Try again" comes after them', async () => {
    const user = userEvent.setup();
    const { container } = renderQuiz();
    await user.click(screen.getByRole('radio', { name: /sharp minima/ }));
    await user.click(screen.getByRole('radio', { name: 'Sure' }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    const status = await screen.findByText(/^Not quite — the correct answer is marked\. Why each option is right or wrong:$/);
    expect(status).toHaveAttribute('role', 'status');
    const follows = (a: Node, b: Node) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    const firstChoice = container.querySelector('[data-mark]')!;
    const explanations = EXPLAIN.map((t) => screen.getByText(t));
    const retry = screen.getByRole('button', { name: 'Try again' });
    // Read top to bottom: the prompt, the verdict, then the choices with their explanations, then the button.
    expect(follows(screen.getByText('Why wide basins?'), status)).toBe(true);
    expect(follows(status, firstChoice)).toBe(true);
    for (const e of explanations) expect(follows(status, e)).toBe(true);
    expect(follows(explanations.at(-1)!, retry)).toBe(true);
    // Nothing between the verdict and the first choice.
    expect(status.nextElementSibling?.contains(firstChoice)).toBe(true);
  });

  it('a signed-in learner coming back sees their last answer, read once per chapter from their own attempts', async () => {
    sessionState = { status: 'user', user: { name: 'Ada', id: 'user-ada' } };
    const fetchMock = vi.fn(async (_url: string) => ({
      ok: true,
      status: 200,
      json: async () => ({ quizzes: [{ quizId: 'ld-test', tries: 2, selected: [2], correct: false, at: '2026-01-02T10:00:00.000Z' }] }),
    }));
    vi.stubGlobal('fetch', fetchMock);
    render(
      <>
        <QuizClient id="ld-test" kind="single" chapter="learning-dynamics" prompt={<>Why wide basins?</>} choices={choices} />
        <QuizClient
          id="ld-multi"
          kind="multiple"
          chapter="learning-dynamics"
          prompt={<>Pick all true</>}
          choices={[{ content: <>A</> }, { content: <>B</> }, { content: <>C</> }]}
        />
      </>,
    );
    const answered = screen.getByRole('form', { name: 'Why wide basins?' });
    expect(await within(answered).findByText(/2 tries so far/)).toBeTruthy();
    expect(within(answered).getByTestId('quiz-last-time')).toHaveTextContent('last time you chose 3: not quite');
    // The other question was never answered: no history shown for it.
    expect(within(screen.getByRole('form', { name: 'Pick all true' })).queryByText(/tries? so far|last time/)).toBeNull();
    // One request for the chapter, whatever the number of quizzes; it names no user (the server uses the session).
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/quiz-attempts?chapter=learning-dynamics');
    // Answering again: the count goes on from the stored tries, and the old verdict gives way to the new one.
    const user = userEvent.setup();
    await user.click(within(answered).getByRole('radio', { name: /parameter space/ }));
    await user.click(within(answered).getByRole('radio', { name: 'Sure' }));
    await user.click(within(answered).getByRole('button', { name: 'Check' }));
    await waitFor(() => expect(within(answered).getByRole('status')).toHaveTextContent('Correct — why'));
    expect(within(answered).getByText(/3 tries so far/)).toBeTruthy();
    expect(within(answered).queryByTestId('quiz-last-time')).toBeNull();
  });

  it('a reply that is not the expected shape shows no history and breaks nothing', async () => {
    sessionState = { status: 'user', user: { name: 'Ada', id: 'user-ada-2' } };
    const fetchMock = vi.fn(async () => ({
      ok: true,
      status: 200,
      json: async () => ({ quizzes: [{ quizId: 'ld-test', tries: 'many' }] }),
    }));
    vi.stubGlobal('fetch', fetchMock);
    renderQuiz();
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.queryByText(/tries? so far|last time/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Check' })).toBeEnabled();
  });

  it('a guest sees their last choice too, and “Create an account” brings them back to this question', async () => {
    const user = userEvent.setup();
    const first = renderQuiz();
    await user.click(screen.getByRole('radio', { name: /lower loss/ }));
    await user.click(screen.getByRole('radio', { name: 'Sure' }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    await screen.findByRole('button', { name: 'Try again' });
    first.unmount();
    // Coming back to the chapter later.
    renderQuiz();
    expect(await screen.findByTestId('quiz-last-time')).toHaveTextContent('last time you chose 1: not quite');
    expect(screen.getByText(/1 try so far/)).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Create an account' });
    expect(link).toHaveAttribute('href', `/signup?next=${encodeURIComponent('/chapters/learning-dynamics#quiz-ld-test')}`);
    expect(screen.getByRole('form', { name: 'Why wide basins?' })).toHaveAttribute('id', 'quiz-ld-test');
  });
});
