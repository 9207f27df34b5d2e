// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { contourSegments, regionStrips, spreadLabels } from '../../../components/widgets/simplicity/plane-geometry';
import { SimplicityBiasToy } from '../../../components/widgets/simplicity/simplicity-bias-toy';
import {
  PROGRESS_INTERVAL_MS,
  runSimplicityJob,
  type SimplicityMessage,
  type SimplicityTrainRequest,
} from '../../../components/widgets/simplicity/simplicity-protocol';
import { getSimplicityReference } from '../../../components/widgets/simplicity/simplicity-reference';
import { SimplicityTrainer } from '../../../components/widgets/simplicity/simplicity-trainer';
import sweep from '../../../content/data/toys-sweep.json';
import { FakeWorker, steppingClock } from './fake-worker';

type Fake = FakeWorker<SimplicityTrainRequest, SimplicityMessage>;

function fakeWorkers(mode: 'auto' | 'manual', clockStep: number) {
  const made: Fake[] = [];
  const createWorker = () => {
    const worker: Fake = new FakeWorker((request, post) => runSimplicityJob(request, post, steppingClock(clockStep)), mode);
    made.push(worker);
    return worker;
  };
  return { made, createWorker };
}

describe('SimplicityBiasToy (static picture)', () => {
  it('draws the two-feature data with a real network’s boundary, and states the outcome at disagreement 0', () => {
    render(<SimplicityBiasToy />);
    const plane = screen.getByRole('img', { name: /training data with both features agreeing/i });
    expect(plane.querySelector('desc')!.textContent).toMatch(/single vertical cut across position; it ignores the slabs/);
    const plot = screen.getByRole('img', { name: /test accuracy per epoch/i });
    expect(plot.querySelector('desc')!.textContent).toMatch(
      /After epoch 60 of 60: iid 100%, shape randomized 100%, position randomized \d+(\.\d)?%/,
    );
    // The sweep's first seed, trained with the sweep's settings: its numbers are the sweep's.
    const run = sweep.simplicity.results[0]!.perSeed[0]!;
    const summary = screen.getByText(/^After 60 epochs/);
    expect(summary.textContent).toContain(`position randomized ${Number((run.simpleRandomized * 100).toFixed(1))}%`);
    expect(summary.textContent).toMatch(/relies on position alone/);
    expect(summary.textContent).toMatch(/sweep's mean over 5 seeds: position randomized 48\.6%/);
    expect(screen.getByRole('button', { name: 'Train the network yourself' })).toBeTruthy();
  });

  it('is in the server HTML, and compact', () => {
    const html = renderToString(<SimplicityBiasToy />);
    expect(html).toContain('relies on position alone');
    expect(html).not.toMatch(/role="progressbar"/);
    expect(html.length).toBeLessThan(80_000);
  });

  it('loads the trainer only when asked', async () => {
    const user = userEvent.setup();
    render(<SimplicityBiasToy />);
    await user.click(screen.getByRole('button', { name: 'Train the network yourself' }));
    expect(await screen.findByRole('progressbar', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('group', { name: /position disagrees with the label on/i })).toBeTruthy();
  });
});

describe('SimplicityTrainer', () => {
  const reference = getSimplicityReference();

  it('labels every control', () => {
    const { createWorker } = fakeWorkers('auto', 0);
    render(<SimplicityTrainer reference={reference} createWorker={createWorker} />);
    const group = screen.getByRole('group', { name: /position disagrees with the label on/i });
    expect(
      within(group)
        .getAllByRole('radio')
        .map((r) => (r.closest('label') as HTMLLabelElement).textContent),
    ).toEqual(['0%', '5%', '10%', '20%']);
    expect(screen.getByLabelText('Hidden units')).toBeTruthy();
    expect(screen.getByLabelText('Seed')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Train' })).toBeTruthy();
  });

  it('trains in the worker with per-epoch progress and a live plot, then shows the new numbers', () => {
    const { made, createWorker } = fakeWorkers('manual', PROGRESS_INTERVAL_MS);
    render(<SimplicityTrainer reference={reference} createWorker={createWorker} />);
    fireEvent.click(screen.getByRole('radio', { name: '20%' }));
    fireEvent.change(screen.getByLabelText('Hidden units'), { target: { value: '16' } });
    fireEvent.change(screen.getByLabelText('Seed'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Train' }));

    const worker = made[0]!;
    expect(worker.requests).toEqual([{ type: 'train', seed: 3, disagreement: 0.2, hidden: 16, epochs: 60 }]);
    const bar = screen.getByRole('progressbar', { name: 'Training progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('0');

    act(() => {
      for (let i = 0; i < 5; i += 1) worker.deliver();
    });
    expect(bar.getAttribute('aria-valuenow')).toBe('5');
    expect(bar.getAttribute('aria-valuetext')).toBe('5 of 60 epochs');
    expect(screen.getByRole('img', { name: /^Your network, training: epoch 5 of 60/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Stop training' })).toBeTruthy();

    act(() => worker.flush());
    expect(bar.getAttribute('aria-valuenow')).toBe('60');
    expect(screen.getByRole('status').textContent).toMatch(/^Training finished: iid \d/);
    const status = screen.getByText(/^After 60 epochs/).textContent!;
    expect(status).toMatch(/^After 60 epochs \(16 hidden units, seed 3, position disagreeing with the label on 20%/);
    // With a fifth of the points explained only by shape, position no longer suffices: randomizing it hurts
    // far less than at 0%, and randomizing shape now hurts.
    const position = Number(/position randomized (\d+(?:\.\d)?)%/.exec(status)![1]);
    const shape = Number(/shape randomized (\d+(?:\.\d)?)%/.exec(status)![1]);
    expect(position).toBeGreaterThan(80);
    expect(shape).toBeLessThan(75);
    expect(screen.getByRole('img', { name: /Your network: training data and decision boundary/ })).toBeTruthy();
    expect(worker.terminated).toBe(true);
  });
});

describe('runSimplicityJob (the worker’s job)', () => {
  it('posts every epoch, batched at most every 50 ms, and finishes with the decision grid', () => {
    const messages: SimplicityMessage[] = [];
    runSimplicityJob({ type: 'train', seed: 1, disagreement: 0, hidden: 32, epochs: 60 }, (m) => messages.push(m), steppingClock(20));
    const progress = messages.filter((m) => m.type === 'progress');
    // 20 ms per epoch and a 50 ms interval: a post every third epoch or so, none of the 60 epochs lost.
    expect(progress.length).toBeGreaterThan(15);
    expect(progress.length).toBeLessThan(30);
    expect(progress.flatMap((m) => m.epochs.map((e) => e.epoch))).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    const done = messages.at(-1);
    if (done?.type !== 'done') throw new Error('no result');
    expect(done.outcome.plane.grid).toHaveLength(41 * 41);
    expect(done.outcome.final.simpleRandomized).toBeCloseTo(sweep.simplicity.results[0]!.perSeed[0]!.simpleRandomized, 4);
    // Where position and shape disagree, a position-only network sides with shape almost never.
    expect(done.outcome.conflictAccuracy).toBeLessThan(0.1);
  });
});

describe('plane geometry', () => {
  it('traces a vertical boundary for a position-only rule and a stack of horizontal ones for slabs', () => {
    const n = 11;
    const coord = (i: number) => -1 + (2 * i) / (n - 1);
    const byPosition = Array.from({ length: n * n }, (_, k) => (coord(k % n) > 0.05 ? 1 : 0));
    const segments = contourSegments(byPosition, n);
    expect(segments.length).toBe(n - 1);
    for (const [x1, , x2] of segments) {
      expect(x1).toBeCloseTo(0.1, 5);
      expect(x2).toBeCloseTo(0.1, 5);
    }
    expect(regionStrips(byPosition, n)).toHaveLength(n);
    const bySlab = Array.from({ length: n * n }, (_, k) => (Math.floor(Math.floor(k / n) / 2.2) % 2 === 0 ? 1 : 0));
    const flips = new Set(contourSegments(bySlab, n).map(([, y1]) => y1.toFixed(3)));
    expect(flips.size).toBe(4);
  });

  it('spreads overlapping labels apart and keeps them in bounds', () => {
    const out = spreadLabels([10, 10, 100], 20, 0, 100);
    expect(out[1]! - out[0]!).toBeGreaterThanOrEqual(20);
    expect(Math.max(...out)).toBeLessThanOrEqual(100);
    expect(Math.min(...out)).toBeGreaterThanOrEqual(0);
  });
});
