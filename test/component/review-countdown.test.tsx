// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReviewSessionData } from '../../lib/db/review-session';

// The review page's answer path imports the server actions; nothing here answers, so they are inert.
vi.mock('@/lib/actions/review', () => ({ submitReview: vi.fn(), gradeReviewAsGuest: vi.fn() }));
vi.mock('@/lib/actions/learning', () => ({ submitQuizAnswer: vi.fn(), gradeQuizAsGuest: vi.fn() }));
vi.mock('@/lib/actions/drill', () => ({ submitDrillAnswer: vi.fn(), gradeDrillAsGuest: vi.fn() }));
vi.mock('@/components/session/session-provider', () => ({ useSession: () => ({ status: 'user', user: { id: 'u1', name: 'L' } }) }));

const { ReviewSession } = await import('../../components/review/review-session');

const START = Date.parse('2026-05-10T15:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const empty = (now: number, nextDue: number | null): ReviewSessionData => ({
  entries: [],
  dueCount: 0,
  laterToday: nextDue ? 1 : 0,
  heldBackNew: 0,
  nextDue: nextDue ? iso(nextDue) : null,
  now: iso(now),
});
const withCard = (now: number): ReviewSessionData => ({
  entries: [
    {
      cardId: 'c1',
      cardVersion: 1,
      isNew: false,
      item: {
        kind: 'quiz',
        shownItemId: 'q1',
        chapter: 'introduction',
        chapterTitle: 'Introduction',
        section: null,
        quizKind: 'single',
        prompt: 'Which one is goal misgeneralization?',
        choices: [{ text: 'A' }, { text: 'B' }],
      },
    },
  ],
  dueCount: 1,
  laterToday: 0,
  heldBackNew: 0,
  nextDue: null,
  now: iso(now),
});

// The clock the page is given: tests move it by hand, and only the timers are faked (no waiting on real time).
let t = START;
const clock = () => t;
const fetchMock = vi.fn();

async function advance(ms: number) {
  t += ms;
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

beforeEach(() => {
  t = START;
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const json = (body: unknown) => ({ ok: true, status: 200, json: async () => body });

describe('/review continues by itself when the next card comes due within minutes', () => {
  it('counts down "Next card in 3:12" and shows the card when it comes due, loading it once', async () => {
    fetchMock.mockImplementation(async () => json(withCard(t)));
    render(<ReviewSession mode="user" initial={empty(START, START + 192_000)} clock={clock} />);
    expect(screen.getByTestId('due-text')).toHaveTextContent('Nothing due now · 1 later today');
    await advance(0);
    expect(screen.getByTestId('next-card')).toHaveTextContent('Next card in 3:12');
    await advance(1000);
    expect(screen.getByRole('timer')).toHaveTextContent('3:11');
    await advance(60_000);
    expect(screen.getByRole('timer')).toHaveTextContent('2:11');
    expect(fetchMock).not.toHaveBeenCalled();
    await advance(131_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/review-queue');
    await advance(0);
    expect(screen.getByRole('heading', { name: 'Which one is goal misgeneralization?' })).toBeVisible();
    expect(screen.getByTestId('due-text')).toHaveTextContent('1 due now');
    // No reload loop: nothing more is fetched while the card waits for an answer.
    await advance(60_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('a queue that comes back with the card not yet due starts a new countdown instead of loading again and again', async () => {
    // The server's clock runs 5 s behind the browser's idea of when the card is due: it reports the card as still ahead.
    fetchMock.mockImplementationOnce(async () => json(empty(t - 5000, t + 5000))).mockImplementation(async () => json(withCard(t)));
    render(<ReviewSession mode="user" initial={empty(START, START + 30_000)} clock={clock} />);
    await advance(0);
    expect(screen.getByRole('timer')).toHaveTextContent('0:30');
    await advance(30_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await advance(0);
    expect(screen.getByRole('timer')).toHaveTextContent('0:10');
    await advance(1000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await advance(9000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await advance(0);
    expect(screen.getByTestId('review-card')).toBeVisible();
  });

  it('a card due in hours is named, not counted down, and nothing is loaded', async () => {
    render(<ReviewSession mode="user" initial={empty(START, START + 3 * 3_600_000)} clock={clock} />);
    await advance(0);
    expect(screen.getByTestId('next-card')).toHaveTextContent('Your next card is due in 3 hours');
    expect(screen.queryByRole('timer')).toBeNull();
    await advance(60_000);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
