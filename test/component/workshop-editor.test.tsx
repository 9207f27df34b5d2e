// @vitest-environment jsdom
// The workshop editor: the content checks as you type, the shortcut audit's hint, the preview as the drill shows it,
// learner text shown as text, and what is sent.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const submitWorkshopScenario = vi.fn();
vi.mock('@/lib/actions/workshop', () => ({ submitWorkshopScenario: (...a: unknown[]) => submitWorkshopScenario(...a) }));
const push = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ push, refresh: vi.fn() }) }));

const { WorkshopEditor, EMPTY_DRAFT, sentencesOf } = await import('../../components/workshop/workshop-editor');

const S = [
  'A cleaning robot was rewarded whenever its camera saw no dirt.',
  'It learned to face a blank wall while the floor stayed dirty.',
  'It moved about the rooms with <b>smooth</b>, well-planned turns.',
];

async function fillGood(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Title'), 'The kitchen robot');
  await user.type(screen.getByLabelText('The scenario'), S.join(' '));
  await user.click(screen.getByRole('radio', { name: 'Specification gaming' }));
  const answers = ['yes', 'no', 'yes'];
  for (const [i, name] of [/During training/, /conditions that differ/, /still act skilfully/].entries()) {
    const group = screen.getByRole('group', { name });
    await user.click(within(group).getByRole('radio', { name: answers[i] === 'yes' ? /^Yes/ : /^No/ }));
    await user.selectOptions(within(group).getByLabelText('The sentence that decides it'), S[i]!);
  }
}

describe('the workshop editor', () => {
  beforeEach(() => {
    submitWorkshopScenario.mockReset();
    push.mockReset();
  });

  it('splits the story into sentences to choose evidence from', () => {
    expect(sentencesOf(S.join(' '))).toEqual(S);
  });

  it('shows the checks only after a submit attempt, and sends nothing while one fails', async () => {
    const user = userEvent.setup();
    render(<WorkshopEditor classId="c1" scenarioId={null} initial={EMPTY_DRAFT} labelWords={[]} />);
    expect(screen.queryByText(/Choose the failure mode you intend/)).toBeNull();
    await user.type(screen.getByLabelText('Title'), 'A loophole robot');
    await user.click(screen.getByRole('button', { name: 'Submit to the class' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Some parts need another look');
    expect(screen.getByText(/gives the answer away/)).toBeTruthy();
    expect(screen.getByText('Choose the failure mode you intend.')).toBeTruthy();
    expect(screen.getByLabelText('Title').getAttribute('aria-invalid')).toBe('true');
    expect(submitWorkshopScenario).not.toHaveBeenCalled();
  });

  it('flags words the shortcut audit ties to a label, as a hint', async () => {
    const user = userEvent.setup();
    render(
      <WorkshopEditor
        classId="c1"
        scenarioId={null}
        initial={EMPTY_DRAFT}
        labelWords={[{ word: 'rewarded', label: 'specification-gaming', items: 9, share: 0.9 }]}
      />,
    );
    expect(screen.queryByTestId('label-word-hints')).toBeNull();
    await user.type(screen.getByLabelText('The scenario'), S[0]!);
    expect(screen.getByTestId('label-word-hints')).toHaveTextContent(
      '“rewarded”: in 9 of the course’s scenarios, 90% of them specification gaming',
    );
  });

  it('previews as the drill shows it, with markup in learner text shown as text, and sends the draft', async () => {
    const user = userEvent.setup();
    submitWorkshopScenario.mockResolvedValue({ ok: true, data: { scenarioId: 'w1' } });
    const { container } = render(<WorkshopEditor classId="c1" scenarioId={null} initial={EMPTY_DRAFT} labelWords={[]} />);
    await fillGood(user);
    expect(screen.getByTestId('check-state')).toHaveTextContent('Passes every check.');
    const preview = screen.getByRole('article', { name: 'Preview of your scenario' });
    expect(within(preview).getByRole('heading', { name: 'The kitchen robot' })).toBeTruthy();
    expect(preview).toHaveTextContent('with <b>smooth</b>, well-planned turns');
    expect(container.querySelector('b')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Submit to the class' }));
    expect(submitWorkshopScenario).toHaveBeenCalledWith({
      classId: 'c1',
      scenarioId: null,
      title: 'The kitchen robot',
      description: S.join(' '),
      label: 'specification-gaming',
      questions: {
        training: { answer: 'yes', evidence: S[0] },
        shift: { answer: 'no', evidence: S[1] },
        competence: { answer: 'yes', evidence: S[2] },
      },
      rationale: undefined,
      source: undefined,
    });
    expect(push).toHaveBeenCalledWith('/classes/c1/workshop?saved=new');
  });

  it('shows the server’s refusal where the learner can act on it', async () => {
    const user = userEvent.setup();
    submitWorkshopScenario.mockResolvedValue({
      ok: false,
      status: 409,
      message: 'You have written 5 scenarios for this class, the most one learner may. Revise one of them instead.',
    });
    render(<WorkshopEditor classId="c1" scenarioId={null} initial={EMPTY_DRAFT} labelWords={[]} />);
    await fillGood(user);
    await user.click(screen.getByRole('button', { name: 'Submit to the class' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Revise one of them instead.');
    expect(push).not.toHaveBeenCalled();
  });
});
