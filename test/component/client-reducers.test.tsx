// The reducers extracted from the drill, the quiz and the CoinRun trainer: state that moves together, tested as
// the learner would meet it (what is shown, what the live region says) without rendering the components.
import { describe, expect, it } from 'vitest';
import { EMPTY_ANSWERS, drillSessionReducer, newSession, type DrillOutcome, type DrillSession } from '../../components/drill/drill-session';
import { freshAttempt, quizAttemptReducer } from '../../components/quiz/quiz-attempt';
import { isFinished, playbackReducer, type Playback } from '../../components/widgets/coinrun/use-playback';
import type { Scene } from '../../components/widgets/coinrun/coinrun-scene';

const outcome = (correct: boolean): DrillOutcome =>
  ({
    scenarioId: 's1',
    answer: { label: 'goal-misgeneralization', answers: { training: 'no', shift: 'yes', competence: 'yes' } },
    result: { correct, verdict: correct ? 'right' : 'wrong', labelCorrect: correct, defensible: false, questions: [], wrongQuestions: [] },
    truth: { label: correct ? 'goal-misgeneralization' : 'capability-failure' },
  }) as unknown as DrillOutcome;

describe('drill session', () => {
  const answered = (s: DrillSession, correct: boolean) =>
    drillSessionReducer(drillSessionReducer(s, { type: 'saving' }), { type: 'graded', outcome: outcome(correct) });

  it('says the verdict, moves on with the answers cleared, and finishes with the count', () => {
    let s = drillSessionReducer(newSession(2), { type: 'choose', name: 'label', value: 'goal-misgeneralization' });
    s = answered(s, true);
    expect(s).toMatchObject({ phase: 'feedback', status: 'Right: Goal misgeneralization. All three questions right.' });
    s = drillSessionReducer(s, { type: 'next', roundLength: 2 });
    expect(s).toMatchObject({ index: 1, phase: 'answering', status: '', answers: EMPTY_ANSWERS });
    s = drillSessionReducer(answered(s, false), { type: 'next', roundLength: 2 });
    expect(s).toMatchObject({ index: 1, phase: 'finished', status: 'Finished: 1 of 2 checked answers right.' });
  });

  it('keeps the answers when the server refuses, and counts an answer kept offline', () => {
    let s = drillSessionReducer(newSession(5), { type: 'choose', name: 'training', value: 'yes' });
    s = drillSessionReducer(drillSessionReducer(s, { type: 'saving' }), { type: 'refused', message: 'Too many answers; wait a minute.' });
    expect(s).toMatchObject({
      phase: 'answering',
      error: 'Too many answers; wait a minute.',
      answers: { ...EMPTY_ANSWERS, training: 'yes' },
    });
    s = drillSessionReducer(s, { type: 'queued', scenarioId: 's9' });
    expect(s).toMatchObject({ phase: 'queued', queued: ['s9'] });
    expect(s.status).toMatch(/^Saved on this device/);
    // "Next" is only for a checked or queued answer.
    expect(drillSessionReducer(newSession(5), { type: 'next', roundLength: 5 })).toEqual(newSession(5));
  });

  it('starts over from the first scenario, with a new order when asked', () => {
    const s = drillSessionReducer(answered(newSession(10), true), { type: 'begin', start: 10, reshuffle: true });
    expect(s).toMatchObject({ shuffles: 1, start: 10, size: 10, index: 0, outcomes: [], queued: [], phase: 'answering', status: '' });
  });
});

describe('quiz try', () => {
  it('picks one choice, or several in a multiple-answer question, and only while answering', () => {
    let s = quizAttemptReducer(freshAttempt(), { type: 'toggle', index: 2, multiple: false });
    s = quizAttemptReducer(s, { type: 'toggle', index: 0, multiple: false });
    expect(s.selected).toEqual([0]);
    let m = quizAttemptReducer(freshAttempt(), { type: 'toggle', index: 2, multiple: true });
    m = quizAttemptReducer(quizAttemptReducer(m, { type: 'toggle', index: 0, multiple: true }), {
      type: 'toggle',
      index: 2,
      multiple: true,
    });
    expect(m.selected).toEqual([0]);
    const saving = quizAttemptReducer(s, { type: 'saving' });
    expect(quizAttemptReducer(saving, { type: 'toggle', index: 1, multiple: false }).selected).toEqual([0]);
  });

  it('says which way the answer went, and a new try starts empty', () => {
    const feedback = { correct: false, correctIndices: [1], explanations: [] } as never;
    const s = quizAttemptReducer(quizAttemptReducer(freshAttempt(), { type: 'saving' }), { type: 'graded', feedback, multiple: true });
    expect(s).toMatchObject({
      phase: 'answered',
      status: 'Not quite — the correct answers are marked. Why each option is right or wrong:',
    });
    expect(quizAttemptReducer(s, { type: 'retry' })).toMatchObject({
      phase: 'answering',
      selected: [],
      confidence: null,
      feedback: null,
      status: '',
    });
  });
});

describe('CoinRun playback', () => {
  const scene = (steps: number, outcome: Scene['outcome']): Scene => ({
    level: {} as Scene['level'],
    path: Array.from({ length: steps + 1 }, (_, x) => ({ x, y: 0 })),
    outcome,
    steps,
    closest: 0,
  });
  const scenes = [scene(2, 'end'), scene(1, 'coin')];
  const run = (p: Playback | null, ticks: number) =>
    Array.from({ length: ticks }).reduce<Playback | null>((q) => playbackReducer(q, { type: 'tick' }), p);

  it('plays every step of each level, counting a level once its last step is shown', () => {
    const p = playbackReducer(null, { type: 'load', scenes, reducedMotion: false });
    expect(p).toMatchObject({ index: 0, frame: 0, playing: true, revealed: 0 });
    expect(run(p, 2)).toMatchObject({ index: 0, frame: 2, revealed: 1 });
    expect(run(p, 3)).toMatchObject({ index: 1, frame: 0, revealed: 1 });
    const end = run(p, 5);
    expect(end).toMatchObject({ index: 1, frame: 1, playing: false, revealed: 2 });
    expect(isFinished(end)).toBe(true);
  });

  it('shows the results at once with reduced motion, and steps through levels only then', () => {
    const p = playbackReducer(null, { type: 'load', scenes, reducedMotion: true });
    expect(p).toMatchObject({ frame: 2, playing: false, revealed: 2 });
    expect(playbackReducer(p, { type: 'show', index: 1 })).toMatchObject({ index: 1, frame: 1 });
    expect(playbackReducer(p, { type: 'show', index: 5 })).toBe(p);
  });

  it('pauses, resumes and skips to the results', () => {
    const p = run(playbackReducer(null, { type: 'load', scenes, reducedMotion: false }), 1);
    const paused = playbackReducer(p, { type: 'pause' });
    expect(run(paused, 3)).toBe(paused);
    expect(playbackReducer(paused, { type: 'resume' })?.playing).toBe(true);
    expect(playbackReducer(p, { type: 'skip' })).toMatchObject({ index: 0, frame: 2, playing: false, revealed: 2 });
    expect(playbackReducer(p, { type: 'clear' })).toBeNull();
  });
});
