// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ToySweep } from '../../../components/widgets/toy-sweep/toy-sweep';
import sweep from '../../../content/data/toys-sweep.json';

// Percentages as a reader sees them: one decimal at most, no trailing ".0".
const pct = (x: number) => `${Number((x * 100).toFixed(1))}%`;

// The explanation the table points to with aria-describedby (shown above it, outside the scrolling box).
const about = (table: HTMLElement) => document.getElementById(table.getAttribute('aria-describedby')!)!.textContent!;

describe('ToySweep', () => {
  it('shows the CoinRun sweep: mean coin, end and other rates and each seed’s coin rate per diversity', () => {
    render(<ToySweep toy="coinrun" />);
    const table = screen.getByRole('table', { name: /CoinRun sweep/ });
    const caption = about(table);
    expect(caption).toContain('npm run toys:sweep');
    expect(caption).toContain(`${sweep.coinrun.seeds.length} seeds`);
    expect(caption).toContain(`${sweep.coinrun.config.test.levels} new levels`);

    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(sweep.coinrun.results.length);
    sweep.coinrun.results.forEach((result, i) => {
      const cells = within(rows[i]!)
        .getAllByRole('cell')
        .map((td) => td.textContent);
      expect(within(rows[i]!).getByRole('rowheader').textContent).toContain(pct(result.diversity));
      expect(cells).toEqual([
        pct(result.mean.coinRate),
        pct(result.mean.endRate),
        pct(result.mean.otherRate),
        pct(result.mean.trainingLikeCoinRate),
        ...result.perSeed.map((run) => pct(run.coinRate)),
      ]);
    });
  });

  it('shows the effect the chapter describes: the end at diversity 0, the coin at 25%', () => {
    render(<ToySweep toy="coinrun" />);
    const zero = screen.getByRole('row', { name: /^0% of levels/ });
    expect(within(zero).getAllByRole('cell')[0]!.textContent).toBe('4.9%');
    expect(within(zero).getAllByRole('cell')[1]!.textContent).toBe('95.1%');
    const quarter = screen.getByRole('row', { name: /^25% of levels/ });
    expect(within(quarter).getAllByRole('cell')[0]!.textContent).toBe('99.9%');
  });

  it('shows the simplicity sweep: iid, position-randomized and shape-randomized accuracy per disagreement', () => {
    render(<ToySweep toy="simplicity" />);
    const table = screen.getByRole('table', { name: /Simplicity sweep/ });
    const caption = about(table);
    expect(caption).toContain('npm run toys:sweep');
    expect(caption).toContain(`${sweep.simplicity.seeds.length} seeds`);
    expect(caption).toContain('1,000 points per test set');

    const headers = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    expect(headers).toEqual(expect.arrayContaining(['Test: iid', 'Test: position randomized', 'Test: shape randomized']));
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(sweep.simplicity.results.length);
    sweep.simplicity.results.forEach((result, i) => {
      const cells = within(rows[i]!)
        .getAllByRole('cell')
        .map((td) => td.textContent);
      expect(cells.slice(1)).toEqual([pct(result.mean.iid), pct(result.mean.simpleRandomized), pct(result.mean.hardRandomized)]);
    });
    expect(within(rows[0]!).getAllByRole('cell')[2]!.textContent).toBe('48.6%');
  });
});
