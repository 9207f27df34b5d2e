// The CoinRun trainer's words: captions, titles and the comparison with the sweep. Pure.
import { formatPercent } from '../shared/format';
import type { CoinrunReference, ReferenceAgent } from './coinrun-reference';
import { outcomeWords, type Scene } from './coinrun-scene';
import type { Playback } from './use-playback';

/** The agent the trainer has loaded: the sweep's, or one the learner trained. */
export interface Agent extends ReferenceAgent {
  source: 'sweep' | 'you';
  /** How many test levels its rates are over. */
  testLevels: number;
}

export function countOutcomes(scenes: readonly Scene[]) {
  const tally = { coin: 0, end: 0, timeout: 0 };
  for (const s of scenes) tally[s.outcome] += 1;
  return tally;
}

export function finishedMessage(scenes: readonly Scene[]): string {
  const t = countOutcomes(scenes);
  return `Finished ${scenes.length} test levels: coin ${t.coin}, end ${t.end}, other ${t.timeout}.`;
}

export function positionWords(p: { x: number; y: number } | undefined): string {
  return p ? `column ${p.x + 1}, row ${p.y + 1}` : 'the start';
}

export function gridTitle(agent: Agent, playback: Playback | null, isIdle: boolean): string {
  const who = agent.source === 'sweep' ? 'The sweep’s agent' : 'Your agent';
  if (!playback)
    return isIdle && agent.source === 'sweep' ? `${who} on a test level with the coin moved` : `${who}, waiting on test level 1`;
  return `${who} on test level ${playback.index + 1} of ${playback.scenes.length}`;
}

export function frameCaption(scene: Scene, frame: number, playback: Playback | null, agent: Agent): string {
  if (!playback) {
    if (agent.source === 'sweep') {
      return `A test level with the coin moved. The sweep’s agent (coin never moved in training) ${outcomeWords(scene.outcome)} in ${scene.steps} steps.`;
    }
    return 'Your agent is trained. Press “Run on test levels” to watch it.';
  }
  const head = `Test level ${playback.index + 1} of ${playback.scenes.length}`;
  if (frame < scene.path.length - 1) return `${head}: step ${frame} of ${scene.steps}.`;
  return `${head}: the agent ${outcomeWords(scene.outcome)} (${scene.steps} steps).`;
}

export function sweepComparison(reference: CoinrunReference, agent: Agent): string {
  const row = reference.rows.find((r) => r.diversity === agent.diversity);
  if (!row) return '';
  if (agent.source === 'sweep') {
    return (
      `This is seed ${agent.seed} of the sweep, the agent in the picture. Across all ${reference.seeds.length} sweep seeds at ` +
      `${formatPercent(agent.diversity)}: coin ${formatPercent(row.coinRate)}, end ${formatPercent(row.endRate)}.`
    );
  }
  const same = row.perSeed.find((r) => r.seed === agent.seed);
  if (same && agent.episodes === reference.episodes) {
    return (
      `The sweep trained this exact setting (seed ${agent.seed}): coin ${formatPercent(same.coinRate)}, end ${formatPercent(same.endRate)}. ` +
      'Training is seeded, so your numbers should match.'
    );
  }
  return (
    `The sweep's mean over ${reference.seeds.length} seeds at ${formatPercent(agent.diversity)}: coin ${formatPercent(row.coinRate)}, ` +
    `end ${formatPercent(row.endRate)}. One seed can land far from the mean, especially near 5%.`
  );
}
