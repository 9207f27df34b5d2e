// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Cite } from '../../components/mdx/cite';
import { Term } from '../../components/mdx/term';

describe('citation card', () => {
  it('shows authors, title, venue, year and a link on focus, and Escape dismisses it', async () => {
    const user = userEvent.setup();
    render(
      <p>
        Agents ran right <Cite id="langosco2022" n={3} />.
      </p>,
    );
    const link = screen.getByRole('link', { name: /^\[3\], reference 3: .*2022$/ });
    expect(link).toHaveTextContent('[3]');
    expect(link).toHaveAttribute('href', '#ref-langosco2022');
    const card = screen.getByRole('note', { hidden: true });
    expect(card).not.toBeVisible();
    await user.tab();
    expect(link).toHaveFocus();
    expect(card).toBeVisible();
    expect(card).toHaveTextContent('Goal Misgeneralization in Deep Reinforcement Learning');
    expect(card).toHaveTextContent('Jack Koch');
    expect(card).toHaveTextContent(/ICML.*2022/);
    expect(within(card).getByRole('link', { name: /Read the source/ })).toHaveAttribute(
      'href',
      'https://proceedings.mlr.press/v162/langosco22a.html',
    );
    expect(link).toHaveAccessibleDescription(/Goal Misgeneralization in Deep Reinforcement Learning/);
    await user.keyboard('{Escape}');
    expect(card).not.toBeVisible();
  });

  it('opens on hover and stays while the pointer is over the card', async () => {
    const user = userEvent.setup();
    render(<Cite id="shah2022gmg" n={1} />);
    const card = screen.getByRole('note', { hidden: true });
    await user.hover(screen.getByRole('link', { name: /reference 1:/ }));
    expect(card).toBeVisible();
    await user.hover(card);
    expect(card).toBeVisible();
  });

  it('names a missing key instead of failing silently', () => {
    render(<Cite id="nope1999" n={1} />);
    expect(screen.getByText('[missing reference nope1999]')).toBeInTheDocument();
  });
});

describe('glossary card', () => {
  it('shows the definition on focus and links to the glossary entry', async () => {
    const user = userEvent.setup();
    render(
      <p>
        A <Term id="proxy-goal">proxy goal</Term> matched in training.
      </p>,
    );
    const link = screen.getByRole('link', { name: /glossary: Proxy goal/ });
    expect(link).toHaveAttribute('href', '/glossary#proxy-goal');
    expect(link).toHaveTextContent('proxy goal');
    // WCAG 2.5.3 Label in Name: the accessible name starts with the words a sighted user sees.
    expect(link).toHaveAccessibleName('proxy goal, glossary: Proxy goal');
    await user.tab();
    const card = screen.getByRole('note');
    expect(card).toBeVisible();
    expect(card.textContent!.length).toBeGreaterThan(60);
    expect(within(card).getByRole('link', { name: 'Open in the glossary' })).toBeInTheDocument();
  });

  it('renders plain text for an unknown term id', () => {
    render(<Term id="not-a-term">words</Term>);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('words')).toBeInTheDocument();
  });
});
