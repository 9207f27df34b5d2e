// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useActionState, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { FormatRadios, type SetFileFormat } from '../../components/drill/format-radios';
import { FormAlert, FormStatus, InlineError, OneButtonForm, SubmitButton } from '../../components/ui/form';

type Result = { ok: boolean; message?: string };

describe('OneButtonForm (join by invite link, accept a co-instructor invite)', () => {
  it('sends the value it already knows, says it is working while it does, and shows a failure as an alert', async () => {
    let finish: (r: Result) => void = () => {};
    const action = vi.fn((_prev: Result | null, _fd: FormData) => new Promise<Result>((resolve) => (finish = resolve)));
    render(<OneButtonForm action={action} name="code" value="7KQ2M9XH4C" label="Join Algebra" pendingLabel="Joining…" />);
    expect(screen.queryByRole('alert')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Join Algebra' }));
    const busy = await screen.findByRole('button', { name: 'Joining…' });
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    expect(action.mock.calls[0]![1].get('code')).toBe('7KQ2M9XH4C');
    finish({ ok: false, message: 'That code has expired: ask your teacher for a new one.' });
    expect((await screen.findByRole('alert')).textContent).toBe('That code has expired: ask your teacher for a new one.');
    expect((screen.getByRole('button', { name: 'Join Algebra' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('FormAlert, FormStatus, InlineError', () => {
  it('announce a failure, and only a failure, as an alert', () => {
    const { rerender } = render(<FormAlert state={{ ok: true, message: 'Joined.' }} />);
    expect(screen.queryByRole('alert')).toBeNull();
    rerender(<FormAlert state={{ ok: false, message: 'Wrong code.' }} />);
    expect(screen.getByRole('alert').textContent).toBe('Wrong code.');
    rerender(<InlineError message={null} />);
    expect(screen.queryByRole('alert')).toBeNull();
    rerender(<InlineError message="Could not save: try again." />);
    expect(screen.getByRole('alert').textContent).toBe('Could not save: try again.');
  });

  it('a settings form says whether the save worked in a live region that is always there', async () => {
    function Settings({ result }: { result: Result }) {
      const [state, action, pending] = useActionState(async () => result, null);
      return (
        <form action={action}>
          <SubmitButton pending={pending} label="Save" pendingLabel="Saving…" />
          <FormStatus state={state} />
        </form>
      );
    }
    const { unmount } = render(<Settings result={{ ok: true, message: 'Saved.' }} />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(status.textContent).toBe('Saved.'));
    expect(status.className).toContain('alert--ok');
    unmount();
    render(<Settings result={{ ok: false, message: 'Retention must be between 0.70 and 0.97.' }} />);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').className).toContain('alert--error'));
  });
});

describe('FormatRadios (import a practice set, change a set)', () => {
  it('chooses CSV or JSON by radio and shows the format error', async () => {
    function Pick() {
      const [format, setFormat] = useState<SetFileFormat>('csv');
      return (
        <FormatRadios format={format} onChange={setFormat} errors={format === 'json' ? ['Pick the format the file is in.'] : undefined} />
      );
    }
    render(<Pick />);
    expect((screen.getByRole('radio', { name: 'CSV' }) as HTMLInputElement).checked).toBe(true);
    await userEvent.click(screen.getByRole('radio', { name: 'JSON' }));
    expect((screen.getByRole('radio', { name: 'JSON' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('group', { name: 'Format' }).textContent).toContain('Pick the format the file is in.');
  });
});
