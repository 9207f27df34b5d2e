// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ItemStatsTable, type ItemViewRow } from '../../components/teach/item-stats-table';

const item = (
  itemId: string,
  kind: ItemViewRow['kind'],
  attempts: number,
  facility: number,
  discrimination: number | null,
): ItemViewRow => ({
  itemId,
  kind,
  title: `Item ${itemId}`,
  context: kind,
  href: kind === 'quiz' ? `/chapters/introduction#${itemId}` : `/teach/c/scenarios/${itemId}`,
  attempts,
  facility,
  facilityText: 'About right',
  discrimination,
  discriminationText: discrimination === null ? 'Not enough answers' : 'Adequate',
  distribution: [
    { option: 'A', text: 'First option', count: attempts - 1, correct: true },
    { option: 'B', text: 'Second option', count: 1, correct: false },
  ],
});

const many = [
  item('q1', 'quiz', 20, 0.9, 0.45),
  item('q2', 'quiz', 20, 0.3, -0.12),
  item('s1', 'scenario', 12, 0.6, 0.3),
  item('s2', 'scenario', 8, 0.5, null),
  item('q3', 'quiz', 9, 0.7, 0.2),
  item('rare', 'scenario', 2, 0, null),
];
const ids = () =>
  within(screen.getByTestId('item-stats'))
    .queryAllByTestId('item-row')
    .map((r) => r.getAttribute('data-item-id'));

describe('ItemStatsTable', () => {
  it('starts with the hardest items and hides items with too few answers to mean much', async () => {
    const user = userEvent.setup();
    render(<ItemStatsTable rows={many} />);
    expect(ids()).toEqual(['q2', 's2', 's1', 'q3', 'q1']);
    expect(screen.getByRole('columnheader', { name: /Facility/ }).getAttribute('aria-sort')).toBe('ascending');
    await user.click(screen.getByLabelText(/Only items answered by at least 5/));
    expect(ids()).toContain('rare');
  });

  it('shows discrimination to two decimals, the answer counts with the right one marked in words, and links each item', () => {
    render(<ItemStatsTable rows={many} />);
    const row = screen.getAllByTestId('item-row').find((r) => r.getAttribute('data-item-id') === 'q2')!;
    expect(row.textContent).toContain('-0.12');
    expect(row.textContent).toContain('19A First option ✓ correct');
    expect(within(row).getByRole('link').getAttribute('href')).toBe('/chapters/introduction#q2');
  });

  it('sorts by discrimination with empty values last, and filters by kind', async () => {
    const user = userEvent.setup();
    render(<ItemStatsTable rows={many} />);
    await user.click(screen.getByRole('button', { name: /Discrimination/ }));
    expect(ids()).toEqual(['q2', 'q3', 's1', 'q1', 's2']);
    await user.selectOptions(screen.getByLabelText('Show'), 'scenario');
    expect(ids()).toEqual(['s1', 's2']);
  });
});
