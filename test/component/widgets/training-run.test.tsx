// @vitest-environment jsdom
// The training run both trainers share: useTrainingRun (seed, run, failure and status in one reducer) behind
// <TrainControls> and <SeedField>, driven by a stand-in worker.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { SeedField, TrainControls } from '../../../components/widgets/shared/train-controls';
import { SEED_ERROR, parseSeed, trainingRunReducer, useTrainingRun } from '../../../components/widgets/shared/use-training-run';
import { FakeWorker } from './fake-worker';

type Request = { seed: number; steps: number };
type Message = { type: 'progress'; step: number } | { type: 'done'; seed: number } | { type: 'error'; message: string };

/** A job that reports each step, then finishes; seed 13 fails as an engine error would. */
function job(request: Request, post: (m: Message) => void) {
  if (request.seed === 13) return post({ type: 'error', message: 'the engine ran out of memory' });
  for (let step = 1; step <= request.steps; step++) post({ type: 'progress', step });
  post({ type: 'done', seed: request.seed });
}

function Harness({ createWorker }: { createWorker: () => FakeWorker<Request, Message> }) {
  const run = useTrainingRun<Request, Message>(createWorker, 7);
  const [done, setDone] = useState(0);
  return (
    <TrainControls
      id="t"
      run={run}
      onTrain={() =>
        run.train({
          request: (seed) => ({ seed, steps: 3 }),
          starting: 'Training for 3 steps…',
          onStart: () => setDone(0),
          onProgress: (m) => setDone(m.step),
          onDone: (m) => `Trained with seed ${m.seed}.`,
        })
      }
      onStop={() => run.stop('Training stopped. The previous one is still shown.')}
      progress={{ done, total: 3, unit: 'steps' }}
    >
      <SeedField id="t" run={run} hint="Same seed, same result." />
    </TrainControls>
  );
}

function workers() {
  const made: FakeWorker<Request, Message>[] = [];
  const createWorker = () => {
    const w = new FakeWorker<Request, Message>(job, 'manual');
    made.push(w);
    return w;
  };
  return { made, createWorker };
}

const status = () => screen.getByRole('status').textContent;

describe('useTrainingRun with TrainControls', () => {
  it('refuses a seed out of range beside the field, and starts no worker', () => {
    const { made, createWorker } = workers();
    render(<Harness createWorker={createWorker} />);
    const seed = screen.getByLabelText('Seed');
    fireEvent.change(seed, { target: { value: '10000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    expect(made).toHaveLength(0);
    expect(seed.getAttribute('aria-invalid')).toBe('true');
    expect(seed.getAttribute('aria-describedby')).toBe('t-seed-hint t-seed-error');
    expect(document.getElementById('t-seed-error')!.textContent).toBe(SEED_ERROR);
  });

  it('trains with the seed typed, locks the settings, shows progress, then says what it trained', () => {
    const { made, createWorker } = workers();
    render(<Harness createWorker={createWorker} />);
    fireEvent.change(screen.getByLabelText('Seed'), { target: { value: '42' } });
    fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    expect(made[0]!.requests).toEqual([{ seed: 42, steps: 3 }]);
    expect(status()).toBe('Training for 3 steps…');
    expect(screen.getByRole('group', { name: 'Training settings' }).hasAttribute('disabled')).toBe(true);
    act(() => void made[0]!.deliver());
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('1 of 3 steps');
    act(() => made[0]!.flush());
    expect(status()).toBe('Trained with seed 42.');
    expect(made[0]!.terminated).toBe(true);
    expect(screen.getByRole('button', { name: 'Train' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Training settings' }).hasAttribute('disabled')).toBe(false);
  });

  it('stops on request, and ignores what the stopped worker still sends', () => {
    const { made, createWorker } = workers();
    render(<Harness createWorker={createWorker} />);
    fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    fireEvent.click(screen.getByRole('button', { name: 'Stop training' }));
    expect(status()).toBe('Training stopped. The previous one is still shown.');
    act(() => made[0]!.flush());
    expect(status()).toBe('Training stopped. The previous one is still shown.');
    expect(screen.getByRole('button', { name: 'Train' })).toBeTruthy();
  });

  it('says why a run failed, and clears it at the next start', () => {
    const { made, createWorker } = workers();
    render(<Harness createWorker={createWorker} />);
    fireEvent.change(screen.getByLabelText('Seed'), { target: { value: '13' } });
    fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    act(() => made[0]!.flush());
    expect(screen.getByRole('alert').textContent).toBe('Training failed: the engine ran out of memory');
    expect(status()).toBe('');
    fireEvent.change(screen.getByLabelText('Seed'), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('reports a browser that cannot start a worker', () => {
    render(
      <Harness
        createWorker={() => {
          throw new Error('Workers are disabled here.');
        }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    expect(screen.getByRole('alert').textContent).toBe('Training failed: Workers are disabled here.');
  });
});

describe('the training-run reducer', () => {
  const idle = { seedText: '7', seedError: null, training: false, error: null, message: '' };

  it('clears a bad-seed message and an old failure when a run starts', () => {
    const failed = trainingRunReducer(trainingRunReducer(idle, { type: 'invalid-seed' }), { type: 'fail', error: 'boom' });
    expect(failed).toMatchObject({ seedError: SEED_ERROR, error: 'boom', training: false });
    expect(trainingRunReducer(failed, { type: 'start', message: 'Training…' })).toEqual({ ...idle, training: true, message: 'Training…' });
  });

  it('reads a seed as a whole number from 1 to 9999', () => {
    expect([parseSeed('1'), parseSeed('9999'), parseSeed(' 42 ')]).toEqual([1, 9999, 42]);
    expect([parseSeed(''), parseSeed('0'), parseSeed('10000'), parseSeed('2.5'), parseSeed('abc')]).toEqual([null, null, null, null, null]);
  });
});
