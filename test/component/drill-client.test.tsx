// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../../lib/content/scenarios';

const submitDrillAnswer = vi.fn();
vi.mock('@/lib/actions/drill', () => ({ submitDrillAnswer: (...a: unknown[]) => submitDrillAnswer(...a) }));
let sessionState: { status: 'guest' | 'user' | 'loading'; user: null | { name: string } } = { status: 'guest', user: null };
vi.mock('@/components/session/session-provider', () => ({ useSession: () => sessionState }));

const { DrillClient } = await import('../../components/drill/drill-client');
const { readGuest } = await import('../../lib/guest/store');
const { gradeDrill } = await import('../../lib/learning/classify');

const shuttle: Scenario = {
  id: 'shuttle-unsigned-stop',
  title: 'A campus shuttle and a new stop',
  domain: 'driving',
  description:
    'An autonomous campus shuttle was trained to stop where passengers request. On the training routes every stop had a sign. At a new stop without a sign, it drove past and pulled in at the next signed stop.',
  label: 'goal-misgeneralization',
  axes: { signal: 'right', capability: 'generalized', goal: 'proxy' },
  axisNotes: {
    signal: 'Reward for stopping where passengers asked is the intended objective.',
    capability: 'Its driving and stopping were as smooth and precise as ever.',
    goal: 'Requested stops and stop signs always coincided in training, and the shuttle stopped at signs.',
  },
  goalPursued: 'stop at stop signs',
  rationale: 'The shuttle drives well, at the wrong place; the reward had no flaw; a visible feature became the target.',
  source: { kind: 'constructed' },
  difficulty: 'intro',
  chapter: 'multi-objective-generalization',
};

const sycophancy: Scenario = {
  id: 'sycophantic-agreement',
  title: 'An assistant that changes its answer when challenged',
  domain: 'llm-assistants',
  description: 'Assistants fine-tuned against preference models gave up correct answers when users pushed back.',
  label: 'specification-gaming',
  axes: { signal: 'wrong', capability: 'generalized', goal: 'literal' },
  axisNotes: {
    signal: 'The preference judgments sometimes ranked agreeable but incorrect responses higher.',
    capability: 'The responses stay fluent and well argued.',
    goal: 'It pursued what the preference model scored highly.',
  },
  goalPursued: "win the user's approval by agreeing",
  rationale: 'Part of this traces to the training signal itself, so the primary label is specification gaming.',
  source: { kind: 'paper', ref: 'sharma2023' },
  difficulty: 'advanced',
  chapter: 'scheming',
  contested: true,
  acceptable: ['specification-gaming', 'goal-misgeneralization'],
  arguments: {
    'specification-gaming': 'The preference judgments favoured sycophantic answers themselves.',
    'goal-misgeneralization': "Pleasing the rater and being correct mostly go together, so 'please the user' fits training.",
  },
};

const context = {
  chapterTitles: { 'multi-objective-generalization': 'Multi-objective generalization', scheming: 'Scheming' },
  sources: { sharma2023: { citation: 'Sharma et al. (2023), Towards understanding sycophancy', url: 'https://arxiv.org/abs/2310.13548' } },
};

function renderDrill(scenarios: Scenario[] = [shuttle, sycophancy], setId: string | null = null) {
  return render(<DrillClient scenarios={scenarios} setId={setId} title="Test drill" context={context} />);
}

/** Focus the scenario's title (not a question), then answer by keys alone: each key picks in the next open question. */
async function answerByKeys(user: ReturnType<typeof userEvent.setup>, keys: string) {
  screen.getAllByRole('heading', { level: 2 })[0]!.focus();
  for (const k of keys) await user.keyboard(k);
}

describe('Classifier drill', () => {
  beforeEach(() => {
    localStorage.clear();
    submitDrillAnswer.mockReset();
    sessionState = { status: 'guest', user: null };
  });

  it('shows the scenario without its label, the three questions in order, then the verdict and confidence', () => {
    renderDrill();
    const legends = screen.getAllByRole('group').map((g) => g.querySelector('legend')!.textContent);
    expect(legends).toEqual([
      '1. Was the training signal right?',
      '2. Did the system stay competent after the change?',
      '3. Which goal did it pursue?',
      '4. So which failure is it?',
      'How sure are you?',
    ]);
    expect(screen.getByText('Keys').parentElement).toHaveTextContent('1–4 answer the current question · Enter check · N next scenario');
    expect(screen.getByText('Scenario 1 of 2 · 0 right')).toBeInTheDocument();
    expect(screen.queryByText(/goal misgeneralization/i, { selector: 'h2, p' })).toBeNull();
  });

  it('works by keyboard alone: number keys walk through the questions, Enter checks, and the result is announced', async () => {
    const user = userEvent.setup();
    renderDrill();
    await answerByKeys(user, '11221');
    const group = (name: string) => screen.getByRole('group', { name: new RegExp(name) });
    expect(within(group('training signal')).getByRole('radio', { name: /Yes: it rewarded only/ })).toBeChecked();
    expect(within(group('stay competent')).getByRole('radio', { name: /skills carried over/ })).toBeChecked();
    expect(within(group('Which goal')).getByRole('radio', { name: /different goal that matched/ })).toBeChecked();
    expect(within(group('which failure')).getByRole('radio', { name: 'Goal misgeneralization' })).toBeChecked();
    expect(within(group('How sure')).getByRole('radio', { name: 'Sure' })).toBeChecked();
    await user.keyboard('{Enter}');
    const verdict = await screen.findByRole('heading', { name: /Right: goal misgeneralization/ });
    expect(verdict).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Right: Goal misgeneralization. All three questions right.');
    expect(screen.getByText('Scenario 1 of 2 · 1 right')).toBeInTheDocument();
    expect(screen.getByText('stop at stop signs')).toBeInTheDocument();
    expect(screen.getByText('Constructed for this course')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Chapter: Multi-objective generalization' })).toHaveAttribute('href', '/chapters/multi-objective-generalization');
  });

  it('a key picks in the focused question, and Enter with questions open says which and focuses the first', async () => {
    const user = userEvent.setup();
    renderDrill();
    within(screen.getByRole('group', { name: /Which goal/ })).getAllByRole('radio')[0]!.focus();
    await user.keyboard('4');
    expect(screen.getByRole('radio', { name: 'No coherent goal' })).toBeChecked();
    // Focus moved on to the next open question (the verdict), not back to the start.
    expect(within(screen.getByRole('group', { name: /which failure/ })).getAllByRole('radio')[0]).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('Still open: Was the training signal right?');
    expect(within(screen.getByRole('group', { name: /training signal/ })).getAllByRole('radio')[0]).toHaveFocus();
    expect(submitDrillAnswer).not.toHaveBeenCalled();
  });

  it('names each wrong question with its note, and points out answers that contradict the verdict', async () => {
    const user = userEvent.setup();
    renderDrill();
    // Signal wrong, skills carried over, literal goal: all three point to specification gaming, but the verdict says capability failure.
    await answerByKeys(user, '21332');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: /Not quite: this is goal misgeneralization/ })).toHaveFocus();
    expect(screen.getByTestId('wrong-axes')).toHaveTextContent('The questions to revisit: Was the training signal right? · Which goal did it pursue?');
    const items = screen.getAllByRole('listitem').filter((li) => li.hasAttribute('data-axis'));
    const byAxis = Object.fromEntries(items.map((li) => [li.getAttribute('data-axis'), li]));
    expect(byAxis.signal).toHaveTextContent('✗ Wrong');
    expect(byAxis.signal).toHaveTextContent('Reward for stopping where passengers asked is the intended objective.');
    expect(byAxis.signal).toHaveTextContent('For this case: Yes: it rewarded only the intended behaviour');
    expect(byAxis.capability).toHaveTextContent('✓ Right');
    expect(byAxis.goal).toHaveTextContent('Requested stops and stop signs always coincided in training');
    expect(screen.getByTestId('inconsistent')).toHaveTextContent(
      'Your own answers to the three questions point to specification gaming, but you chose capability failure.',
    );
    expect(screen.getByRole('status')).toHaveTextContent('Not quite');
  });

  it('a contested case answered with another acceptable label is defensible, not wrong, with the case for each side', async () => {
    const user = userEvent.setup();
    renderDrill([sycophancy]);
    await answerByKeys(user, '11222');
    await user.keyboard('{Enter}');
    const verdict = await screen.findByRole('heading', { name: /Defensible: goal misgeneralization is one reading of a contested case/ });
    expect(verdict).toHaveFocus();
    expect(screen.queryByText(/Not quite|✗/)).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent(/^Defensible: Goal misgeneralization is one reading of a contested case. Your answers fit your reading.$/);
    // The questions where this reading differs from the primary one are marked as such, not as mistakes.
    const signal = screen.getAllByRole('listitem').find((li) => li.getAttribute('data-axis') === 'signal')!;
    expect(signal).toHaveTextContent('≈ Other reading');
    expect(signal).toHaveTextContent('The primary reading: No: it rewarded something other than what was meant');
    expect(screen.getByText('Scenario 1 of 1 · 1 right')).toBeInTheDocument();
    expect(screen.getByText('Goal misgeneralization (your verdict)')).toBeInTheDocument();
    expect(screen.getByText("Pleasing the rater and being correct mostly go together, so 'please the user' fits training.")).toBeInTheDocument();
    expect(screen.getByText('The preference judgments favoured sycophantic answers themselves.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sharma et al. (2023), Towards understanding sycophancy' })).toBeInTheDocument();
    expect(screen.getByText('sharma2023')).toBeInTheDocument();
  });

  it('N moves to the next scenario and puts focus on its title', async () => {
    const user = userEvent.setup();
    renderDrill();
    await answerByKeys(user, '11221');
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { name: /Right/ });
    await user.keyboard('n');
    const title = screen.getByRole('heading', { level: 2, name: sycophancy.title });
    expect(title).toHaveFocus();
    expect(screen.getByText('Scenario 2 of 2 · 1 right')).toBeInTheDocument();
    expect(screen.getAllByRole('radio').every((r) => !(r as HTMLInputElement).checked)).toBe(true);
  });

  it("keeps a guest's answers in this browser, one per answer, as scenario attempts", async () => {
    const user = userEvent.setup();
    renderDrill();
    await answerByKeys(user, '11221');
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { name: /Right/ });
    await user.keyboard('n');
    await answerByKeys(user, '21312');
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { name: /Right: specification gaming/ });
    const stored = readGuest().attempts;
    expect(stored.map((a) => [a.itemKind, a.itemId, a.correct, a.confident, a.chapter])).toEqual([
      ['scenario', 'shuttle-unsigned-stop', true, true, 'multi-objective-generalization'],
      ['scenario', 'sycophantic-agreement', true, false, 'scheming'],
    ]);
    expect(stored[0]!.response).toMatchObject({ label: 'goal-misgeneralization', axes: { signal: 'right', capability: 'generalized', goal: 'proxy' } });
    expect(new Set(stored.map((a) => a.idempotencyKey)).size).toBe(2);
    expect(submitDrillAnswer).not.toHaveBeenCalled();
  });

  it('a signed-in answer goes to the server; a failed save keeps the answers and retries with the same key', async () => {
    sessionState = { status: 'user', user: { name: 'Ada' } };
    const answer = { label: 'goal-misgeneralization', axes: { signal: 'right', capability: 'generalized', goal: 'proxy' } } as const;
    submitDrillAnswer
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce({ ok: true, data: { ...gradeDrill(shuttle, answer), firstAttempt: true, duplicate: false } })
      .mockResolvedValueOnce({ ok: false, status: 404, message: 'That scenario set was not found, or it is not yours.' });
    const user = userEvent.setup();
    renderDrill([shuttle, sycophancy], 'set123abc');
    await answerByKeys(user, '11221');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(/could not be saved \(network problem\)/);
    expect(screen.getByRole('radio', { name: 'Goal misgeneralization' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByRole('heading', { name: /Right: goal misgeneralization/ })).toHaveFocus();
    const calls = submitDrillAnswer.mock.calls.map((c) => c[0] as Record<string, unknown>);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.idempotencyKey).toBe(calls[1]!.idempotencyKey);
    expect(calls[1]).toMatchObject({ scenarioId: 'shuttle-unsigned-stop', setId: 'set123abc', ...answer, confident: true });
    expect(typeof calls[1]!.durationMs).toBe('number');
    expect(readGuest().attempts).toHaveLength(0);

    // The next scenario is a new attempt with a new key; a refused save shows the server's message.
    await user.keyboard('n');
    await answerByKeys(user, '21311');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('That scenario set was not found, or it is not yours.');
    expect(submitDrillAnswer.mock.calls[2]![0].idempotencyKey).not.toBe(calls[0]!.idempotencyKey);
  });

  it('waits for the session to settle instead of filing a signed-in answer as a guest', async () => {
    sessionState = { status: 'loading', user: null };
    submitDrillAnswer.mockResolvedValue({ ok: true, data: { ...gradeDrill(shuttle, { label: 'goal-misgeneralization', axes: shuttle.axes }), firstAttempt: true, duplicate: false } });
    const user = userEvent.setup();
    const view = renderDrill([shuttle]);
    await answerByKeys(user, '11221');
    await user.keyboard('{Enter}');
    sessionState = { status: 'user', user: { name: 'Ada' } };
    view.rerender(<DrillClient scenarios={[shuttle]} setId={null} title="Test drill" context={context} />);
    await screen.findByRole('heading', { name: /Right/ }, { timeout: 3000 });
    expect(submitDrillAnswer).toHaveBeenCalledTimes(1);
    expect(readGuest().attempts).toHaveLength(0);
  });

  it('the finish screen counts right answers and mistakes per question, and replays the missed ones', async () => {
    const user = userEvent.setup();
    renderDrill();
    await answerByKeys(user, '11221'); // right
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { name: /Right/ });
    await user.keyboard('n');
    await answerByKeys(user, '12132'); // signal and capability and goal wrong; capability failure: not acceptable
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { name: /Not quite/ });
    await user.keyboard('n');
    const heading = screen.getByRole('heading', { name: 'Finished: 1 of 2 right' });
    expect(heading).toHaveFocus();
    const rows = Object.fromEntries(
      screen.getAllByRole('row').slice(1).map((r) => [r.getAttribute('data-axis'), within(r).getByRole('cell').textContent]),
    );
    expect(rows).toEqual({ signal: '1', capability: '1', goal: '1', label: '1' });
    expect(screen.getByRole('status')).toHaveTextContent('Finished: 1 of 2 right.');
    await user.click(screen.getByRole('button', { name: 'Practise the ones you missed (1)' }));
    expect(screen.getByRole('heading', { level: 2, name: sycophancy.title })).toHaveFocus();
    expect(screen.getByText('Scenario 1 of 1 · 0 right')).toBeInTheDocument();
  });
});
