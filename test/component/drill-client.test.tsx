// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../../lib/content/scenarios';

// The server actions, mocked: they grade with the real gradeDrill against the full scenarios, which only the test
// (the "server") holds; the component gets the public part of each scenario.
const submitDrillAnswer = vi.fn();
const gradeDrillAsGuest = vi.fn();
// The answer path also sends signed-in reviews; this component never does, but the module is imported.
vi.mock('@/lib/actions/review', () => ({ submitReview: vi.fn() }));
vi.mock('@/lib/actions/drill', () => ({
  submitDrillAnswer: (...a: unknown[]) => submitDrillAnswer(...a),
  gradeDrillAsGuest: (...a: unknown[]) => gradeDrillAsGuest(...a),
}));
// send-answer.ts imports the quiz actions too; the drill must never call them.
const quizAction = vi.fn();
vi.mock('@/lib/actions/learning', () => ({
  submitQuizAnswer: (...a: unknown[]) => quizAction(...a),
  gradeQuizAsGuest: (...a: unknown[]) => quizAction(...a),
}));
let sessionState: { status: 'guest' | 'user' | 'loading'; user: null | { name: string } } = { status: 'guest', user: null };
vi.mock('@/components/session/session-provider', () => ({ useSession: () => sessionState }));

const { DrillClient } = await import('../../components/drill/drill-client');
const { readGuest } = await import('../../lib/guest/store');
const { gradeDrill, LABEL_TEXT, LABELS } = await import('../../lib/learning/classify');
const { bankScenarioSchema, publicScenario } = await import('../../lib/learning/scenario-schema');
const { drillSet } = await import('../../lib/learning/drill-order');
const { pendingAnswers, removeAnswer } = await import('../../lib/answers/outbox');
const { flushOutbox } = await import('../../components/answer/send-answer');

const SHUTTLE_TRAINED = 'An autonomous campus shuttle was trained to stop where passengers request.';
const SHUTTLE_SIGNS = 'On the training routes every stop had a sign.';
const SHUTTLE_PASSED = 'At a new stop without a sign, it drove past and pulled in at the next signed stop.';
const SHUTTLE_SMOOTH = 'Its braking and docking were as smooth as ever.';

/** Goal misgeneralization: training no, shift yes, competence yes. */
const shuttle: Scenario = {
  id: 'shuttle-unsigned-stop',
  family: 'campus-shuttle',
  title: 'A campus shuttle and a new stop',
  domain: 'driving',
  description: [SHUTTLE_TRAINED, SHUTTLE_SIGNS, SHUTTLE_PASSED, SHUTTLE_SMOOTH].join(' '),
  label: 'goal-misgeneralization',
  questions: {
    training: { answer: 'no', evidence: [SHUTTLE_TRAINED], note: 'Reward for stopping where passengers asked is the intended objective.' },
    shift: {
      answer: 'yes',
      evidence: [SHUTTLE_SIGNS, SHUTTLE_PASSED],
      note: 'Requested stops and stop signs always coincided in training; the new stop had no sign.',
    },
    competence: { answer: 'yes', evidence: [SHUTTLE_SMOOTH], note: 'Its driving and stopping were as smooth and precise as ever.' },
  },
  goalPursued: 'stop at stop signs',
  rationale: 'The shuttle drives well, at the wrong place; the reward had no flaw; a visible feature became the target.',
  source: { kind: 'constructed' },
  difficulty: 'intro',
  chapter: 'multi-objective-generalization',
};

const SYCO_TRAINED = 'Assistants were fine-tuned against a preference model built from human ratings.';
const SYCO_RATERS = 'The raters sometimes preferred answers that agreed with them over correct ones.';
const SYCO_FEW = 'Few of the rated conversations had a user who disagreed.';
const SYCO_GAVE_UP = 'When users pushed back on a correct answer, the assistants gave it up and agreed, in fluent and polite prose.';

/** Contested between specification gaming (its own label) and goal misgeneralization: training is "either". */
const sycophancy: Scenario = {
  id: 'sycophantic-agreement',
  family: 'assistant-pushback',
  title: 'An assistant that changes its answer when challenged',
  domain: 'llm-assistants',
  description: [SYCO_TRAINED, SYCO_RATERS, SYCO_FEW, SYCO_GAVE_UP].join(' '),
  label: 'specification-gaming',
  questions: {
    training: {
      answer: 'either',
      evidence: [SYCO_RATERS],
      note: 'The raters sometimes rewarded agreement, but mostly they rewarded correct answers.',
    },
    shift: { answer: 'yes', evidence: [SYCO_FEW], note: 'Pushback was rare in the rated conversations and common afterwards.' },
    competence: { answer: 'yes', evidence: [SYCO_GAVE_UP], note: 'The responses stay fluent and well argued.' },
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

const ARM_TRAINED = 'A warehouse robot arm was trained to pick parcels from a bin under even lighting.';
const ARM_REWARD = 'Its reward counted parcels placed on the belt.';
const ARM_SUN = 'In a new warehouse, sunlight from a skylight fell across the bin.';
const ARM_FAILS = 'There the arm grabbed at empty space and dropped most parcels.';

/** Capability failure: training no, shift yes, competence no. */
const robotArm: Scenario = {
  id: 'robot-arm-skylight',
  family: 'warehouse-arm',
  title: 'A picking arm under a skylight',
  domain: 'robotics',
  description: [ARM_TRAINED, ARM_REWARD, ARM_SUN, ARM_FAILS].join(' '),
  label: 'capability-failure',
  questions: {
    training: { answer: 'no', evidence: [ARM_REWARD], note: 'Parcels on the belt are exactly what the designers wanted.' },
    shift: { answer: 'yes', evidence: [ARM_SUN], note: 'The lighting under the skylight is new.' },
    competence: { answer: 'no', evidence: [ARM_FAILS], note: 'Grabbing at empty space is no skilful pursuit of anything.' },
  },
  goalPursued: 'pick parcels (and failing)',
  rationale: 'The arm still tries to pick parcels but can no longer see them: its skill, not its goal, broke under the new light.',
  source: { kind: 'constructed' },
  difficulty: 'intro',
  chapter: 'introduction',
};

const shuttle2: Scenario = { ...shuttle, id: 'shuttle-night-stop', title: 'A campus shuttle after dark' };

/**
 * Keys: training, shift, competence (1 yes, 2 no), the label (1 specification gaming, 2 goal misgeneralization,
 * 3 capability failure), confidence (1 sure, 2 unsure).
 */
const RIGHT_KEYS: Record<string, string> = {
  [shuttle.id]: '21121',
  [shuttle2.id]: '21121',
  [sycophancy.id]: '11111',
  [robotArm.id]: '21231',
};
const RIGHT_ANSWER = {
  [shuttle.id]: { label: 'goal-misgeneralization', answers: { training: 'no', shift: 'yes', competence: 'yes' } },
  [sycophancy.id]: { label: 'specification-gaming', answers: { training: 'yes', shift: 'yes', competence: 'yes' } },
} as const;

const context = {
  chapterTitles: { 'multi-objective-generalization': 'Multi-objective generalization', scheming: 'Scheming', introduction: 'Introduction' },
};

/** The full scenarios, by id, as the "server" has them. */
const bank = new Map<string, Scenario>();

type DrillInput = {
  scenarioId: string;
  setId?: string | null;
  label: Scenario['label'];
  answers: Record<'training' | 'shift' | 'competence', 'yes' | 'no'>;
  confident?: boolean;
  durationMs?: number;
  idempotencyKey: string;
};

const notFound = { ok: false, status: 404, message: 'That scenario no longer exists. Reload the page for the current set.' };

/** What both actions share: the real grade, and the whole case now that the learner has answered. */
const CITED: Record<string, { citation: string; url: string }> = {
  sharma2023: { citation: 'Sharma et al. (2023), Towards understanding sycophancy', url: 'https://arxiv.org/abs/2310.13548' },
};

function graded(input: DrillInput) {
  const scenario = bank.get(input.scenarioId);
  // The server sends the paper behind a case with its grade, never before.
  const cited = scenario?.source.kind === 'paper' ? CITED[scenario.source.ref] : undefined;
  return scenario ? { ...gradeDrill(scenario, { label: input.label, answers: input.answers }), scenario, cited } : null;
}

/** The signed-in action: grades and stores once per idempotency key. */
function serverStoring() {
  const stored = new Map<string, ReturnType<typeof graded>>();
  const items = new Set<string>();
  return async (input: DrillInput) => {
    const g = graded(input);
    if (!g) return notFound;
    const before = stored.get(input.idempotencyKey);
    if (before) return { ok: true, data: { ...before, firstAttempt: false, duplicate: true } };
    stored.set(input.idempotencyKey, g);
    const firstAttempt = !items.has(input.scenarioId);
    items.add(input.scenarioId);
    return { ok: true, data: { ...g, firstAttempt, duplicate: false } };
  };
}

/**
 * What a drill page passes: the public part of each scenario and, by default, the interleaved orders made where the
 * labels are known (without them the browser shuffles, as for a guest's missed ones).
 */
function drillProps(scenarios: Scenario[], setId: string | null = null, withOrders = true) {
  for (const s of scenarios) bank.set(s.id, s);
  const set = drillSet(scenarios, 12345);
  return { scenarios: set.scenarios, orders: withOrders ? set.orders : undefined, setId, title: 'Test drill', context };
}

function renderDrill(scenarios: Scenario[] = [shuttle, sycophancy], setId: string | null = null, withOrders = true) {
  return render(<DrillClient {...drillProps(scenarios, setId, withOrders)} />);
}

/** Every string that decides a case or explains it: none of it may be on the page before the learner answers. */
function secretsOf(s: Scenario): string[] {
  return [
    s.rationale,
    s.goalPursued,
    ...Object.values(s.questions).flatMap((q) => (q.note ? [q.note] : [])),
    ...Object.values(s.arguments ?? {}),
    ...(s.source.kind === 'paper' ? [s.source.ref] : []),
  ];
}

const keyOf = (fn: typeof submitDrillAnswer, call: number) => (fn.mock.calls[call]![0] as DrillInput).idempotencyKey;
const QUEUED_STATUS = 'Saved on this device. It will be checked when you are back online; you can go on.';

/** The id of the scenario showing now (the order is shuffled after mount, so wait for it). */
async function shownId(): Promise<string> {
  let id: string | null = null;
  await waitFor(() => {
    id = screen.getByRole('region', { name: 'Test drill' }).getAttribute('data-scenario-id');
    expect(id).toBeTruthy();
  });
  return id!;
}

/** Focus the scenario's title (not a question), then answer by keys alone: each key picks in the next open question. */
async function answerByKeys(user: ReturnType<typeof userEvent.setup>, keys: string) {
  await shownId();
  screen.getAllByRole('heading', { level: 2 })[0]!.focus();
  for (const k of keys) await user.keyboard(k);
}

/** Answer whichever scenario is showing with its keys, check, and wait for the feedback. */
async function answerShown(user: ReturnType<typeof userEvent.setup>, keysById: Record<string, string>): Promise<string> {
  const id = await shownId();
  await answerByKeys(user, keysById[id]!);
  await user.keyboard('{Enter}');
  await screen.findByRole('heading', { level: 3 });
  return id;
}

const group = (name: RegExp) => screen.getByRole('group', { name });
const questionItem = (q: string) => screen.getAllByRole('listitem').find((li) => li.getAttribute('data-question') === q)!;
const marks = () => [...screen.getByTestId('scenario-text').querySelectorAll('mark')];
/** A mark's own text, without the note for screen readers inside it. */
const markText = (m: Element) =>
  [...m.childNodes]
    .filter((n) => n.nodeType === Node.TEXT_NODE)
    .map((n) => n.textContent)
    .join('');

describe('Classifier drill', () => {
  beforeEach(async () => {
    localStorage.clear();
    for (const e of await pendingAnswers()) await removeAnswer(e.key);
    bank.clear();
    submitDrillAnswer.mockReset().mockImplementation(serverStoring());
    gradeDrillAsGuest.mockReset().mockImplementation(async (input: DrillInput) => {
      const g = graded(input);
      return g ? { ok: true, data: g } : notFound;
    });
    quizAction.mockReset();
    sessionState = { status: 'guest', user: null };
  });

  it('the fixtures are valid bank cases (evidence copied from the descriptions, answers fit the labels)', () => {
    for (const s of [shuttle, sycophancy, robotArm]) expect(bankScenarioSchema.safeParse(s).error?.issues ?? []).toEqual([]);
    // What the page gets of each: what the learner reads, nothing more.
    for (const s of [shuttle, sycophancy, robotArm])
      expect(Object.keys(publicScenario(s)).sort()).toEqual(['chapter', 'description', 'difficulty', 'domain', 'family', 'id', 'title']);
    // A full scenario (with its label) is refused by the prop's type.
    // @ts-expect-error the page must not hold the label
    const typed = () => <DrillClient scenarios={[shuttle]} setId={null} title="Typed" />;
    expect(typeof typed).toBe('function');
  });

  it('shows the scenario without its label, the three questions in order, then the verdict and confidence', async () => {
    renderDrill();
    await shownId();
    const legends = screen.getAllByRole('group').map((g) => g.querySelector('legend')!.textContent);
    expect(legends).toEqual([
      '1. During training, did the unwanted behaviour already pay off?',
      '2. Does the failure appear in conditions that differ from training?',
      '3. Where it goes wrong, does the system still act skilfully toward some goal?',
      '4. So which failure is it?',
      'How sure are you?',
    ]);
    expect(screen.getByText('Keys').parentElement).toHaveTextContent('1–3 answer the current question · Enter check · N next scenario');
    expect(screen.getByText('Scenario 1 of 2 · 0 right')).toBeInTheDocument();
    expect(screen.queryByText(/goal misgeneralization|specification gaming/i, { selector: 'h2, p' })).toBeNull();
    // Two scenarios: nothing to choose about the session's size.
    expect(screen.queryByRole('combobox', { name: /Scenarios this session/ })).toBeNull();
  });

  it("before answering, the page holds nothing of the case's verdict: no rationale, notes, arguments or label", async () => {
    for (const s of [shuttle, sycophancy, robotArm]) {
      const view = renderDrill([s]);
      expect(await shownId()).toBe(s.id);
      const html = view.container.innerHTML;
      for (const secret of secretsOf(s)) expect(html, secret).not.toContain(secret);
      expect(html).not.toMatch(/contested|defensible|acceptable/i);
      // The labels appear once each, as the options of the verdict, and the three options look alike.
      const text = view.container.textContent!;
      for (const l of LABELS) {
        expect(text.split(LABEL_TEXT[l]).length - 1, l).toBe(1);
        expect(html.split(l).length - 1, l).toBe(1);
      }
      const options = view.container.querySelectorAll('fieldset[data-group="label"] label');
      const shapes = [...options].map((o) => [...o.attributes].map((a) => `${a.name}=${a.value}`).join(' '));
      expect(new Set(shapes).size).toBe(1);
      // Outside the verdict question, no label is named at all.
      const rest = view.container.cloneNode(true) as HTMLElement;
      rest.querySelector('fieldset[data-group="label"]')!.remove();
      expect(rest.innerHTML).not.toMatch(/specification[- ]gaming|goal[- ]misgenerali[sz]ation|capability[- ]failure/i);
      view.unmount();
    }
  });

  it("follows one of the server's interleaved orders, and without orders still brings each scenario once", async () => {
    const user = userEvent.setup();
    const four = [shuttle, shuttle2, sycophancy, robotArm];
    const props = drillProps(four);
    expect(props.orders!.length).toBeGreaterThan(1);
    const view = render(<DrillClient {...props} />);
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      seen.push(await answerShown(user, RIGHT_KEYS));
      await user.keyboard('n');
    }
    expect(props.orders!.map((o) => o.map((i) => four[i]!.id).join())).toContain(seen.join());
    expect(await screen.findByRole('heading', { name: 'Finished: 4 of 4 right' })).toHaveFocus();
    view.unmount();

    renderDrill(four, null, false);
    const unordered: string[] = [];
    for (let i = 0; i < 4; i++) {
      unordered.push(await answerShown(user, RIGHT_KEYS));
      await user.keyboard('n');
    }
    expect([...unordered].sort()).toEqual(four.map((s) => s.id).sort());
    expect(await screen.findByRole('heading', { name: 'Finished: 4 of 4 right' })).toBeInTheDocument();
  });

  it('no answer to the three questions names a failure mode: the label cannot be read off the options', async () => {
    renderDrill();
    await shownId();
    const giveaway = /specification gaming|goal misgeneralization|capability failure|gaming|misgenerali[sz]|capabilit/i;
    for (const name of [/During training/, /conditions that differ/, /act skilfully/]) {
      const g = group(name);
      const options = within(g)
        .getAllByRole('radio')
        .map((r) => r.closest('label')!.textContent!);
      expect(options).toHaveLength(2);
      for (const text of [g.querySelector('legend')!.textContent!, ...options]) expect(text, text).not.toMatch(giveaway);
    }
    // The names appear in one place only: the verdict the learner gives after the three questions.
    expect(
      within(group(/which failure/))
        .getAllByRole('radio')
        .map((r) => r.closest('label')!.textContent),
    ).toEqual(['1Specification gaming', '2Goal misgeneralization', '3Capability failure']);
  });

  it('works by keyboard alone: number keys walk through the questions, Enter checks, and the result is announced', async () => {
    const user = userEvent.setup();
    renderDrill([shuttle]);
    await answerByKeys(user, '21121');
    expect(
      within(group(/During training/)).getByRole('radio', { name: /No: during training, what paid off was what the designers wanted/ }),
    ).toBeChecked();
    expect(within(group(/conditions that differ/)).getByRole('radio', { name: /Yes: something about the situation is new/ })).toBeChecked();
    expect(within(group(/act skilfully/)).getByRole('radio', { name: /Yes: its actions are skilful and hang together/ })).toBeChecked();
    expect(within(group(/which failure/)).getByRole('radio', { name: /Goal misgeneralization/ })).toBeChecked();
    expect(within(group(/How sure/)).getByRole('radio', { name: /Sure/ })).toBeChecked();
    await user.keyboard('{Enter}');
    const verdict = await screen.findByRole('heading', { name: /Right: goal misgeneralization, for the right reasons/ });
    expect(verdict).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Right: Goal misgeneralization. All three questions right.');
    expect(screen.getByText('Scenario 1 of 1 · 1 right')).toBeInTheDocument();
    expect(screen.getByText('You answered all three questions right.', { exact: false })).toBeInTheDocument();
    // Nothing misread, so nothing in the story is highlighted.
    expect(marks()).toEqual([]);
    expect(screen.getByText('stop at stop signs')).toBeInTheDocument();
    expect(screen.getByText('Constructed for this course')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Chapter: Multi-objective generalization' })).toHaveAttribute(
      'href',
      '/chapters/multi-objective-generalization',
    );
  });

  it('a key picks in the focused question, and Enter with questions open says which and focuses the first', async () => {
    const user = userEvent.setup();
    renderDrill([shuttle]);
    await shownId();
    within(group(/act skilfully/))
      .getAllByRole('radio')[0]!
      .focus();
    await user.keyboard('2');
    expect(screen.getByRole('radio', { name: /No: its actions fall apart there/ })).toBeChecked();
    // Focus moved on to the next open question (the verdict), not back to the start.
    expect(within(group(/which failure/)).getAllByRole('radio')[0]).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Answer every question first. Still open: During training, did the unwanted behaviour already pay off? · Does the failure appear in conditions that differ from training? · So which failure is it? · How sure are you?',
    );
    expect(within(group(/During training/)).getAllByRole('radio')[0]).toHaveFocus();
    expect(submitDrillAnswer).not.toHaveBeenCalled();
    expect(gradeDrillAsGuest).not.toHaveBeenCalled();
    expect(readGuest().attempts).toHaveLength(0);
  });

  it('the right label for a wrong reason is not counted right, and the sentence that decides the misread question is highlighted', async () => {
    const user = userEvent.setup();
    renderDrill([shuttle]);
    // Goal misgeneralization, but "yes, the unwanted behaviour already paid off in training".
    await answerByKeys(user, '11121');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: /Right label, wrong reason: one question misread/ })).toHaveFocus();
    expect(screen.getByText('Scenario 1 of 1 · 0 right')).toBeInTheDocument();
    expect(screen.getByText('This does not count as right yet.')).toBeInTheDocument();
    expect(screen.getByTestId('wrong-questions')).toHaveTextContent(
      'The question to revisit: During training, did the unwanted behaviour already pay off?',
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'Right label, but not for the right reasons. Questions to revisit: During training, did the unwanted behaviour already pay off?',
    );

    const training = questionItem('training');
    expect(training).toHaveTextContent('✗ Wrong');
    expect(training).toHaveTextContent('For this case: No: during training, what paid off was what the designers wanted');
    expect(training).toHaveTextContent('Reward for stopping where passengers asked is the intended objective.');
    expect(within(training).getByTestId('evidence-training')).toHaveTextContent(SHUTTLE_TRAINED);
    expect(questionItem('shift')).toHaveTextContent('✓ Right');
    expect(questionItem('competence')).toHaveTextContent('✓ Right');

    // In the story itself: the training sentence is marked, the evidence of the questions answered right is not.
    const [mark, ...others] = marks();
    expect(others).toEqual([]);
    expect(markText(mark!)).toBe(SHUTTLE_TRAINED);
    expect(mark!.getAttribute('data-questions')!.split(' ')).toContain('training');
    expect(mark).toHaveTextContent('this decides: what paid off in training');
    // The story reads the same as before checking, around the mark (the note inside it is for screen readers only).
    const visible = screen.getByTestId('scenario-text').cloneNode(true) as HTMLElement;
    for (const hidden of visible.querySelectorAll('.visually-hidden')) hidden.remove();
    expect(visible.textContent).toBe(shuttle.description);

    // Yes-yes-yes points to specification gaming: the feedback says the answers and the verdict disagree.
    expect(screen.getByTestId('inconsistent')).toHaveTextContent(
      'Your own answers to the three questions point to specification gaming, but you chose goal misgeneralization.',
    );
  });

  it('a wrong label highlights the evidence of each misread question', async () => {
    const user = userEvent.setup();
    renderDrill([shuttle]);
    // Yes it paid off in training, yes the situation changed, no skill: fits no failure mode; the verdict says capability failure.
    await answerByKeys(user, '11232');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: /Not quite: this is goal misgeneralization/ })).toHaveFocus();
    expect(screen.getByTestId('wrong-questions')).toHaveTextContent(
      'The questions to revisit: During training, did the unwanted behaviour already pay off? · Where it goes wrong, does the system still act skilfully toward some goal?',
    );
    expect(marks().map((m) => [markText(m), m.getAttribute('data-questions')])).toEqual([
      [SHUTTLE_TRAINED, 'training'],
      [SHUTTLE_SMOOTH, 'competence'],
    ]);
    expect(questionItem('competence')).toHaveTextContent('For this case: Yes: its actions are skilful and hang together');
    expect(screen.getByTestId('inconsistent')).toHaveTextContent('Your three answers fit none of the failure modes as one');
    expect(screen.getByRole('status')).toHaveTextContent('Not quite: this is Goal misgeneralization, not Capability failure.');
    expect(screen.getByText('Scenario 1 of 1 · 0 right')).toBeInTheDocument();
  });

  it('a contested case answered with another acceptable label is defensible and counted right, with the case for each side', async () => {
    const user = userEvent.setup();
    renderDrill([sycophancy]);
    // Goal misgeneralization: nothing unwanted paid off, the situation changed, it still acted skilfully.
    await answerByKeys(user, '21121');
    await user.keyboard('{Enter}');
    const verdict = await screen.findByRole('heading', { name: /Defensible: goal misgeneralization is one reading of a contested case/ });
    expect(verdict).toHaveFocus();
    expect(screen.queryByText(/Not quite|✗/)).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent(
      /^Defensible: Goal misgeneralization is one reading of a contested case\. All three questions right\.$/,
    );
    expect(screen.getByText('Scenario 1 of 1 · 1 right')).toBeInTheDocument();
    // The question the readings differ on is not graded as a mistake either way.
    const training = questionItem('training');
    expect(training).toHaveTextContent('✓ Right');
    expect(training).toHaveTextContent('On this contested case either answer can be defended.');
    expect(marks()).toEqual([]);
    // Both arguments, with the learner's own reading marked.
    expect(screen.getByText(/defensible verdicts are Specification gaming and Goal misgeneralization/)).toBeInTheDocument();
    expect(screen.getByText('Goal misgeneralization (your verdict)')).toBeInTheDocument();
    expect(screen.getByText('Specification gaming', { selector: 'dt' })).toBeInTheDocument();
    expect(
      screen.getByText("Pleasing the rater and being correct mostly go together, so 'please the user' fits training."),
    ).toBeInTheDocument();
    expect(screen.getByText('The preference judgments favoured sycophantic answers themselves.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sharma et al. (2023), Towards understanding sycophancy' })).toBeInTheDocument();
    expect(screen.getByText('sharma2023')).toBeInTheDocument();
  });

  it('N moves to the next scenario and puts focus on its title', async () => {
    const user = userEvent.setup();
    renderDrill();
    const first = await answerShown(user, RIGHT_KEYS);
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent(/^✓ Right/);
    await user.keyboard('n');
    const second = first === shuttle.id ? sycophancy : shuttle;
    expect(await shownId()).toBe(second.id);
    expect(screen.getByRole('heading', { level: 2, name: second.title })).toHaveFocus();
    expect(screen.getByText('Scenario 2 of 2 · 1 right')).toBeInTheDocument();
    expect(screen.getAllByRole('radio').every((r) => !(r as HTMLInputElement).checked)).toBe(true);
  });

  it("keeps a guest's answers in this browser, one per answer, with the label, the answers, the misread questions and the truth", async () => {
    const user = userEvent.setup();
    renderDrill();
    // The shuttle: right label, training misread (sure). The contested case: the other acceptable reading (unsure).
    const keys = { [shuttle.id]: '11121', [sycophancy.id]: '21122' };
    await answerShown(user, keys);
    await user.keyboard('n');
    await answerShown(user, keys);
    const stored = readGuest().attempts;
    const byItem = Object.fromEntries(stored.map((a) => [a.itemId, a]));
    expect(Object.keys(byItem).sort()).toEqual(['shuttle-unsigned-stop', 'sycophantic-agreement']);
    expect(byItem[shuttle.id]).toMatchObject({
      itemKind: 'scenario',
      correct: false,
      confident: true,
      chapter: 'multi-objective-generalization',
    });
    expect(byItem[shuttle.id]!.response).toEqual({
      label: 'goal-misgeneralization',
      answers: { training: 'yes', shift: 'yes', competence: 'yes' },
      wrong: ['training'],
      truth: 'goal-misgeneralization',
    });
    expect(byItem[sycophancy.id]).toMatchObject({ itemKind: 'scenario', correct: true, confident: false, chapter: 'scheming' });
    expect(byItem[sycophancy.id]!.response).toEqual({
      label: 'goal-misgeneralization',
      answers: { training: 'no', shift: 'yes', competence: 'yes' },
      wrong: [],
      truth: 'specification-gaming',
    });
    expect(new Set(stored.map((a) => a.idempotencyKey)).size).toBe(2);
    // Each answer was graded by the guest action under the key the browser kept it by.
    expect(gradeDrillAsGuest).toHaveBeenCalledTimes(2);
    expect(stored.map((a) => a.idempotencyKey).sort()).toEqual([keyOf(gradeDrillAsGuest, 0), keyOf(gradeDrillAsGuest, 1)].sort());
    expect(gradeDrillAsGuest.mock.calls.map((c) => (c[0] as DrillInput).scenarioId).sort()).toEqual([shuttle.id, sycophancy.id].sort());
    expect(submitDrillAnswer).not.toHaveBeenCalled();
    expect(quizAction).not.toHaveBeenCalled();
    expect(await pendingAnswers()).toEqual([]);
  });

  it("a signed-in answer goes to the server with the set and a key; a refusal shows the server's message, keeps the answers and queues nothing", async () => {
    sessionState = { status: 'user', user: { name: 'Ada' } };
    const user = userEvent.setup();
    renderDrill([shuttle, sycophancy], 'set123abc');
    const firstId = await shownId();
    const answer = RIGHT_ANSWER[firstId]!;
    await answerByKeys(user, RIGHT_KEYS[firstId]!);
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: /^Right: / })).toHaveFocus();
    const first = submitDrillAnswer.mock.calls[0]![0] as DrillInput;
    expect(first).toMatchObject({ scenarioId: firstId, setId: 'set123abc', label: answer.label, answers: answer.answers, confident: true });
    expect(typeof first.durationMs).toBe('number');
    expect(first.idempotencyKey).toMatch(/^[A-Za-z0-9]{16,}$/);
    expect(gradeDrillAsGuest).not.toHaveBeenCalled();
    expect(readGuest().attempts).toHaveLength(0);

    // The next scenario is a new attempt with a new key; a refused save shows the server's message.
    submitDrillAnswer.mockResolvedValueOnce({
      ok: false,
      status: 404,
      message: 'That scenario set was not found, or it is not shared with you.',
    });
    await user.keyboard('n');
    const secondId = await shownId();
    expect(secondId).not.toBe(firstId);
    await answerByKeys(user, RIGHT_KEYS[secondId]!);
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('That scenario set was not found, or it is not shared with you.');
    expect(submitDrillAnswer.mock.calls[1]![0]).toMatchObject({ scenarioId: secondId });
    expect(keyOf(submitDrillAnswer, 1)).not.toBe(first.idempotencyKey);
    expect(screen.getByText('Scenario 2 of 2 · 1 right')).toBeInTheDocument();
    expect(screen.queryByTestId('drill-queued')).toBeNull();
    expect(await pendingAnswers()).toEqual([]);
    // Nothing was lost: the answers are still chosen, and Check sends them again under the same key.
    const label = within(group(/which failure/))
      .getAllByRole('radio')
      .find((r) => (r as HTMLInputElement).checked);
    expect(label).toHaveAttribute('value', RIGHT_ANSWER[secondId]!.label);
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByRole('heading', { name: /^Right: / })).toHaveFocus();
    expect(submitDrillAnswer).toHaveBeenCalledTimes(3);
    expect(keyOf(submitDrillAnswer, 2)).toBe(keyOf(submitDrillAnswer, 1));
    expect(screen.getByText('Scenario 2 of 2 · 2 right')).toBeInTheDocument();
  });

  it('signed in, a network failure keeps the answer on this device: the learner goes on, the finish says so, and flushOutbox sends it once with its key', async () => {
    sessionState = { status: 'user', user: { name: 'Ada' } };
    submitDrillAnswer.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const user = userEvent.setup();
    const { container } = renderDrill([shuttle, sycophancy], 'set123abc');
    const firstId = await shownId();
    const first = firstId === shuttle.id ? shuttle : sycophancy;
    const answer = RIGHT_ANSWER[firstId]!;
    await answerByKeys(user, RIGHT_KEYS[firstId]!);
    await user.keyboard('{Enter}');

    const panel = await screen.findByTestId('drill-queued');
    await waitFor(() => expect(within(panel).getByRole('heading', { name: 'Saved on this device' })).toHaveFocus());
    expect(panel).toHaveTextContent('You are offline, so this answer could not be checked yet.');
    expect(screen.getByRole('status')).toHaveTextContent(QUEUED_STATUS);
    expect(screen.getByRole('region', { name: 'Test drill' })).toHaveAttribute('data-phase', 'queued');
    expect(screen.queryByRole('alert')).toBeNull();
    // Not graded: no verdict, no marks, nothing of the case's notes.
    expect(screen.queryByTestId('scenario-text')).toBeNull();
    expect(screen.queryByRole('heading', { name: /Right|Not quite|Defensible/ })).toBeNull();
    for (const secret of secretsOf(first)) expect(container.innerHTML).not.toContain(secret);
    expect(screen.getByText('Scenario 1 of 2 · 0 right')).toBeInTheDocument();

    const queuedKey = keyOf(submitDrillAnswer, 0);
    const waiting = await pendingAnswers();
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({
      key: queuedKey,
      kind: 'drill',
      who: 'user',
      title: first.title,
      payload: { scenarioId: firstId, setId: 'set123abc', label: answer.label, answers: answer.answers, confident: true },
    });

    // Next works from the panel; the next scenario is a new attempt with a new key.
    await user.click(screen.getByRole('button', { name: /Next scenario/ }));
    const secondId = await shownId();
    expect(secondId).not.toBe(firstId);
    expect(screen.getByRole('heading', { level: 2, name: bank.get(secondId)!.title })).toHaveFocus();
    await answerByKeys(user, RIGHT_KEYS[secondId]!);
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: /^Right: / })).toHaveFocus();
    expect(keyOf(submitDrillAnswer, 1)).not.toBe(queuedKey);
    expect(screen.getByText('Scenario 2 of 2 · 1 right')).toBeInTheDocument();

    await user.keyboard('n');
    expect(await screen.findByRole('heading', { name: 'Finished: 1 of 1 right' })).toHaveFocus();
    expect(screen.getByTestId('drill-queued-count')).toHaveTextContent(
      '1 answer is saved on this device and will be checked when you are back online; they show on your dashboard then.',
    );
    expect(screen.getByRole('status')).toHaveTextContent('Finished: 1 of 1 checked answers right.');

    // Back online: the queued answer is sent once, with the key of the failed send, and the outbox is empty.
    expect(await flushOutbox()).toBe(0);
    expect(submitDrillAnswer).toHaveBeenCalledTimes(3);
    expect(submitDrillAnswer.mock.calls[2]![0]).toEqual({ ...waiting[0]!.payload, idempotencyKey: queuedKey });
    expect(await pendingAnswers()).toEqual([]);
    expect(await flushOutbox()).toBe(0);
    expect(submitDrillAnswer).toHaveBeenCalledTimes(3);
    expect(gradeDrillAsGuest).not.toHaveBeenCalled();
    expect(readGuest().attempts).toHaveLength(0);
  });

  it("a guest's answer queued offline moves on with N, and is graded and kept in the browser when the outbox is flushed", async () => {
    gradeDrillAsGuest.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const user = userEvent.setup();
    renderDrill([shuttle]);
    // Right label, training misread, sure.
    await answerByKeys(user, '11121');
    await user.keyboard('{Enter}');
    const panel = await screen.findByTestId('drill-queued');
    expect(screen.getByRole('button', { name: /See your results/ })).toBeInTheDocument();
    await waitFor(() => expect(within(panel).getByRole('heading', { name: 'Saved on this device' })).toHaveFocus());
    expect(readGuest().attempts).toEqual([]);
    const queuedKey = keyOf(gradeDrillAsGuest, 0);
    expect(await pendingAnswers()).toMatchObject([{ key: queuedKey, kind: 'drill', who: 'guest', payload: { scenarioId: shuttle.id } }]);

    await user.keyboard('n');
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: /^Finished/ })).toHaveFocus());
    expect(screen.getByTestId('drill-queued-count')).toHaveTextContent(/^1 answer is saved on this device/);

    expect(await flushOutbox()).toBe(0);
    expect(gradeDrillAsGuest).toHaveBeenCalledTimes(2);
    expect(keyOf(gradeDrillAsGuest, 1)).toBe(queuedKey);
    expect(readGuest().attempts).toMatchObject([
      {
        idempotencyKey: queuedKey,
        itemKind: 'scenario',
        itemId: shuttle.id,
        chapter: 'multi-objective-generalization',
        correct: false,
        confident: true,
        firstAttempt: true,
        response: {
          label: 'goal-misgeneralization',
          answers: { training: 'yes', shift: 'yes', competence: 'yes' },
          wrong: ['training'],
          truth: 'goal-misgeneralization',
        },
      },
    ]);
    expect(await pendingAnswers()).toEqual([]);
    expect(submitDrillAnswer).not.toHaveBeenCalled();
  });

  it('waits for the session to settle instead of filing a signed-in answer as a guest', async () => {
    sessionState = { status: 'loading', user: null };
    const answer = RIGHT_ANSWER[shuttle.id]!;
    const user = userEvent.setup();
    const props = drillProps([shuttle]);
    const view = render(<DrillClient {...props} />);
    await answerByKeys(user, RIGHT_KEYS[shuttle.id]!);
    await user.keyboard('{Enter}');
    sessionState = { status: 'user', user: { name: 'Ada' } };
    view.rerender(<DrillClient {...props} />);
    await screen.findByRole('heading', { name: /Right/ }, { timeout: 3000 });
    expect(submitDrillAnswer).toHaveBeenCalledTimes(1);
    expect(submitDrillAnswer.mock.calls[0]![0]).toMatchObject({ scenarioId: shuttle.id, ...answer });
    expect(gradeDrillAsGuest).not.toHaveBeenCalled();
    expect(readGuest().attempts).toHaveLength(0);
  });

  it('a session holds 10 scenarios by default; choosing 5 gives a session of 5, and the next session brings 5 others', async () => {
    const user = userEvent.setup();
    const bases = [shuttle, sycophancy, robotArm];
    const twelve = Array.from({ length: 12 }, (_, i) => ({
      ...bases[i % 3]!,
      id: `case-${i + 1}`,
      title: `Practice case number ${i + 1}`,
    }));
    // Without orders (a set picked in the browser): shuffled there, sessions still split the set.
    renderDrill(twelve, null, false);
    await shownId();
    expect(screen.getByText('Scenario 1 of 10 · 0 right')).toBeInTheDocument();
    const picker = screen.getByRole('combobox', { name: /Scenarios this session/ });
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['5', '10', 'All 12']);
    expect(picker).toHaveValue('10');

    await user.selectOptions(picker, '5');
    expect(screen.getByText('Scenario 1 of 5 · 0 right')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /Scenarios this session/ })).toHaveValue('5');

    const seen: string[] = [];
    const any = Object.fromEntries(twelve.map((s) => [s.id, '11111']));
    for (let i = 0; i < 5; i++) {
      seen.push(await answerShown(user, any));
      // Once the first answer is in, the size is settled.
      expect(screen.queryByRole('combobox', { name: /Scenarios this session/ })).toBeNull();
      await user.keyboard('n');
    }
    expect(new Set(seen).size).toBe(5);
    expect(screen.getByRole('heading', { level: 2, name: /^Finished: \d of 5 right$/ })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Next 5 scenarios' }));
    expect(screen.getByText('Scenario 1 of 5 · 0 right')).toBeInTheDocument();
    const next: string[] = [];
    for (let i = 0; i < 5; i++) {
      next.push(await answerShown(user, any));
      await user.keyboard('n');
    }
    expect(next.filter((id) => seen.includes(id))).toEqual([]);
  });

  it('the finish screen names the most frequent mix-up and the most-misread question with the scenarios behind them, and replays the missed ones', async () => {
    const user = userEvent.setup();
    renderDrill([shuttle, shuttle2, sycophancy, robotArm]);
    const keys = {
      // Both shuttles: "no skill" and capability failure; the right verdict is goal misgeneralization.
      [shuttle.id]: '21231',
      [shuttle2.id]: '21231',
      // The contested case: its own label, but "no skill" (right label, wrong reason).
      [sycophancy.id]: '11211',
      // The robot arm: right.
      [robotArm.id]: RIGHT_KEYS[robotArm.id]!,
    };
    for (let i = 0; i < 4; i++) {
      await answerShown(user, keys);
      await user.keyboard('n');
    }
    const heading = screen.getByRole('heading', { name: 'Finished: 1 of 4 right' });
    expect(heading).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Finished: 1 of 4 checked answers right.');
    expect(screen.queryByTestId('drill-queued-count')).toBeNull();
    expect(screen.getByText(/You chose a label that counts 2 times; 1 of those had every question right as well\./)).toBeInTheDocument();

    const confusion = screen.getByTestId('top-confusion');
    expect(confusion).toHaveTextContent('The mix-up that happened most');
    expect(confusion).toHaveTextContent('Goal misgeneralization taken for capability failure (2 times):');
    expect(confusion).toHaveTextContent(shuttle.title);
    expect(confusion).toHaveTextContent(shuttle2.title);
    expect(confusion).not.toHaveTextContent(sycophancy.title);
    expect(confusion).not.toHaveTextContent(robotArm.title);

    const misread = screen.getByTestId('top-misread');
    expect(misread).toHaveTextContent('The question you misread most');
    expect(misread).toHaveTextContent('“Where it goes wrong, does the system still act skilfully toward some goal?” (3 of 4):');
    for (const s of [shuttle, shuttle2, sycophancy]) expect(misread).toHaveTextContent(s.title);
    expect(misread).not.toHaveTextContent(robotArm.title);

    await user.click(screen.getByRole('button', { name: 'Practise the ones you missed (3)' }));
    expect(screen.getByText('Scenario 1 of 3 · 0 right')).toBeInTheDocument();
    const replay: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await shownId();
      expect(
        screen.getByRole('heading', { level: 2, name: [shuttle, shuttle2, sycophancy].find((s) => s.id === id)?.title }),
      ).toHaveFocus();
      replay.push(await answerShown(user, RIGHT_KEYS));
      await user.keyboard('n');
    }
    expect(replay.sort()).toEqual([shuttle.id, shuttle2.id, sycophancy.id].sort());
    // Answered right this time: nothing to summarize as a mix-up.
    expect(screen.getByRole('heading', { name: 'Finished: 3 of 3 right' })).toBeInTheDocument();
    expect(screen.queryByTestId('top-confusion')).toBeNull();
    expect(screen.queryByTestId('top-misread')).toBeNull();
  });

  it('an empty set says so instead of showing a form', () => {
    renderDrill([]);
    expect(screen.getByText('There are no scenarios in this set.')).toBeInTheDocument();
    expect(screen.queryByRole('radio')).toBeNull();
  });
});
