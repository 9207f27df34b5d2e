// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ThemeToggle } from '../../components/ui/theme-toggle';

describe('ThemeToggle', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.removeAttribute('data-theme');
  });

  it('cycles system → light → dark → system, saving the choice and applying it to the page', async () => {
    const user = userEvent.setup();
    render(<ThemeToggle />);
    const button = screen.getByRole('button', { name: /^System theme/ });
    await user.click(button);
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(localStorage.getItem('goalpost-theme')).toBe('light');
    await user.click(button);
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(screen.getByRole('button').getAttribute('aria-label')).toMatch(/^Dark theme\. Switch to system theme/);
    await user.click(button);
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
    expect(localStorage.getItem('goalpost-theme')).toBeNull();
  });

  it('starts from the saved choice', async () => {
    localStorage.setItem('goalpost-theme', 'dark');
    render(<ThemeToggle />);
    expect(await screen.findByRole('button', { name: /^Dark theme/ })).toBeTruthy();
  });
});
