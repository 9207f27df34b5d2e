// Everything the two pictures need from one trained model, computed the same way on the server (for the
// static picture) and in the worker (for a learner's run).
import {
  accuracy,
  decisionGrid,
  type Accuracies,
  type EpochStats,
  type Mlp,
  type Point,
  type ResolvedSimplicityConfig,
  type SimplicityData,
} from '@/lib/toys/simplicity';

const GRID_RESOLUTION = 41;
const SAMPLE_SIZE = 160;

export interface PlaneScene {
  /** A sample of the training points, with their labels (1 = class A, 0 = class B). */
  points: Point[];
  labels: number[];
  slabs: number;
  /** decisionGrid(model, resolution): class-A probabilities, row-major, shape rising with the row. */
  grid: number[];
  resolution: number;
}

export interface SimplicityOutcome {
  config: Pick<ResolvedSimplicityConfig, 'seed' | 'disagreement' | 'hidden' | 'epochs'>;
  history: EpochStats[];
  final: Accuracies;
  trainAccuracy: number;
  /** Accuracy on the points of the position-randomized set where position points at the other class: the
   *  share of real conflicts the network settled by shape. */
  conflictAccuracy: number;
  conflictCount: number;
  plane: PlaneScene;
}

/** Rounded for the wire: the outcome travels in the page's HTML (as the trainer's props) and in worker
 *  messages, and three or four decimals are finer than any picture or readout shows. */
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function buildOutcome(
  config: ResolvedSimplicityConfig,
  data: SimplicityData,
  model: Mlp,
  history: EpochStats[],
  final: Accuracies,
): SimplicityOutcome {
  const conflicts = { x: [] as Point[], y: [] as number[] };
  data.simpleRandomized.x.forEach((point, i) => {
    const label = data.simpleRandomized.y[i] as number;
    if ((point[0] > 0 ? 1 : 0) !== label) {
      conflicts.x.push(point);
      conflicts.y.push(label);
    }
  });
  return {
    config: { seed: config.seed, disagreement: config.disagreement, hidden: config.hidden, epochs: config.epochs },
    history: history.map((h) => ({
      epoch: h.epoch,
      trainLoss: round(h.trainLoss, 4),
      trainAccuracy: round(h.trainAccuracy, 4),
      test: {
        iid: round(h.test.iid, 4),
        simpleRandomized: round(h.test.simpleRandomized, 4),
        hardRandomized: round(h.test.hardRandomized, 4),
      },
    })),
    final,
    trainAccuracy: history[history.length - 1]?.trainAccuracy ?? 0,
    conflictAccuracy: accuracy(model, conflicts),
    conflictCount: conflicts.x.length,
    plane: {
      points: data.train.x.slice(0, SAMPLE_SIZE).map((p) => [round(p[0], 3), round(p[1], 3)] as Point),
      labels: data.train.y.slice(0, SAMPLE_SIZE),
      slabs: config.slabs,
      grid: decisionGrid(model, GRID_RESOLUTION).map((p) => round(p, 3)),
      resolution: GRID_RESOLUTION,
    },
  };
}
