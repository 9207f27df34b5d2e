// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const submitQuizAnswer = vi.fn();
vi.mock('@/lib/actions/learning', () => ({ submitQuizAnswer: (...a: unknown[]) => submitQuizAnswer(...a) }));
let sessionState: { status: 'guest' | 'user'; user: null | { name: string } } = { status: 'guest', user: null };
vi.mock('@/components/session/session-provider', () => ({ useSession: () => sessionState }));

const { QuizClient } = await import('../../components/quiz/quiz-client');
const { readGuest } = await import('../../lib/guest/store');

const choices = [
  { content: <>Wide basins have lower loss</>, explain: <>Not so: width and depth are different things.</>, correct: false },
  { content: <>Wide basins take up more of parameter space</>, explain: <>Right: more starting points roll into them.</>, correct: true },
  { content: <>Gradient descent prefers sharp minima</>, explain: <>The opposite tends to hold.</>, correct: false },
];

function renderQuiz(kind: 'single' | 'multiple' = 'single') {
  return render(<QuizClient id="ld-test" kind={kind} chapter="learning-dynamics" prompt={<>Why wide basins?</>} choices={choices} />);
}

describe('Quiz', () => {
  beforeEach(() => {
    localStorage.clear();
    submitQuizAnswer.mockReset();
    sessionState = { status: 'guest', user: null };
  });

  it('works by keyboard alone: a number key picks, Enter submits, and the result is announced', async () => {
    const user = userEvent.setup();
    renderQuiz();
    const form = screen.getByRole('form', { name: 'Why wide basins?' });
    within(form).getAllByRole('radio')[0]!.focus();
    await user.keyboard('2');
    expect(within(form).getByRole('radio', { name: /more of parameter space/ })).toHaveProperty('checked', true);
    await user.click(screen.getByRole('radio', { name: 'Sure' }));
    within(form).getByRole('radio', { name: /more of parameter space/ }).focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('status')).toHaveTextContent('Correct');
    // Every option's explanation is shown after answering.
    expect(screen.getByText('Not so: width and depth are different things.')).toBeTruthy();
    expect(screen.getByText('The opposite tends to hold.')).toBeTruthy();
  });

  it('asks for a confidence before checking, and says what is missing', async () => {
    const user = userEvent.setup();
    renderQuiz();
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Pick an answer.');
    await user.click(screen.getByRole('radio', { name: /lower loss/ }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/sure or unsure/);
  });

  it('a wrong answer marks the correct one and the chosen one, and a retry starts fresh', async () => {
    const user = userEvent.setup();
    renderQuiz();
    await user.click(screen.getByRole('radio', { name: /sharp minima/ }));
    await user.click(screen.getByRole('radio', { name: 'Unsure' }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByRole('status')).toHaveTextContent('Not quite');
    expect(screen.getByText('✓ Correct answer')).toBeTruthy();
    expect(screen.getByText('✗ Your answer')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.queryByText('✓ Correct answer')).toBeNull();
    expect(screen.getAllByRole('radio').every((r) => !(r as HTMLInputElement).checked)).toBe(true);
  });

  it("keeps a guest's answers in the browser, marking only the first try as counting", async () => {
    const user = userEvent.setup();
    renderQuiz();
    await user.click(screen.getByRole('radio', { name: /lower loss/ }));
    await user.click(screen.getByRole('radio', { name: 'Sure' }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await user.click(screen.getByRole('radio', { name: /parameter space/ }));
    await user.click(screen.getByRole('radio', { name: 'Sure' }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    const stored = readGuest().attempts;
    expect(stored.map((a) => [a.correct, a.firstAttempt])).toEqual([
      [false, true],
      [true, false],
    ]);
    expect(screen.getByText('Only your first try counts for mastery.')).toBeTruthy();
  });

  it('multiple choice needs exactly the set of correct answers', async () => {
    const user = userEvent.setup();
    render(
      <QuizClient
        id="ld-multi"
        kind="multiple"
        chapter="learning-dynamics"
        prompt={<>Pick all true</>}
        choices={[
          { content: <>A</>, explain: <>A is true because of X.</>, correct: true },
          { content: <>B</>, explain: <>B is true because of Y.</>, correct: true },
          { content: <>C</>, explain: <>C is false because of Z.</>, correct: false },
        ]}
      />,
    );
    await user.click(screen.getByRole('checkbox', { name: /A/ }));
    await user.click(screen.getByRole('radio', { name: 'Sure' }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByRole('status')).toHaveTextContent('Not quite');
  });

  it('a signed-in answer goes to the server with a stable key, and a failed save can be retried without losing the choice', async () => {
    sessionState = { status: 'user', user: { name: 'Ada' } };
    submitQuizAnswer.mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce({
      ok: true,
      data: { correct: true, correctIndices: [1], firstAttempt: true, duplicate: false },
    });
    const user = userEvent.setup();
    renderQuiz();
    await user.click(screen.getByRole('radio', { name: /parameter space/ }));
    await user.click(screen.getByRole('radio', { name: 'Sure' }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/could not be saved/);
    expect(screen.getByRole('radio', { name: /parameter space/ })).toHaveProperty('checked', true);
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Correct');
    const [first, second] = submitQuizAnswer.mock.calls.map((c) => c[0] as { idempotencyKey: string; selected: number[] });
    expect(first!.idempotencyKey).toBe(second!.idempotencyKey);
    expect(second!.selected).toEqual([1]);
    expect(readGuest().attempts).toHaveLength(0);
  });
});
