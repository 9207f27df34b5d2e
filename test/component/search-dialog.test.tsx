// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchIndex } from '../../lib/content/search-index';

const push = vi.hoisted(() => vi.fn());
vi.mock('next/navigation', () => ({ useRouter: () => ({ push }) }));

const { SearchDialog } = await import('../../components/search/search-dialog');

const INDEX: SearchIndex = {
  version: 1,
  docs: [
    {
      kind: 'section',
      url: '/chapters/learning-dynamics#why-a-simpler-proxy-goal-tends-to-win',
      title: 'Why a simpler proxy goal tends to win',
      context: 'Learning dynamics',
      text: 'Some proxy and the intended goal coincide on the training data.',
    },
    {
      kind: 'glossary',
      url: '/glossary#proxy-goal',
      title: 'Proxy goal',
      context: 'Glossary',
      aliases: ['proxy'],
      text: 'A goal a system learns in place of the intended one.',
    },
    {
      kind: 'section',
      url: '/chapters/introduction#coinrun',
      title: 'An agent that runs past the coin',
      context: 'Introduction',
      text: 'CoinRun is a platform game.',
    },
  ],
};

// jsdom has <dialog> but not its modal behaviour; enough of it for the component: open, close, the close event.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});

const ok = () => ({ ok: true, status: 200, json: async () => INDEX }) as Response;
let fetchMock: ReturnType<typeof vi.fn>;

beforeEach(() => {
  push.mockReset();
  fetchMock = vi.fn(async () => ok());
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const dialog = () => document.querySelector('dialog')!;
const input = () => screen.getByRole('combobox', { name: /search chapters and glossary/i });

describe('SearchDialog', () => {
  it('opens with /, loads the index once, shows matching results and navigates with ArrowDown + Enter', async () => {
    const user = userEvent.setup();
    render(<SearchDialog />);
    const button = screen.getByRole('button', { name: 'Search' });
    expect(dialog().open).toBe(false);
    expect(fetchMock).not.toHaveBeenCalled();

    await user.keyboard('/');
    expect(dialog().open).toBe(true);
    expect(document.activeElement).toBe(input());
    expect(fetchMock).toHaveBeenCalledWith('/search-index.json');

    await user.type(input(), 'proxy');
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => within(o).getByRole('link').getAttribute('href'))).toEqual([
      '/glossary#proxy-goal',
      '/chapters/learning-dynamics#why-a-simpler-proxy-goal-tends-to-win',
    ]);
    expect(screen.getByRole('status').textContent).toBe('2 results.');
    expect(options[0]!.querySelector('mark')?.textContent).toBe('Proxy');
    expect(within(options[1]!).getByText('Learning dynamics')).toBeTruthy();
    expect(within(options[0]!).getByText('Glossary')).toBeTruthy();
    expect(input().getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    expect(input().getAttribute('aria-controls')).toBe(screen.getByRole('listbox').id);

    await user.keyboard('{ArrowDown}');
    expect(input().getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    expect(options[1]!.getAttribute('aria-selected')).toBe('true');
    expect(options[0]!.getAttribute('aria-selected')).toBe('false');

    await user.keyboard('{Enter}');
    expect(push).toHaveBeenCalledWith('/chapters/learning-dynamics#why-a-simpler-proxy-goal-tends-to-win');
    expect(dialog().open).toBe(false);
    expect(document.activeElement).toBe(button);

    // Reopening reuses the loaded index.
    await user.keyboard('{Control>}k{/Control}');
    expect(dialog().open).toBe(true);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('closes on Escape and returns focus to the button', async () => {
    const user = userEvent.setup();
    render(<SearchDialog />);
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(dialog().open).toBe(true);
    await user.keyboard('{Escape}');
    expect(dialog().open).toBe(false);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Search' }));
  });

  it('does not open on / typed into another field, but does on Ctrl-K there', async () => {
    const user = userEvent.setup();
    render(
      <>
        <label>
          Notes <input />
        </label>
        <SearchDialog />
      </>,
    );
    await user.type(screen.getByLabelText('Notes'), 'a/b');
    expect(dialog().open).toBe(false);
    expect((screen.getByLabelText('Notes') as HTMLInputElement).value).toBe('a/b');
    await user.keyboard('{Control>}k{/Control}');
    expect(dialog().open).toBe(true);
  });

  it('says when nothing matches, with a hint', async () => {
    const user = userEvent.setup();
    render(<SearchDialog />);
    await user.keyboard('/');
    await user.type(input(), 'xyzzy');
    expect(await screen.findByText('No results for “xyzzy”.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('No results for “xyzzy”.');
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(input().hasAttribute('aria-activedescendant')).toBe(false);
    expect(screen.getByText(/try fewer, shorter words/)).toBeTruthy();
  });

  it('shows loading, then an error with a retry that works', async () => {
    let fail!: () => void;
    fetchMock.mockImplementationOnce(() => new Promise((_, reject) => (fail = () => reject(new TypeError('offline')))));
    const user = userEvent.setup();
    render(<SearchDialog />);
    await user.keyboard('/');
    expect(screen.getByRole('status').textContent).toMatch(/loading/i);
    fail();
    expect(await screen.findByText('The search index could not be loaded.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await user.type(input(), 'coin');
    const options = await screen.findAllByRole('option');
    expect(within(options[0]!).getByRole('link').getAttribute('href')).toBe('/chapters/introduction#coinrun');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('treats a failed HTTP response as an error', async () => {
    fetchMock.mockResolvedValueOnce({ ok: false, status: 404, json: async () => ({}) } as Response);
    const user = userEvent.setup();
    render(<SearchDialog />);
    await user.keyboard('/');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('The search index could not be loaded.'));
  });

  it('navigates on click, but leaves modified clicks (new tab) to the browser', async () => {
    const user = userEvent.setup();
    render(<SearchDialog />);
    await user.keyboard('/');
    await user.type(input(), 'coinrun');
    const link = within((await screen.findAllByRole('option'))[0]!).getByRole('link');
    // A Ctrl-click is the reader asking for a new tab: no client navigation, and the search stays open.
    link.addEventListener('click', (e) => e.preventDefault()); // jsdom cannot open tabs
    await user.keyboard('{Control>}');
    await user.click(link);
    await user.keyboard('{/Control}');
    expect(push).not.toHaveBeenCalled();
    expect(dialog().open).toBe(true);

    await user.click(link);
    expect(push).toHaveBeenCalledWith('/chapters/introduction#coinrun');
    expect(dialog().open).toBe(false);
  });
});
