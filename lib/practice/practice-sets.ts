// Pure helpers for choosing and ordering drill scenarios. Client-safe: pure imports only.
import type { Scenario } from '@/lib/content/scenarios';
import { createRng } from '@/lib/toys/rng';

const DIFFICULTY_RANK: Record<Scenario['difficulty'], number> = { intro: 0, core: 1, advanced: 2 };

/** The deterministic drill order: easier first, then by id, so a chapter's embedded drill is the same on every build. */
export function drillOrder(scenarios: readonly Scenario[]): Scenario[] {
  return [...scenarios].sort((a, b) => DIFFICULTY_RANK[a.difficulty] - DIFFICULTY_RANK[b.difficulty] || a.id.localeCompare(b.id));
}

/** A shuffled copy (Fisher-Yates); the same seed always gives the same order. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const rand = createRng(seed).next;
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A seed from a URL parameter: digits are used as they are, anything else is hashed (FNV-1a). */
export function seedFrom(text: string): number {
  if (/^\d{1,9}$/.test(text)) return Number(text);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export interface AttemptLike {
  itemKind: 'quiz' | 'scenario';
  itemId: string;
  correct: boolean;
}

/** Scenario ids whose latest attempt was wrong, newest first (attempts given oldest first, as the guest store keeps them). */
export function missedScenarioIds(attempts: readonly AttemptLike[]): string[] {
  const latest = new Map<string, boolean>();
  for (let i = attempts.length - 1; i >= 0; i -= 1) {
    const a = attempts[i]!;
    if (a.itemKind === 'scenario' && !latest.has(a.itemId)) latest.set(a.itemId, a.correct);
  }
  return [...latest].filter(([, correct]) => !correct).map(([id]) => id);
}

/** The item id an answer is stored under: a bank scenario by its id, an imported one by set and id. */
export function drillItemId(setId: string | null, scenarioId: string): string {
  return setId ? `set:${setId}:${scenarioId}` : scenarioId;
}
