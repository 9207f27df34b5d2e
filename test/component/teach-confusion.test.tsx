// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ClassConfusion, mondaySummary } from '../../components/teach/class-confusion';
import { classConfusion, type DrillResponse } from '../../lib/learning/item-stats';

const r = (
  truth: DrillResponse['truth'],
  picked: DrillResponse['picked'],
  scenarioId: string,
  wrong: DrillResponse['wrong'] = [],
): DrillResponse => ({
  learnerId: `${scenarioId}-${Math.random()}`,
  scenarioId,
  truth,
  picked,
  labelOk: truth === picked,
  wrong,
});

const responses = [
  ...Array.from({ length: 5 }, () => r('goal-misgeneralization', 'specification-gaming', 'coinrun-moved-coin', ['training'])),
  r('goal-misgeneralization', 'specification-gaming', 'maze-cheese-corner', ['training', 'shift']),
  ...Array.from({ length: 2 }, () => r('capability-failure', 'goal-misgeneralization', 'legged-robot-gravel', ['competence'])),
  ...Array.from({ length: 6 }, () => r('specification-gaming', 'specification-gaming', 'boat-race-lagoon')),
];
const titles: Record<string, string> = {
  'coinrun-moved-coin': 'The coin moved',
  'maze-cheese-corner': 'Cheese in the corner',
  'legged-robot-gravel': 'Robot on gravel',
};
const titleOf = (id: string) => titles[id] ?? id;

describe('class confusion', () => {
  it('names the biggest mix-up, its scenarios and the question that settles it', () => {
    const text = mondaySummary(classConfusion(responses), titleOf);
    expect(text).toContain('Explain how to tell goal misgeneralization from specification gaming');
    expect(text).toContain('6 of the class’s 8 wrong first answers');
    expect(text).toContain('“The coin moved” and “Cheese in the corner”');
    // The question that separates the two, which is also the one the class misreads most.
    expect(text).toContain('During training, did the unwanted behaviour already pay off?');
    expect(text).toContain('It is also the question the class gets wrong most (6 times)');
  });

  it('says so when the class makes no mistakes, and nothing without answers', () => {
    expect(mondaySummary(classConfusion([r('specification-gaming', 'specification-gaming', 'x')]), titleOf)).toMatch(
      /right label in all 1 first answer\. Every reason was right too/,
    );
    expect(mondaySummary(classConfusion([]), titleOf)).toBe('');
  });

  it('does not call a class that got every label right but some reasons wrong "correct"; its counts match the tables', () => {
    const c = classConfusion([
      r('specification-gaming', 'specification-gaming', 'a', ['training']),
      r('specification-gaming', 'specification-gaming', 'b', ['training', 'shift']),
      r('goal-misgeneralization', 'goal-misgeneralization', 'c'),
    ]);
    const text = mondaySummary(c, titleOf);
    expect(text).not.toMatch(/correctly/);
    expect(text).toContain('right label in all 3 first answers. 2 of them had a wrong reason');
    expect(text).toContain('(2 times)');
    expect(c.questionErrors.training).toBe(2);
    expect(c.byTruth['specification-gaming']).toEqual({ answers: 2, labelRight: 2, correct: 0, wrongReason: 2 });
  });

  it('renders the matrix as a table with headers and links each mix-up to its scenarios', () => {
    render(<ClassConfusion classId="c1" confusion={classConfusion(responses)} titleOf={titleOf} />);
    const table = screen.getByTestId('class-confusion');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Actually…', 'Picked specification gaming', 'Picked goal misgeneralization', 'Picked capability failure']);
    const gmg = within(table).getByRole('row', { name: /^Goal misgeneralization/ });
    const link = within(gmg).getByRole('link', { name: 'The coin moved' });
    expect(link.getAttribute('href')).toBe('/teach/c1/scenarios/coinrun-moved-coin');
    expect(gmg.textContent).toContain('(5×)');
    expect(within(screen.getByTestId('axis-errors')).getAllByRole('rowheader')[0]!.textContent).toBe(
      'During training, did the unwanted behaviour already pay off?',
    );
    // Per failure mode, the question misread most on that mode's cases.
    const misread = screen.getByTestId('misread-by-label');
    expect(within(misread).getByRole('row', { name: /^Goal misgeneralization/ }).textContent).toContain(
      'During training, did the unwanted behaviour already pay off?',
    );
    expect(within(misread).getByRole('row', { name: /^Goal misgeneralization/ }).textContent).toContain('6 of 6');
    expect(within(misread).getByRole('row', { name: /^Capability failure/ }).textContent).toContain(
      'Where it goes wrong, does the system still act skilfully toward some goal?',
    );
    expect(within(misread).getByRole('row', { name: /^Specification gaming/ }).textContent).toContain('None misread yet');
  });
});
