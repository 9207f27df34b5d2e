// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RosterTable, type RosterViewRow } from '../../components/teach/roster-table';

const row = (over: Partial<RosterViewRow> & Pick<RosterViewRow, 'learnerId' | 'name'>): RosterViewRow => ({
  email: `${over.learnerId}@example.com`,
  lastActive: null,
  lastActiveText: 'Never',
  results: [{ assignmentId: 'a1', status: 'not-started', statusText: 'Not started', score: null, progress: 0 }],
  completion: 0,
  meanScore: null,
  lateCount: 0,
  ...over,
});

const rows: RosterViewRow[] = [
  row({
    learnerId: 'b',
    name: 'Bea',
    completion: 1,
    meanScore: 0.9,
    lastActive: 3,
    lastActiveText: 'Today',
    results: [{ assignmentId: 'a1', status: 'done', statusText: 'Done', score: 0.9, progress: 1 }],
  }),
  row({
    learnerId: 'a',
    name: '<img src=x onerror=alert(1)>',
    completion: 0,
    meanScore: null,
    lastActive: 1,
    lateCount: 1,
    results: [{ assignmentId: 'a1', status: 'late', statusText: 'Late', score: null, progress: 0 }],
  }),
  row({
    learnerId: 'c',
    name: 'Cato',
    completion: 1,
    meanScore: 0.5,
    lastActive: 2,
    lateCount: 1,
    results: [{ assignmentId: 'a1', status: 'done-late', statusText: 'Done late', score: 0.5, progress: 1 }],
  }),
];
const assignments = [{ id: 'a1', title: 'Intro chapter' }];
const names = () =>
  within(screen.getByTestId('roster'))
    .getAllByRole('rowheader')
    .map((h) => h.firstChild?.textContent);

describe('RosterTable', () => {
  it('shows status text and score per assignment, with names as text and never as HTML', () => {
    render(<RosterTable rows={rows} assignments={assignments} />);
    const table = screen.getByRole('table');
    expect(within(table).getByText(/^Roster:/)).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Intro chapter' })).toBeTruthy();
    const bea = screen.getByRole('row', { name: /Bea/ });
    expect(bea.textContent).toContain('Done');
    expect(bea.textContent).toContain('90%');
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });

  it('sorts by a column button and says so with aria-sort', async () => {
    const user = userEvent.setup();
    render(<RosterTable rows={rows} assignments={assignments} />);
    const nameHeader = screen.getByRole('columnheader', { name: /Learner/ });
    expect(nameHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(names()).toEqual(['<img src=x onerror=alert(1)>', 'Bea', 'Cato']);

    await user.click(screen.getByRole('button', { name: /Mean score/ }));
    const scoreHeader = screen.getByRole('columnheader', { name: /Mean score/ });
    expect(scoreHeader.getAttribute('aria-sort')).toBe('descending');
    expect(nameHeader.getAttribute('aria-sort')).toBe('none');
    // Learners without a score go last whichever way the column is sorted.
    expect(names()).toEqual(['Bea', 'Cato', '<img src=x onerror=alert(1)>']);
    await user.click(screen.getByRole('button', { name: /Mean score/ }));
    expect(scoreHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(names()).toEqual(['Cato', 'Bea', '<img src=x onerror=alert(1)>']);

    await user.click(screen.getByRole('button', { name: /Last active/ }));
    expect(names()).toEqual(['Bea', 'Cato', '<img src=x onerror=alert(1)>']);
  });

  it('filters by text, by late work and by not started, and announces the count', async () => {
    const user = userEvent.setup();
    render(<RosterTable rows={rows} assignments={assignments} />);
    await user.type(screen.getByLabelText('Find a learner'), 'c@example');
    expect(names()).toEqual(['Cato']);
    expect(screen.getByTestId('roster-count').textContent).toMatch(/Showing 1 of 3 learners/);
    await user.clear(screen.getByLabelText('Find a learner'));
    await user.click(screen.getByLabelText('Only learners with late work'));
    expect(names()).toEqual(['<img src=x onerror=alert(1)>', 'Cato']);
    await user.click(screen.getByLabelText('Only learners who have not started an assignment'));
    expect(names()).toEqual(['<img src=x onerror=alert(1)>']);
    await user.type(screen.getByLabelText('Find a learner'), 'zzz');
    expect(screen.getByText('No learner matches these filters.')).toBeTruthy();
  });
});
