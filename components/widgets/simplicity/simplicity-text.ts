import { formatCount, formatPercent } from '../shared/format';
import type { SimplicityOutcome } from './simplicity-scene';

/** Which feature the numbers say the network uses, in one sentence. */
export function readingOf(final: SimplicityOutcome['final']): string {
  if (final.simpleRandomized < 0.6 && final.hardRandomized > 0.9) {
    return 'It relies on position alone: randomize position and it falls to chance, randomize shape and it barely notices.';
  }
  if (final.simpleRandomized > 0.9 && final.hardRandomized < 0.6) {
    return 'It relies on shape: randomize shape and it falls to chance, randomize position and it barely notices.';
  }
  return 'It uses both features in part: randomizing either one costs accuracy, and neither takes it all the way to chance.';
}

/** The final numbers of a run, in words. */
export function summarize(outcome: SimplicityOutcome): string {
  const { config, final, trainAccuracy, conflictAccuracy, conflictCount } = outcome;
  return (
    `After ${config.epochs} epochs (${config.hidden} hidden units, seed ${config.seed}, position disagreeing with the label on ` +
    `${formatPercent(config.disagreement)} of training points): training accuracy ${formatPercent(trainAccuracy)}. ` +
    `Test accuracy: iid ${formatPercent(final.iid)}, shape randomized ${formatPercent(final.hardRandomized)}, ` +
    `position randomized ${formatPercent(final.simpleRandomized)} (chance is 50%). ` +
    `On the ${formatCount(conflictCount)} position-randomized points where position points at the other class, it sided with ` +
    `shape on ${formatPercent(conflictAccuracy)}.`
  );
}
