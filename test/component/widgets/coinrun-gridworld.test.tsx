// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CoinRunGridworld } from '../../../components/widgets/coinrun/coinrun-gridworld';
import {
  PROGRESS_INTERVAL_MS,
  runCoinrunJob,
  type CoinrunMessage,
  type CoinrunTrainRequest,
} from '../../../components/widgets/coinrun/coinrun-protocol';
import { getCoinrunReference } from '../../../components/widgets/coinrun/coinrun-reference';
import { CoinRunTrainer, PLAYBACK_LEVELS } from '../../../components/widgets/coinrun/coinrun-trainer';
import sweep from '../../../content/data/toys-sweep.json';
import { FakeWorker, steppingClock } from './fake-worker';

type Fake = FakeWorker<CoinrunTrainRequest, CoinrunMessage>;

function fakeWorkers(mode: 'auto' | 'manual' = 'auto', clockStep = 0) {
  const made: Fake[] = [];
  const createWorker = () => {
    // clockStep 0: a frozen clock, so only the first progress message and the final ones are posted.
    const worker: Fake = new FakeWorker((request, post) => runCoinrunJob(request, post, steppingClock(clockStep)), mode);
    made.push(worker);
    return worker;
  };
  return { made, createWorker };
}

function setReducedMotion(reduce: boolean) {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: (query: string) => ({
      matches: reduce && query.includes('reduce'),
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }),
  });
}

afterEach(() => {
  vi.useRealTimers();
  Reflect.deleteProperty(window, 'matchMedia');
});

describe('CoinRunGridworld (static picture)', () => {
  it('draws a real trained agent running past a moved coin, with a text alternative', () => {
    render(<CoinRunGridworld />);
    const picture = screen.getByRole('img', { name: /trained with the coin always at the exit/i });
    const description = picture.querySelector('desc')!.textContent!;
    expect(description).toMatch(/reaches the right-hand end after \d+ steps/);
    expect(description).toMatch(/without touching it/);
    // Agent, coin and exit are told apart by letters, not only colour.
    const letters = Array.from(picture.querySelectorAll('text')).map((t) => t.textContent);
    expect(letters).toEqual(expect.arrayContaining(['A', 'C', 'E']));
    // The caption states what the picture shows, with the sweep's numbers for this agent.
    const run = sweep.coinrun.results[0]!.perSeed[0]!;
    const caption = screen.getByText(/it runs to the exit anyway/i).closest('figcaption')!.textContent!;
    expect(caption).toContain(`${Number((run.coinRate * 100).toFixed(1))}%`);
    expect(caption).toContain(`${Number((run.endRate * 100).toFixed(1))}%`);
    expect(screen.getByRole('button', { name: 'Train the agent yourself' })).toBeTruthy();
  });

  it('is in the server HTML without any interactive code', () => {
    const html = renderToString(<CoinRunGridworld />);
    expect(html).toContain('<svg');
    expect(html).toContain('runs to the exit anyway');
    expect(html).not.toMatch(/role="progressbar"/);
    // Without JavaScript the button cannot work, so it is disabled and says why.
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Train the agent yourself/);
    expect(html).toContain('The interactive version needs JavaScript.');
  });

  it('the picture really is the sweep agent reaching the end on one of its test levels', () => {
    const reference = getCoinrunReference();
    expect(reference.scene.outcome).toBe('end');
    const last = reference.scene.path[reference.scene.path.length - 1]!;
    expect(last.x).toBe(reference.scene.level.width - 1);
    expect(reference.scene.path.some((p) => p.x === reference.scene.level.coin.x && p.y === reference.scene.level.coin.y)).toBe(false);
  });

  it('loads the trainer only when asked, keeping the picture until it arrives', async () => {
    const user = userEvent.setup();
    render(<CoinRunGridworld />);
    expect(screen.queryByRole('progressbar')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Train the agent yourself' }));
    // While the chunk loads, the static picture is still there.
    expect(screen.getByRole('img', { name: /trained with the coin always at the exit/i })).toBeTruthy();
    expect(await screen.findByRole('progressbar', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Train' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Train the agent yourself'));
  });
});

describe('CoinRunTrainer', () => {
  const reference = getCoinrunReference();

  it('labels every control and starts from the sweep agent at diversity 0', () => {
    const { createWorker } = fakeWorkers();
    render(<CoinRunTrainer reference={reference} createWorker={createWorker} />);
    const slider = screen.getByLabelText(/coin moved in training/i);
    expect(slider.getAttribute('type')).toBe('range');
    expect(slider.getAttribute('aria-valuetext')).toBe('0% of training levels');
    expect(screen.getByLabelText('Seed')).toBeTruthy();
    expect(screen.getByLabelText('Training episodes')).toBeTruthy();
    expect(screen.getByText(/Loaded: the sweep’s agent/)).toBeTruthy();
    expect(screen.getByRole('img', { name: /sweep’s agent on a test level/i })).toBeTruthy();
    // The slider's steps are the sweep's diversities.
    expect(slider.getAttribute('max')).toBe(String(sweep.coinrun.diversities.length - 1));
  });

  it('trains in the worker, shows progress, then the results and a chart row for the setting', async () => {
    const { made, createWorker } = fakeWorkers('manual', PROGRESS_INTERVAL_MS);
    render(<CoinRunTrainer reference={reference} createWorker={createWorker} />);
    const slider = screen.getByLabelText(/coin moved in training/i);
    fireEvent.change(slider, { target: { value: String(sweep.coinrun.diversities.indexOf(0.25)) } });
    expect(slider.getAttribute('aria-valuetext')).toBe('25% of training levels');
    fireEvent.change(screen.getByLabelText('Seed'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Train' }));

    const worker = made[0]!;
    expect(worker.requests).toEqual([{ type: 'train', diversity: 0.25, seed: 2, episodes: 10_000, testLevels: 300 }]);
    // The clock steps 50 ms per read, so every engine report (each 100 episodes) is posted.
    expect(worker.queue.filter((m) => m.type === 'progress').length).toBeGreaterThan(50);

    act(() => {
      for (let i = 0; i < 10; i += 1) worker.deliver();
    });
    const bar = screen.getByRole('progressbar', { name: 'Training progress' });
    const now = Number(bar.getAttribute('aria-valuenow'));
    expect(now).toBeGreaterThan(0);
    expect(now).toBeLessThan(10_000);
    expect(bar.getAttribute('aria-valuemax')).toBe('10000');
    expect(bar.getAttribute('aria-valuetext')).toMatch(/^[\d,]+ of 10,000 episodes$/);
    expect(screen.getByRole('button', { name: 'Stop training' })).toBeTruthy();
    expect(screen.getByLabelText('Seed').matches(':disabled')).toBe(true);

    act(() => worker.flush());
    expect(bar.getAttribute('aria-valuenow')).toBe('10000');
    expect(screen.getByRole('status').textContent).toMatch(
      /^Trained: it took the coin in \d+(\.\d)?% of its last training episodes\. On 300 test levels with the coin moved: coin/,
    );
    expect(screen.getByText(/Loaded: your agent/).parentElement!.textContent).toMatch(/25% of 10,000 training levels, seed 2/);
    // Seed 2 at 25% is a sweep run, and the engine is deterministic: the same numbers come out.
    const sweepRun = sweep.coinrun.results.find((r) => r.diversity === 0.25)!.perSeed.find((r) => r.seed === 2)!;
    expect(screen.getByText(/The sweep trained this exact setting/).textContent).toContain(
      `coin ${Number((sweepRun.coinRate * 100).toFixed(1))}%`,
    );
    const youRow = screen.getByRole('row', { name: /25%.*you \(seed 2/ });
    expect(
      within(youRow)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toContain(`${Number((sweepRun.coinRate * 100).toFixed(1))}%`);
    expect(worker.terminated).toBe(true);
  });

  it('stops training on request and keeps the agent it had', () => {
    const { made, createWorker } = fakeWorkers('manual', PROGRESS_INTERVAL_MS);
    render(<CoinRunTrainer reference={reference} createWorker={createWorker} />);
    fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    act(() => {
      made[0]!.deliver();
      made[0]!.deliver();
    });
    fireEvent.click(screen.getByRole('button', { name: 'Stop training' }));
    expect(made[0]!.terminated).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Training stopped. The previous agent is still loaded.');
    expect(screen.getByText(/Loaded: the sweep’s agent/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Train' })).toBeTruthy();
    // A message from the stopped worker that was already on its way is ignored.
    const late = made[0]!.queue.find((m) => m.type === 'done')!;
    act(() => made[0]!.onmessage?.({ data: late }));
    expect(screen.getByText(/Loaded: the sweep’s agent/)).toBeTruthy();
  });

  it('animates test levels frame by frame and keeps a running tally', () => {
    vi.useFakeTimers();
    const { createWorker } = fakeWorkers();
    render(<CoinRunTrainer reference={reference} createWorker={createWorker} />);
    fireEvent.click(screen.getByRole('button', { name: 'Run on test levels' }));
    expect(screen.getByText(/Test level 1 of 12: step 0 of/)).toBeTruthy();
    act(() => vi.advanceTimersByTime(120));
    expect(screen.getByText(/Test level 1 of 12: step 1 of/)).toBeTruthy();
    expect(screen.getByLabelText('Tally of test levels played').textContent).toMatch(/of 0 test levels played/);
    // Each frame schedules the next after it renders, so step timer by timer.
    const seen = new Set<string>();
    const skip = screen.getByRole('button', { name: 'Skip to results' }) as HTMLButtonElement;
    for (let i = 0; i < 2_000 && !skip.disabled; i += 1) {
      act(() => vi.advanceTimersToNextTimer());
      seen.add(/Test level (\d+) of 12/.exec(document.body.textContent ?? '')?.[1] ?? '');
    }
    expect(seen.size).toBe(PLAYBACK_LEVELS);
    const tally = screen.getByLabelText('Tally of test levels played').textContent!;
    expect(tally).toMatch(new RegExp(`of ${PLAYBACK_LEVELS} test levels played`));
    // The sweep's diversity-0 agent: nearly every moved-coin level ends at the end.
    const end = Number(/End (\d+)/.exec(tally)![1]);
    expect(end).toBeGreaterThanOrEqual(10);
    expect(screen.getByRole('status').textContent).toMatch(/Finished 12 test levels: coin \d+, end \d+, other \d+/);
    // Finished on the last level: the learner can now step back through the others.
    expect((screen.getByRole('button', { name: 'Next level' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Previous level' }));
    expect(screen.getByText(/Test level 11 of 12: the agent/)).toBeTruthy();
  });

  it('skips to the results and says them', () => {
    vi.useFakeTimers();
    const { createWorker } = fakeWorkers();
    render(<CoinRunTrainer reference={reference} createWorker={createWorker} />);
    fireEvent.click(screen.getByRole('button', { name: 'Run on test levels' }));
    expect(screen.getByRole('status').textContent).toBe(`Playing ${PLAYBACK_LEVELS} test levels.`);
    fireEvent.click(screen.getByRole('button', { name: 'Skip to results' }));
    expect(screen.getByRole('status').textContent).toMatch(/^Finished 12 test levels: coin \d+, end \d+, other \d+\.$/);
    expect(screen.getByLabelText('Tally of test levels played').textContent).toMatch(/of 12 test levels played/);
    expect((screen.getByRole('button', { name: 'Skip to results' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('with reduced motion, shows final trajectories at once', () => {
    setReducedMotion(true);
    const { createWorker } = fakeWorkers();
    render(<CoinRunTrainer reference={reference} createWorker={createWorker} />);
    fireEvent.click(screen.getByRole('button', { name: 'Run on test levels' }));
    expect(screen.getByText(/Test level 1 of 12: the agent (ran to the end|reached)/)).toBeTruthy();
    expect(screen.getByLabelText('Tally of test levels played').textContent).toMatch(/of 12 test levels played/);
    fireEvent.click(screen.getByRole('button', { name: 'Next level' }));
    expect(screen.getByText(/Test level 2 of 12: the agent/)).toBeTruthy();
  });

  it('refuses a seed that is not a whole number, saying why', () => {
    const { made, createWorker } = fakeWorkers();
    render(<CoinRunTrainer reference={reference} createWorker={createWorker} />);
    fireEvent.change(screen.getByLabelText('Seed'), { target: { value: '2.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    expect(made).toHaveLength(0);
    const seed = screen.getByLabelText('Seed');
    expect(seed.getAttribute('aria-invalid')).toBe('true');
    expect(seed.getAttribute('aria-describedby')).toMatch(/seed-error/);
    expect(screen.getByText('Enter a whole number from 1 to 9999.')).toBeTruthy();
  });
});

describe('runCoinrunJob (the worker’s job)', () => {
  it('posts progress at most every 50 ms, then a result that matches the sweep', () => {
    const messages: CoinrunMessage[] = [];
    // 1 ms per clock read: about 100 engine reports over 100 ms should give about 3 progress posts.
    runCoinrunJob({ type: 'train', diversity: 0, seed: 1, episodes: 10_000, testLevels: 300 }, (m) => messages.push(m), steppingClock(1));
    const progress = messages.filter((m) => m.type === 'progress');
    expect(progress.length).toBeLessThanOrEqual(5);
    expect(progress.at(-1)).toEqual({ type: 'progress', episode: 10_000, episodes: 10_000 });
    const done = messages.at(-1);
    expect(done?.type).toBe('done');
    if (done?.type !== 'done') return;
    const run = sweep.coinrun.results[0]!.perSeed[0]!;
    expect(done.evaluation.coinRate).toBeCloseTo(run.coinRate, 4);
    expect(done.evaluation.endRate).toBeCloseTo(run.endRate, 4);
  });

  it('reports a bad request as an error message instead of throwing', () => {
    const messages: CoinrunMessage[] = [];
    runCoinrunJob(
      { type: 'train', diversity: 2, seed: 1, episodes: 100, testLevels: 10 },
      (m) => messages.push(m),
      () => 0,
    );
    expect(messages.at(-1)).toEqual({ type: 'error', message: 'diversity must be in [0, 1]' });
  });
});
