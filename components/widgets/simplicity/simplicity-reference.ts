import 'server-only';
import sweep from '@/content/data/toys-sweep.json';
import { makeSimplicityData, resolveSimplicityConfig, train } from '@/lib/toys/simplicity';
import { buildOutcome, type SimplicityOutcome } from './simplicity-scene';

// The static picture is a real model: the sweep's first seed at disagreement 0, with the sweep's settings,
// trained once per server process (about a tenth of a second) and drawn as plain SVG.

interface SimplicityReferenceRow {
  disagreement: number;
  iid: number;
  simpleRandomized: number;
  hardRandomized: number;
}

export interface SimplicityReference {
  outcome: SimplicityOutcome;
  rows: SimplicityReferenceRow[];
  seeds: number[];
  disagreements: number[];
  epochs: number;
  hidden: number;
  testSize: number;
}

let cached: SimplicityReference | null = null;

export function getSimplicityReference(): SimplicityReference {
  if (cached) return cached;
  const { seeds, disagreements, results, config } = sweep.simplicity;
  const seed = seeds[0] ?? 1;
  const resolved = resolveSimplicityConfig({ ...config, activation: 'relu', seed, disagreement: 0 });
  const result = train(resolved);
  const outcome = buildOutcome(resolved, makeSimplicityData(resolved), result.model, result.history, result.final);
  cached = {
    outcome,
    rows: results.map((r) => ({ disagreement: r.disagreement, ...r.mean })),
    seeds,
    disagreements,
    epochs: config.epochs,
    hidden: config.hidden,
    testSize: config.testSize,
  };
  return cached;
}
