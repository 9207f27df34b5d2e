// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmButton } from '../../components/teach/confirm-button';

describe('ConfirmButton', () => {
  it('asks first, moves focus to the answer, and Escape goes back without acting', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn(async () => null);
    render(
      <ConfirmButton
        label="Delete"
        accessibleLabel="Delete the assignment “Intro”"
        question="Really?"
        confirmLabel="Yes, delete"
        pendingLabel="Deleting…"
        onConfirm={onConfirm}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Delete the assignment “Intro”' }));
    expect(screen.getByRole('group', { name: 'Delete the assignment “Intro”' }).textContent).toContain('Really?');
    expect(screen.getByRole('button', { name: 'Yes, delete' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Delete the assignment “Intro”' })).toHaveFocus();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('runs the action on Yes and shows the message it returns', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn(async () => 'Only the class owner can remove co-instructors.');
    render(<ConfirmButton label="Remove" question="Sure?" confirmLabel="Yes, remove" pendingLabel="Removing…" onConfirm={onConfirm} />);
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    await user.click(screen.getByRole('button', { name: 'Yes, remove' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('alert')).toHaveTextContent('Only the class owner can remove co-instructors.');
  });
});
