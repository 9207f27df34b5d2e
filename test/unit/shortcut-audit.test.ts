import { describe, expect, it } from 'vitest';
import { CUE_MIN_ITEMS, MAX_LIFT, allowedWordsFrom, shortcutAudit, tokens, type AuditItem } from '../../lib/learning/shortcut-audit';

const LABELS = ['specification-gaming', 'goal-misgeneralization', 'capability-failure'] as const;
const CUE: Record<(typeof LABELS)[number], string> = {
  'specification-gaming': 'scoreboard',
  'goal-misgeneralization': 'lookalike',
  'capability-failure': 'clumsy',
};
const FILLER = [
  'robot',
  'warehouse',
  'camera',
  'planner',
  'operator',
  'schedule',
  'battery',
  'sensor',
  'route',
  'shelf',
  'parcel',
  'engineer',
];

/** Six cases per label; every case shares the same kind of filler, and one word per label gives the label away. */
function giveawaySet(): AuditItem[] {
  return LABELS.flatMap((label, li) =>
    Array.from({ length: 6 }, (_, i) => {
      const a = FILLER[(i + li) % FILLER.length]!;
      const b = FILLER[(i * 5 + li * 3 + 1) % FILLER.length]!;
      return { id: `${label}-${i}`, label, text: `The ${a} and the ${b} were checked; the ${CUE[label]} detail decided it.` };
    }),
  );
}

/** Contrast families: three siblings (one per label) tell the same setting in the same words. */
const SETTINGS = [
  'harbor crane dock cargo tide',
  'orchard ladder apple basket picker',
  'kitchen oven recipe flour timer',
  'forklift pallet aisle loading bay',
  'glacier survey ice melt probe',
  'violin bow tuning concert stage',
];

function familySet(withCues: boolean): AuditItem[] {
  return SETTINGS.flatMap((setting, f) =>
    LABELS.map((label) => ({ id: `f${f}-${label}`, label, group: `family-${f}`, text: withCues ? `${setting} ${CUE[label]}` : setting })),
  );
}

describe('shortcut audit', () => {
  it('a set whose labels a single word gives away: high lift, and the word is named as a cue', () => {
    const r = shortcutAudit(giveawaySet());
    expect(r.items).toBe(18);
    expect(r.labels).toEqual({ 'capability-failure': 6, 'goal-misgeneralization': 6, 'specification-gaming': 6 });
    expect(r.majorityBaseline).toBeCloseTo(1 / 3, 3);
    expect(r.accuracy).toBe(1);
    expect(r.lift).toBeGreaterThan(MAX_LIFT);
    expect(r.misclassified).toEqual([]);
    const cues = Object.fromEntries(r.cueWords.map((w) => [w.word, w]));
    expect(Object.keys(cues).sort()).toEqual(['clumsy', 'lookalike', 'scoreboard']);
    expect(cues.scoreboard).toEqual({ word: 'scoreboard', items: 6, label: 'specification-gaming', share: 1, allowed: false });
    // Shared filler sorts nothing, so it is no cue (though it appears in many cases).
    expect(r.cueWords.some((w) => FILLER.includes(w.word))).toBe(false);
  });

  it('words listed as legitimate evidence are shown but not flagged as cues', () => {
    const r = shortcutAudit(giveawaySet(), new Set(['scoreboard', 'lookalike']));
    expect(r.cueWords.map((w) => w.word)).toEqual(['clumsy']);
    expect(r.topWords.find((w) => w.word === 'scoreboard')).toMatchObject({ share: 1, allowed: true });
    // Allowing a word does not hide what the wording alone achieves.
    expect(r.lift).toBeGreaterThan(MAX_LIFT);
  });

  it('a word needs enough cases to count as a cue', () => {
    const few = giveawaySet().filter((it) => it.label !== 'capability-failure' || Number(it.id.slice(-1)) < CUE_MIN_ITEMS - 1);
    expect(shortcutAudit(few).cueWords.map((w) => w.word)).not.toContain('clumsy');
  });

  it('a set whose labels share all their words gives the wording no lift', () => {
    const r = shortcutAudit(familySet(false));
    expect(r.lift).toBeLessThanOrEqual(0);
    expect(r.cueWords).toEqual([]);
    expect(r.topWords.every((w) => w.share < 0.5)).toBe(true);
  });

  it('leave-group-out holds a family out together, and finds a cue that leave-one-out hides', () => {
    const items = familySet(true);
    const loo = shortcutAudit(items.map(({ group: _g, ...rest }) => rest));
    const lgo = shortcutAudit(items);
    // One by one, a case's siblings (other labels, same setting words) outvote the cue word.
    expect(loo.lift).toBeLessThanOrEqual(0);
    expect(loo.misclassified).toHaveLength(18);
    // With the family held out, the setting words are unknown and only the cue word is left to decide.
    expect(lgo.accuracy).toBe(1);
    expect(lgo.lift).toBeGreaterThan(MAX_LIFT);
    expect(lgo.misclassified).toEqual([]);
    // The cue words themselves are the same either way: the word statistics do not depend on the hold-out.
    expect(lgo.cueWords.map((w) => w.word).sort()).toEqual(['clumsy', 'lookalike', 'scoreboard']);
    expect(loo.cueWords).toEqual(lgo.cueWords);
  });

  it('reads words the way a learner does: case, possessives and function words', () => {
    expect(tokens("The Robot's arm and an AI-driven camera, then it stopped.")).toEqual(['robot', 'arm', 'ai-driven', 'camera', 'stopped']);
  });
});

describe('words allowed as evidence', () => {
  it('reads the backticked words in the bullets of that section only', () => {
    const md = [
      '# Authoring scenarios',
      '',
      '- `proxy`: never in a description',
      '',
      '## Words allowed as evidence (they describe the story, not the label)',
      '',
      'These may sort cases because they are the facts that decide them.',
      '',
      '- `reward`: what the training paid for',
      '* `Rewarded`',
      '- `off-route` and more',
      '- not backticked',
      '',
      '## Giveaway words',
      '',
      '- `loophole`',
    ].join('\n');
    expect([...allowedWordsFrom(md)].sort()).toEqual(['off-route', 'reward', 'rewarded']);
  });

  it('no such section: nothing is allowed', () => {
    expect(allowedWordsFrom('# Authoring\n\n- `reward`\n').size).toBe(0);
    expect(allowedWordsFrom('')).toEqual(new Set());
  });

  it('the section may be the last in the file', () => {
    expect([...allowedWordsFrom('# A\n\n### Words allowed as evidence\n- `sign`\n- `shift`')]).toEqual(['sign', 'shift']);
  });
});
