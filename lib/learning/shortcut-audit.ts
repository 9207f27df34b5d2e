// The shortcut audit: could a learner pass the drill on wording alone? A leave-one-out multinomial naive Bayes
// classifier reads only what a learner sees before answering (title + description) and predicts the label. If it
// beats always guessing the most common label by much, or if a single word sorts the cases, the bank teaches a cue
// instead of the concept. Pure: no I/O.

export interface AuditItem {
  id: string;
  label: string;
  text: string;
  /** Items of one group (a contrast family) are held out together, so siblings cannot vouch for each other. */
  group?: string;
}

interface CueWord {
  word: string;
  /** Number of items whose text contains the word. */
  items: number;
  label: string;
  /** Share of those items that carry `label`. */
  share: number;
  /** Listed as legitimate evidence (not a cue). */
  allowed: boolean;
}

export interface AuditResult {
  items: number;
  labels: Record<string, number>;
  accuracy: number;
  majorityLabel: string;
  majorityBaseline: number;
  lift: number;
  /** The 20 words most tied to one label (in at least MIN_TOP_ITEMS items). */
  topWords: CueWord[];
  /** Words in at least CUE_MIN_ITEMS items with one label CUE_MIN_SHARE of the time or more, not allowed. */
  cueWords: CueWord[];
  misclassified: { id: string; label: string; predicted: string }[];
}

export const MAX_LIFT = 0.15;
export const CUE_MIN_ITEMS = 5;
const CUE_MIN_SHARE = 0.9;
const MIN_TOP_ITEMS = 3;
const ALPHA = 1;

// Function words carry no evidence either way; dropping them keeps the top-word list readable.
const STOP = new Set(
  `the a an and or but of to in on at by for with from as is was were be been being are it its this that these those
  into than then so if when while after before during over under up down out about each every any all some no not
  has have had do does did can could would should will may might must their there they them he she his her we our you
  your who whom which what where how also only more most other same such own both very just one two three`.split(/\s+/),
);

export function tokens(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z'-]*[a-z]|[a-z]/g) ?? [])
    .map((w) => w.replace(/'s$/, ''))
    .filter((w) => w.length >= 3 && !STOP.has(w));
}

/** Leave-one-out naive Bayes over the items' texts: each word counted once per item, Laplace smoothing. */
export function shortcutAudit(
  items: AuditItem[],
  allowed: ReadonlySet<string> = new Set(),
  opts: { alpha?: number; binary?: boolean } = {},
): AuditResult {
  const alpha = opts.alpha ?? ALPHA;
  const binary = opts.binary ?? true;
  const labels = [...new Set(items.map((i) => i.label))].sort();
  const docs = items.map((i) => {
    const counts = new Map<string, number>();
    for (const w of tokens(i.text)) counts.set(w, binary ? 1 : (counts.get(w) ?? 0) + 1);
    return { ...i, counts, total: [...counts.values()].reduce((a, b) => a + b, 0) };
  });
  const vocab = new Set(docs.flatMap((d) => [...d.counts.keys()]));
  const V = vocab.size || 1;
  // Per-label totals over all items; each left-out item subtracts its own counts.
  const wordCounts = new Map(labels.map((l) => [l, new Map<string, number>()]));
  const totals = new Map(labels.map((l) => [l, 0]));
  const docCounts = new Map(labels.map((l) => [l, 0]));
  for (const d of docs) {
    const wc = wordCounts.get(d.label)!;
    for (const [w, c] of d.counts) wc.set(w, (wc.get(w) ?? 0) + c);
    totals.set(d.label, totals.get(d.label)! + d.total);
    docCounts.set(d.label, docCounts.get(d.label)! + 1);
  }
  const misclassified: AuditResult['misclassified'] = [];
  let right = 0;
  const groupOf = (d: (typeof docs)[number]) => d.group ?? `\u0000${d.id}`;
  const groups = new Map<string, typeof docs>();
  for (const d of docs) groups.set(groupOf(d), [...(groups.get(groupOf(d)) ?? []), d]);
  for (const d of docs) {
    // Hold out the item's whole group: subtract its members' counts from the per-label totals.
    const held = groups.get(groupOf(d))!;
    let best = '';
    let bestScore = -Infinity;
    for (const l of labels) {
      const mine = held.filter((h) => h.label === l);
      const n = docCounts.get(l)! - mine.length;
      if (n <= 0) continue;
      const total = totals.get(l)! - mine.reduce((a, h) => a + h.total, 0);
      const wc = wordCounts.get(l)!;
      let score = Math.log(n / (docs.length - held.length));
      for (const [w, c] of d.counts) {
        const k = (wc.get(w) ?? 0) - mine.reduce((a, h) => a + (h.counts.get(w) ?? 0), 0);
        score += c * Math.log((k + alpha) / (total + alpha * V));
      }
      if (score > bestScore || (score === bestScore && l < best)) {
        bestScore = score;
        best = l;
      }
    }
    if (best === d.label) right++;
    else misclassified.push({ id: d.id, label: d.label, predicted: best });
  }

  const byLabel = Object.fromEntries(labels.map((l) => [l, docCounts.get(l)!]));
  const [majorityLabel, majorityCount] = labels.reduce<[string, number]>(
    (m, l) => (docCounts.get(l)! > m[1] ? [l, docCounts.get(l)!] : m),
    ['', 0],
  );
  const n = docs.length || 1;
  const accuracy = right / n;
  const majorityBaseline = majorityCount / n;

  // Which label each word sorts into: share of the items containing it.
  const words = new Map<string, Map<string, number>>();
  for (const d of docs)
    for (const w of d.counts.keys()) {
      const m = words.get(w) ?? new Map<string, number>();
      m.set(d.label, (m.get(d.label) ?? 0) + 1);
      words.set(w, m);
    }
  const tied: CueWord[] = [...words].map(([word, m]) => {
    const itemsWith = [...m.values()].reduce((a, b) => a + b, 0);
    const [label, top] = [...m].reduce<[string, number]>((a, b) => (b[1] > a[1] ? b : a), ['', 0]);
    return { word, items: itemsWith, label, share: round(top / itemsWith), allowed: allowed.has(word) };
  });
  const topWords = tied
    .filter((w) => w.items >= MIN_TOP_ITEMS)
    .sort((a, b) => b.share - a.share || b.items - a.items || a.word.localeCompare(b.word))
    .slice(0, 20);
  const cueWords = tied
    .filter((w) => w.items >= CUE_MIN_ITEMS && w.share >= CUE_MIN_SHARE && !w.allowed)
    .sort((a, b) => b.items - a.items || a.word.localeCompare(b.word));

  return {
    items: docs.length,
    labels: byLabel,
    accuracy: round(accuracy),
    majorityLabel,
    majorityBaseline: round(majorityBaseline),
    lift: round(accuracy - majorityBaseline),
    topWords,
    cueWords,
    misclassified,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The words AUTHORING.md lists as legitimate evidence: backticked words in bullets under "Words allowed as evidence". */
export function allowedWordsFrom(markdown: string): Set<string> {
  const section = /#+\s*Words allowed as evidence[^\n]*\n([\s\S]*?)(?=\n#+\s|$)/i.exec(markdown)?.[1] ?? '';
  return new Set([...section.matchAll(/^\s*[-*]\s*`([a-z'-]+)`/gim)].map((m) => m[1]!.toLowerCase()));
}

/** The audit of an imported set, as the instructor sees it after the import: a warning, never a refusal. */
export interface ImportAudit {
  accuracy: number;
  majorityBaseline: number;
  lift: number;
  cueWords: { word: string; label: string; items: number; share: number }[];
}

/** Too few scenarios say nothing about wording; below this an imported set is not audited. */
const IMPORT_AUDIT_MIN = 8;

/** Audits an imported set with each family held out (each scenario alone when it names none). */
export function auditImportedSet(
  scenarios: readonly { id: string; label: string; title: string; description: string; family?: string }[],
): ImportAudit | undefined {
  if (scenarios.length < IMPORT_AUDIT_MIN) return undefined;
  const r = shortcutAudit(scenarios.map((s) => ({ id: s.id, label: s.label, text: `${s.title}. ${s.description}`, group: s.family })));
  return {
    accuracy: r.accuracy,
    majorityBaseline: r.majorityBaseline,
    lift: r.lift,
    cueWords: r.cueWords.map(({ word, label, items, share }) => ({ word, label, items, share })),
  };
}
