// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const importScenarioSetForm = vi.fn();
vi.mock('@/lib/actions/drill', () => ({
  importScenarioSetForm: (...a: unknown[]) => importScenarioSetForm(...a),
  deleteScenarioSetAction: vi.fn(),
}));
const refresh = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh }) }));

const { ImportForm } = await import('../../components/drill/import-form');
const { EXAMPLE_CSV, EXAMPLE_JSON } = await import('../../components/drill/import-example');
const { parseScenarioImport } = await import('../../lib/learning/scenario-import');
const { drillOrder, missedScenarioIds, seededShuffle, seedFrom } = await import('../../lib/practice/practice-sets');
const { parsePracticeParams, practiceHref } = await import('../../lib/practice/practice-params');
const { loadScenarioBank } = await import('../../lib/content/scenarios');
const { auditImportedSet } = await import('../../lib/learning/shortcut-audit');

describe('Importing a scenario set', () => {
  beforeEach(() => {
    importScenarioSetForm.mockReset();
    refresh.mockReset();
  });

  it('the downloadable examples import cleanly, as CSV and as JSON', () => {
    for (const [text, format] of [
      [EXAMPLE_CSV, 'csv'],
      [EXAMPLE_JSON, 'json'],
    ] as const) {
      const r = parseScenarioImport(text, format);
      expect(r.errors).toEqual([]);
      expect(r.scenarios.map((s) => s.id)).toEqual(['office-heating-lights']);
    }
  });

  it('audits an imported set for wording that gives the labels away, and shows it as a warning after a successful import', async () => {
    // Ten scenarios whose labels a single word decides: the audit finds the cue.
    const base = JSON.parse(EXAMPLE_JSON)[0];
    const cued = Array.from({ length: 10 }, (_, i) => {
      const gaming = i % 2 === 0;
      return {
        ...base,
        id: `cued-${i}`,
        title: `A controller in building ${i}`,
        label: gaming ? 'specification-gaming' : 'goal-misgeneralization',
        description: `${gaming ? 'The scoreboard counted tallies.' : 'The occupants noticed nothing odd.'} ${base.description}`,
        questions: gaming
          ? {
              training: { answer: 'yes', evidence: [] },
              shift: { answer: 'no', evidence: [] },
              competence: { answer: 'yes', evidence: [] },
            }
          : base.questions,
      };
    });
    const parsed = parseScenarioImport(JSON.stringify(cued), 'json');
    expect(parsed.errors).toEqual([]);
    const audit = auditImportedSet(parsed.scenarios)!;
    expect(audit.lift).toBeGreaterThan(0.15);
    expect(audit.cueWords.map((w) => w.word)).toEqual(expect.arrayContaining(['scoreboard', 'occupants']));
    expect(auditImportedSet(parsed.scenarios.slice(0, 7))).toBeUndefined();

    importScenarioSetForm.mockResolvedValue({ ok: true, data: { setId: 'set7', imported: 10, rejected: [], audit } });
    const user = userEvent.setup();
    render(<ImportForm />);
    await user.type(screen.getByLabelText('Title of the set'), 'Cued');
    await user.click(screen.getByLabelText('Paste the scenarios'));
    await user.paste(JSON.stringify(cued));
    await user.click(screen.getByRole('button', { name: 'Import set' }));
    expect(await screen.findByText(/Imported 10 scenarios/)).toBeInTheDocument();
    const warning = screen.getByTestId('import-audit');
    expect(warning).toHaveTextContent('The wording may give the answers away.');
    expect(warning).toHaveTextContent(`labels ${Math.round(audit.accuracy * 100)}% of this set correctly`);
    expect(warning).toHaveTextContent('“scoreboard” (5 scenarios, 100% specification gaming)');
  });

  it('sends the pasted text with title and format, then shows the count, a link to practise, and every rejected row', async () => {
    importScenarioSetForm.mockResolvedValue({
      ok: true,
      data: { setId: 'set42', imported: 1, rejected: [{ row: 2, field: 'label', message: 'Invalid option: expected one of …' }] },
    });
    const user = userEvent.setup();
    render(<ImportForm />);
    await user.type(screen.getByLabelText('Title of the set'), 'My set');
    await user.click(screen.getByRole('radio', { name: 'CSV' }));
    await user.click(screen.getByLabelText('Paste the scenarios'));
    await user.paste('id,title\nx,y');
    await user.click(screen.getByRole('button', { name: 'Import set' }));
    expect(await screen.findByText(/Imported 1 scenario into “My set”/)).toBeInTheDocument();
    const fd = importScenarioSetForm.mock.calls[0]![1] as FormData;
    expect([fd.get('title'), fd.get('format'), fd.get('text')]).toEqual(['My set', 'csv', 'id,title\nx,y']);
    expect(screen.getByRole('link', { name: 'Practise the new set' })).toHaveAttribute('href', '/practice?set=set42');
    const table = screen.getByRole('table', { name: 'Rows not imported' });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('2—labelInvalid option');
    expect(refresh).toHaveBeenCalled();
    // The pasted text is still there, to fix the rejected row.
    expect(screen.getByLabelText('Paste the scenarios')).toHaveValue('id,title\nx,y');
  });

  it('a file or text is required before anything is sent; a refused import keeps the form and lists the rows', async () => {
    importScenarioSetForm.mockResolvedValue({
      ok: false,
      status: 422,
      message: 'No scenario in the file is valid, so nothing was imported.',
      data: {
        setId: null,
        imported: 0,
        rejected: [{ row: 0, field: 'chapter', message: 'The CSV header is missing these columns: chapter.' }],
      },
    });
    const user = userEvent.setup();
    render(<ImportForm />);
    await user.type(screen.getByLabelText('Title of the set'), 'Broken');
    await user.click(screen.getByRole('button', { name: 'Import set' }));
    expect(screen.getByText('Choose a file or paste the scenarios.')).toBeInTheDocument();
    expect(importScenarioSetForm).not.toHaveBeenCalled();
    await user.click(screen.getByLabelText('Paste the scenarios'));
    await user.paste('nonsense');
    await user.click(screen.getByRole('button', { name: 'Import set' }));
    expect(await screen.findByText('No scenario in the file is valid, so nothing was imported.')).toBeInTheDocument();
    expect(within(screen.getByRole('table')).getByText('whole file')).toBeInTheDocument();
    expect(screen.getByLabelText('Title of the set')).toHaveValue('Broken');
    expect(refresh).not.toHaveBeenCalled();
  });
});

describe('Choosing drill sets', () => {
  it('reads /practice parameters, refusing unknown ones with a reason', () => {
    expect(parsePracticeParams({})).toEqual({ kind: 'hub' });
    expect(parsePracticeParams({ chapter: 'scheming' })).toEqual({ kind: 'bank', chapter: 'scheming', difficulty: undefined });
    expect(parsePracticeParams({ difficulty: 'intro' })).toEqual({ kind: 'bank', chapter: undefined, difficulty: 'intro' });
    expect(parsePracticeParams({ set: 'missed' })).toEqual({ kind: 'missed' });
    expect(parsePracticeParams({ set: 'all', seed: '7' })).toEqual({ kind: 'all', seed: 7 });
    expect(parsePracticeParams({ set: 'all' })).toEqual({ kind: 'all', seed: null });
    expect(parsePracticeParams({ set: 'cm1abc' })).toEqual({ kind: 'imported', setId: 'cm1abc' });
    expect(parsePracticeParams({ chapter: 'nope', difficulty: 'hard' })).toEqual({
      kind: 'invalid',
      problems: ['There is no chapter called “nope”.', '“hard” is not a difficulty; choose intro, core or advanced.'],
    });
    expect(parsePracticeParams({ set: '../etc' }).kind).toBe('invalid');
    expect(practiceHref({ kind: 'bank', chapter: 'scheming', difficulty: 'core' })).toBe('/practice?chapter=scheming&difficulty=core');
  });

  it('orders the bank easiest first and shuffles reproducibly from a seed', () => {
    const bank = loadScenarioBank().scenarios;
    const ordered = drillOrder(bank);
    expect(ordered.map((s) => s.difficulty)).toEqual(
      [...bank.map((s) => s.difficulty)].sort(
        (a, b) => ['intro', 'core', 'advanced'].indexOf(a) - ['intro', 'core', 'advanced'].indexOf(b),
      ),
    );
    const a = seededShuffle(ordered, seedFrom('12345'));
    expect(seededShuffle(ordered, 12345).map((s) => s.id)).toEqual(a.map((s) => s.id));
    expect(seededShuffle(ordered, 54321).map((s) => s.id)).not.toEqual(a.map((s) => s.id));
    expect([...a].sort((x, y) => x.id.localeCompare(y.id))).toEqual([...bank].sort((x, y) => x.id.localeCompare(y.id)));
  });

  it("a guest's missed scenarios are those whose latest try was wrong, newest first", () => {
    const attempts = [
      { itemKind: 'scenario', itemId: 'a', correct: false },
      { itemKind: 'scenario', itemId: 'b', correct: false },
      { itemKind: 'quiz', itemId: 'q', correct: false },
      { itemKind: 'scenario', itemId: 'a', correct: true },
      { itemKind: 'scenario', itemId: 'c', correct: false },
    ] as const;
    expect(missedScenarioIds(attempts)).toEqual(['c', 'b']);
  });
});
