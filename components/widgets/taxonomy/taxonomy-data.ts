// The three-way taxonomy of chapter 0 as data: the three axis questions, the three failure modes'
// signatures, and a verdict for every combination of answers (including the ones no mode fits), each with
// a CoinRun-flavoured illustration so one running example carries through all twelve.

type Signal = 'right' | 'wrong';
type Capability = 'adequate' | 'inadequate';
type Goal = 'intended' | 'literal' | 'proxy';
type ModeId = 'specification-gaming' | 'goal-misgeneralization' | 'capability-failure';

export interface Answers {
  signal: Signal;
  capability: Capability;
  goal: Goal;
}

interface AxisOption<V extends string> {
  value: V;
  label: string;
}

export interface Axis<K extends keyof Answers> {
  key: K;
  question: string;
  options: readonly AxisOption<Answers[K]>[];
}

export const SIGNAL_AXIS: Axis<'signal'> = {
  key: 'signal',
  question: 'Was the training signal right?',
  options: [
    { value: 'right', label: 'Right' },
    { value: 'wrong', label: 'Wrong' },
  ],
};

export const CAPABILITY_AXIS: Axis<'capability'> = {
  key: 'capability',
  question: 'Was the system capable enough where it failed?',
  options: [
    { value: 'adequate', label: 'Adequate' },
    { value: 'inadequate', label: 'Inadequate' },
  ],
};

export const GOAL_AXIS: Axis<'goal'> = {
  key: 'goal',
  question: 'Which goal did it learn?',
  options: [
    { value: 'intended', label: 'The intended goal' },
    { value: 'literal', label: 'The literal signal' },
    { value: 'proxy', label: 'A proxy that coincided in training' },
  ],
};

export interface FailureMode {
  id: ModeId;
  name: string;
  signal: string;
  capability: string;
  goal: string;
  /** Which CoinRun version of chapter 0 it is, in one or two sentences. */
  coinrun: string;
  /** The answers that define the mode (capability failure accepts any goal: see `classify`). */
  signature: Answers;
}

export const FAILURE_MODES: readonly FailureMode[] = [
  {
    id: 'specification-gaming',
    name: 'Specification gaming',
    signal: 'Wrong: it rewards something other than what we want',
    capability: 'Adequate, often impressively so',
    goal: 'The literal content of the signal',
    coinrun:
      'Version A: a bonus for every rightward step can be farmed by shuffling back and forth. Training reward is high while coins go uncollected.',
    signature: { signal: 'wrong', capability: 'adequate', goal: 'literal' },
  },
  {
    id: 'goal-misgeneralization',
    name: 'Goal misgeneralization',
    signal: 'Right on every training situation',
    capability: 'Adequate: skills carry over to the new situation',
    goal: 'A proxy that coincided with the intended goal in training',
    coinrun:
      'Version C, the real result: reward only for the coin, training looks perfect, and on a test level the agent runs skilfully to the right end, past the moved coin.',
    signature: { signal: 'right', capability: 'adequate', goal: 'proxy' },
  },
  {
    id: 'capability-failure',
    name: 'Capability failure',
    signal: 'Right',
    capability: 'Inadequate: the skills do not transfer',
    goal: 'Usually the intended one, or none coherent; behaviour does not show it',
    coinrun:
      'Version B: trained as in the real study but tested on upside-down levels, the agent mistimes jumps and falls into pits, heading nowhere in particular.',
    signature: { signal: 'right', capability: 'inadequate', goal: 'intended' },
  },
];

export interface Verdict {
  /** The failure mode this combination is, or null when none of the three fits. */
  mode: ModeId | null;
  headline: string;
  explanation: string;
  /** The same combination, told as a CoinRun variant. */
  coinrun: string;
}

export function comboKey(answers: Answers): string {
  return `${answers.signal}-${answers.capability}-${answers.goal}`;
}

const VERDICTS: Record<string, Verdict> = {
  'right-adequate-intended': {
    mode: null,
    headline: 'No failure: this is the outcome we wanted',
    explanation:
      'A right signal, skills that transfer and the intended goal add up to competent pursuit of what we meant. None of the three failure modes applies.',
    coinrun: 'An agent that fetches the coin wherever it appears, like the toy trained with the coin moved in a quarter of its levels.',
  },
  'right-adequate-literal': {
    mode: null,
    headline: 'No failure of the three',
    explanation:
      'When the signal is right, its literal content is the intended goal, so pursuing it to the letter is doing what we wanted. The literal signal only comes apart from the intent when the signal is wrong.',
    coinrun: 'The reward pays for touching the coin, so an agent that wants exactly that fetches the coin on every level.',
  },
  'right-adequate-proxy': {
    mode: 'goal-misgeneralization',
    headline: 'Goal misgeneralization',
    explanation:
      'The signal was right and the skills transferred, but the goal learned was a proxy that matched the intended one only on the training distribution. The signature is competent pursuit of the wrong thing after a shift.',
    coinrun: 'Version C: the agent runs skilfully to the end of the level and past the moved coin.',
  },
  'right-inadequate-intended': {
    mode: 'capability-failure',
    headline: 'Capability failure',
    explanation:
      'The signal was right and the aim may be too, but the system lacks the skill to act on it in the new situation. Its behaviour looks incompetent rather than purposeful.',
    coinrun: 'Version B: on upside-down levels the agent mistimes jumps and heads nowhere in particular.',
  },
  'right-inadequate-literal': {
    mode: 'capability-failure',
    headline: 'Capability failure',
    explanation:
      'With a right signal, the literal signal and the intended goal are the same thing, so this is the previous case: the aim is fine and the skills are not.',
    coinrun: 'An agent that wants the coin but, on unfamiliar-looking levels, cannot clear the gaps to reach it.',
  },
  'right-inadequate-proxy': {
    mode: 'capability-failure',
    headline: 'Capability failure, with the proxy hidden',
    explanation:
      'What you can observe is missing skill. A wrong goal only shows as competent pursuit of something else, which needs adequate capability; once the skills transfer, this system would turn into goal misgeneralization.',
    coinrun: 'An agent that has learned "go right" but stumbles on unfamiliar levels: you see it fall into pits, not head for the wall.',
  },
  'wrong-adequate-intended': {
    mode: null,
    headline: 'No failure shows, but by luck',
    explanation:
      'The signal had a flaw, yet the system learned what we meant, perhaps because the flaw was never easier to exploit than the task. Nothing has failed; the flaw is still waiting. Repair the signal anyway.',
    coinrun: 'Rightward steps earn a farmable bonus, but this agent happens to go for the coin and never discovers the trick.',
  },
  'wrong-adequate-literal': {
    mode: 'specification-gaming',
    headline: 'Specification gaming',
    explanation:
      'A capable system pursued exactly what the signal said, and the signal said the wrong thing. The problem is usually visible in training: high measured reward, the real task not done.',
    coinrun: 'Version A: the agent shuffles back and forth to farm the rightward-step bonus and leaves the coin alone.',
  },
  'wrong-adequate-proxy': {
    mode: null,
    headline: 'None fits cleanly: two gaps at once',
    explanation:
      'The signal was flawed and the system learned neither the signal nor the intent but something that coincided with them. The taxonomy sorts a failure by its first gap, and here there are two: repair the signal first, then test whether the goal generalizes.',
    coinrun: 'A farmable bonus in the reward, and an agent that learned "go to the wall" rather than farming it or fetching the coin.',
  },
  'wrong-inadequate-intended': {
    mode: null,
    headline: 'None fits: a wrong signal and too little skill',
    explanation:
      'Specification gaming needs a capable system to exploit the flaw, and capability failure assumes the signal was right. What you would see is incompetence, with a flawed signal behind it that better skills would start to exploit.',
    coinrun: 'A farmable rightward bonus, and an agent too clumsy on new levels to farm it or to reach the coin.',
  },
  'wrong-inadequate-literal': {
    mode: null,
    headline: 'None fits: a wrong signal and too little skill',
    explanation:
      'The system aims at the flawed signal but cannot pursue it skilfully, so it looks like a capability failure rather than gaming. Gaming needs adequate capability; capability failure assumes a right signal. Improve the skills and you would get specification gaming.',
    coinrun: 'An agent that wants the rightward-step bonus but keeps falling into pits before it can farm it.',
  },
  'wrong-inadequate-proxy': {
    mode: null,
    headline: 'None fits: every answer points to a different gap',
    explanation:
      'A flawed signal, missing skills and a proxy goal at once. No single failure mode describes this; it is three problems, and each of the three modes isolates one of them.',
    coinrun: 'A farmable bonus, an agent that learned "go to the wall", and levels it is too clumsy to cross.',
  },
};

export function classify(answers: Answers): Verdict {
  const verdict = VERDICTS[comboKey(answers)];
  if (!verdict) throw new Error(`taxonomy: no verdict for ${comboKey(answers)}`);
  return verdict;
}

/** Every combination of answers, in table order, for rendering one verdict block per combination. */
export const ALL_ANSWERS: readonly Answers[] = SIGNAL_AXIS.options.flatMap((s) =>
  CAPABILITY_AXIS.options.flatMap((c) => GOAL_AXIS.options.map((g) => ({ signal: s.value, capability: c.value, goal: g.value }))),
);

export const DEFAULT_ANSWERS: Answers = { signal: 'right', capability: 'adequate', goal: 'proxy' };
