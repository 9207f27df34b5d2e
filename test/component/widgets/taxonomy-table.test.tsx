// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TaxonomyTable } from '../../../components/widgets/taxonomy/taxonomy-table';

const SIGNAL = { right: 'Right', wrong: 'Wrong' } as const;
const CAPABILITY = { generalized: 'Adequate', failed: 'Inadequate' } as const;
const GOAL = { intended: 'The intended goal', literal: 'The literal signal', proxy: 'A proxy that coincided in training' } as const;
const ROW = {
  gaming: 'Specification gaming',
  gmg: 'Goal misgeneralization',
  capability: 'Capability failure',
} as const;

// The chapter's taxonomy, written out independently of the widget's data: which row each combination of
// answers lands in, or null when no single failure mode fits.
const EXPECTED: [keyof typeof SIGNAL, keyof typeof CAPABILITY, keyof typeof GOAL, keyof typeof ROW | null][] = [
  ['right', 'generalized', 'intended', null],
  ['right', 'generalized', 'literal', null],
  ['right', 'generalized', 'proxy', 'gmg'],
  ['right', 'failed', 'intended', 'capability'],
  ['right', 'failed', 'literal', 'capability'],
  ['right', 'failed', 'proxy', 'capability'],
  ['wrong', 'generalized', 'intended', null],
  ['wrong', 'generalized', 'literal', 'gaming'],
  ['wrong', 'generalized', 'proxy', null],
  ['wrong', 'failed', 'intended', null],
  ['wrong', 'failed', 'literal', null],
  ['wrong', 'failed', 'proxy', null],
];

function shownVerdicts(container: HTMLElement) {
  return Array.from(container.querySelectorAll<HTMLElement>('[data-testid^="verdict-"]')).filter((el) => !el.hidden);
}

function highlightedRows() {
  return screen
    .getAllByRole('row')
    .filter((row) => row.getAttribute('data-match') === 'true')
    .map((row) => within(row).getByRole('rowheader').firstChild?.textContent);
}

describe('TaxonomyTable', () => {
  it('renders a real table of the three failure modes against the three questions', () => {
    render(<TaxonomyTable />);
    const table = screen.getByRole('table', { name: /three ways to fail/i });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    expect(headers).toEqual(['Failure mode', 'Training signal', 'Capability where it failed', 'Goal learned', 'In CoinRun']);
    const rows = within(table)
      .getAllByRole('rowheader')
      .map((th) => th.firstChild?.textContent);
    expect(rows).toEqual([ROW.gaming, ROW.gmg, ROW.capability]);
    // Each row carries its CoinRun version from chapter 0.
    expect(within(table).getByRole('row', { name: /specification gaming/i }).textContent).toMatch(/Version A/);
    expect(within(table).getByRole('row', { name: /goal misgeneralization/i }).textContent).toMatch(/Version C/);
    expect(within(table).getByRole('row', { name: /capability failure/i }).textContent).toMatch(/Version B/);
  });

  it('is complete in the server HTML: table, questions and every verdict, with no script needed', () => {
    const html = renderToString(<TaxonomyTable />);
    expect(html).toContain('<table');
    expect(html).toMatch(/<th scope="row"[^>]*>Specification gaming/);
    expect(html.match(/type="radio"/g)).toHaveLength(7);
    expect(html.match(/data-testid="verdict-/g)).toHaveLength(12);
    // The default answers (CoinRun's real result) are checked and their verdict is the one not hidden.
    expect(html).toMatch(/data-testid="verdict-right-generalized-proxy"(?![^>]*hidden)/);
  });

  it('starts on CoinRun’s real result: goal misgeneralization', () => {
    const { container } = render(<TaxonomyTable />);
    expect(highlightedRows()).toEqual([ROW.gmg]);
    expect(shownVerdicts(container).map((v) => v.textContent)).toEqual([expect.stringMatching(/Goal misgeneralization/)]);
  });

  it.each(EXPECTED)('signal %s, capability %s, goal %s → %s', async (signal, capability, goal, row) => {
    const user = userEvent.setup();
    const { container } = render(<TaxonomyTable />);
    const signalGroup = screen.getByRole('group', { name: /training signal right/i });
    // Visit the other answer first, so every case changes something and is announced.
    await user.click(within(signalGroup).getByRole('radio', { name: SIGNAL[signal === 'right' ? 'wrong' : 'right'] }));
    await user.click(within(signalGroup).getByRole('radio', { name: SIGNAL[signal] }));
    await user.click(within(screen.getByRole('group', { name: /capable enough/i })).getByRole('radio', { name: CAPABILITY[capability] }));
    await user.click(within(screen.getByRole('group', { name: /which goal/i })).getByRole('radio', { name: GOAL[goal] }));

    const shown = shownVerdicts(container);
    expect(shown).toHaveLength(1);
    const verdict = shown[0]!;
    if (row) {
      expect(highlightedRows()).toEqual([ROW[row]]);
      expect(verdict.textContent).toContain(ROW[row]);
      expect(verdict.textContent).toMatch(/^Failure mode/);
    } else {
      expect(highlightedRows()).toEqual([]);
      expect(verdict.textContent).toMatch(/^No single mode/);
      // It says why, not only that nothing fits.
      expect(verdict.textContent!.length).toBeGreaterThan(120);
    }
    expect(verdict.textContent).toMatch(/In CoinRun:/);
    // The choice is announced to screen readers.
    expect(screen.getByRole('status').textContent).toContain(verdict.querySelector('strong')!.textContent!);
  });

  it('explains the wrong-signal, inadequate-capability case the chapter singles out', async () => {
    const user = userEvent.setup();
    const { container } = render(<TaxonomyTable />);
    await user.click(screen.getByRole('radio', { name: 'Wrong' }));
    await user.click(screen.getByRole('radio', { name: 'Inadequate' }));
    await user.click(screen.getByRole('radio', { name: GOAL.literal }));
    const text = shownVerdicts(container)[0]!.textContent!;
    expect(text).toMatch(/none fits/i);
    expect(text).toMatch(/gaming needs adequate capability/i);
    expect(text).toMatch(/capability failure assumes a right signal/i);
  });
});
