// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ClassConfusion, mondaySummary } from '../../components/teach/class-confusion';
import { classConfusion, type DrillResponse } from '../../lib/learning/item-stats';

const r = (truth: DrillResponse['truth'], picked: DrillResponse['picked'], scenarioId: string, axesWrong: DrillResponse['axesWrong'] = []): DrillResponse => ({
  learnerId: `${scenarioId}-${Math.random()}`,
  scenarioId,
  truth,
  picked,
  axesWrong,
});

const responses = [
  ...Array.from({ length: 5 }, () => r('goal-misgeneralization', 'specification-gaming', 'coinrun-moved-coin', ['signal', 'goal'])),
  r('goal-misgeneralization', 'specification-gaming', 'maze-cheese-corner', ['signal', 'goal']),
  ...Array.from({ length: 2 }, () => r('capability-failure', 'goal-misgeneralization', 'legged-robot-gravel', ['capability', 'goal'])),
  ...Array.from({ length: 6 }, () => r('specification-gaming', 'specification-gaming', 'boat-race-lagoon')),
];
const titles: Record<string, string> = { 'coinrun-moved-coin': 'The coin moved', 'maze-cheese-corner': 'Cheese in the corner', 'legged-robot-gravel': 'Robot on gravel' };
const titleOf = (id: string) => titles[id] ?? id;

describe('class confusion', () => {
  it('names the biggest mix-up, its scenarios and the question that settles it', () => {
    const text = mondaySummary(classConfusion(responses), titleOf);
    expect(text).toContain('Explain how to tell goal misgeneralization from specification gaming');
    expect(text).toContain('6 of the class’s 8 wrong first answers');
    expect(text).toContain('“The coin moved” and “Cheese in the corner”');
    expect(text).toContain('Was the training signal right?');
    expect(text).toContain('Which goal did it pursue?');
  });

  it('says so when the class makes no mistakes, and nothing without answers', () => {
    expect(mondaySummary(classConfusion([r('specification-gaming', 'specification-gaming', 'x')]), titleOf)).toMatch(/all 1 scenario correctly/);
    expect(mondaySummary(classConfusion([]), titleOf)).toBe('');
  });

  it('renders the matrix as a table with headers and links each mix-up to its scenarios', () => {
    render(<ClassConfusion classId="c1" confusion={classConfusion(responses)} titleOf={titleOf} />);
    const table = screen.getByTestId('class-confusion');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Actually…',
      'Picked specification gaming',
      'Picked goal misgeneralization',
      'Picked capability failure',
    ]);
    const gmg = within(table).getByRole('row', { name: /^Goal misgeneralization/ });
    const link = within(gmg).getByRole('link', { name: 'The coin moved' });
    expect(link.getAttribute('href')).toBe('/teach/c1/scenarios/coinrun-moved-coin');
    expect(gmg.textContent).toContain('(5×)');
    expect(within(screen.getByTestId('axis-errors')).getAllByRole('rowheader')[0]!.textContent).toBe('Which goal did it pursue?');
  });
});
