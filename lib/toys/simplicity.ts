// A simplicity-bias learner after Shah et al. 2020 ("The Pitfalls of Simplicity Bias", their LMS data)
// and the stars-and-moons toy of Geirhos et al. 2020.
//
// Each point has two coordinates. `position` (x[0]) is the simple feature: its sign is the label, with a
// margin, so one straight line separates the classes. `shape` (x[1]) is the hard feature: the label
// alternates across k slabs, so it also predicts the label perfectly but needs a more complex boundary.
// A small MLP trained on data where both agree can reach zero training error with either; the point of
// the toy is that it reliably picks position, which the three test sets expose:
//   iid               drawn like the training set;
//   simple-randomized position drawn independently of the label, shape intact (accuracy near 50% means
//                     the model ignores shape);
//   hard-randomized   shape drawn independently of the label, position intact.
// `disagreement` flips position in that fraction of training points, so that only shape explains them.

import { assertPositiveInteger, withDefaults } from './config';
import { createRng, deriveSeed, type Rng } from './rng';

export type Point = readonly [number, number];

export interface Dataset {
  /** Inputs in [-1, 1]^2: [position, shape]. */
  readonly x: readonly Point[];
  /** Labels, 0 or 1. */
  readonly y: readonly number[];
}

/** 'train' and 'iid' flip position on a `disagreement` fraction of points; the randomized sets replace
 *  one feature with a value drawn independently of the label. */
export type DatasetKind = 'train' | 'iid' | 'simple-randomized' | 'hard-randomized';

export interface DataOptions {
  n: number;
  /** Fraction of points whose position points at the wrong class (train and iid only), 0..0.5. */
  disagreement: number;
  /** Number of alternating slabs along the shape axis. */
  slabs: number;
  /** Gap between the classes along position, and inside each slab's edges along shape. */
  margin: number;
}

const DEFAULT_DATA: Omit<DataOptions, 'n' | 'disagreement'> = { slabs: 5, margin: 0.1 };

/** The label of a shape value: slabs alternate 1, 0, 1, ... from the bottom. */
export function shapeLabel(shape: number, slabs: number): number {
  const index = Math.min(slabs - 1, Math.max(0, Math.floor(((shape + 1) / 2) * slabs)));
  return index % 2 === 0 ? 1 : 0;
}

function samplePosition(rng: Rng, label: number, margin: number): number {
  const sign = label === 1 ? 1 : -1;
  return sign * rng.float(margin, 1);
}

function sampleShape(rng: Rng, label: number, slabs: number, margin: number): number {
  const own: number[] = [];
  for (let j = 0; j < slabs; j += 1) if ((j % 2 === 0 ? 1 : 0) === label) own.push(j);
  const slab = rng.pick(own);
  const width = 2 / slabs;
  // The margin is a fraction of the slab, so neighbouring slabs of different classes never touch.
  const inset = (margin / 2) * width;
  return -1 + slab * width + rng.float(inset, width - inset);
}

export function makeDataset(rng: Rng, kind: DatasetKind, options: DataOptions): Dataset {
  const { n, disagreement, slabs, margin } = options;
  if (!(disagreement >= 0 && disagreement <= 0.5)) throw new RangeError('disagreement must be in [0, 0.5]');
  if (!Number.isInteger(slabs) || slabs < 2) throw new RangeError('slabs must be an integer >= 2');
  const x: Point[] = [];
  const y: number[] = [];
  // An exact count of disagreeing points rather than a coin flip each, so small sets match the setting.
  const flipped = new Set(rng.shuffle(Array.from({ length: n }, (_, i) => i)).slice(0, Math.round(disagreement * n)));
  for (let i = 0; i < n; i += 1) {
    const label = rng.bool() ? 1 : 0;
    let position: number;
    let shape: number;
    if (kind === 'simple-randomized') {
      position = samplePosition(rng, rng.bool() ? 1 : 0, margin);
      shape = sampleShape(rng, label, slabs, margin);
    } else if (kind === 'hard-randomized') {
      position = samplePosition(rng, label, margin);
      shape = sampleShape(rng, rng.bool() ? 1 : 0, slabs, margin);
    } else {
      position = samplePosition(rng, flipped.has(i) ? 1 - label : label, margin);
      shape = sampleShape(rng, label, slabs, margin);
    }
    x.push([position, shape]);
    y.push(label);
  }
  return { x, y };
}

// ---------------------------------------------------------------------------------------------------
// The model: 2 -> hidden -> 1, logistic output.

export type Activation = 'relu' | 'tanh';

/** Plain arrays, so a model crosses postMessage and can be stored as JSON. */
export interface Mlp {
  readonly hidden: number;
  readonly activation: Activation;
  /** hidden x 2, row-major: w1[h * 2 + i]. */
  readonly w1: readonly number[];
  readonly b1: readonly number[];
  readonly w2: readonly number[];
  readonly b2: number;
}

export function initMlp(rng: Rng, hidden: number, activation: Activation): Mlp {
  assertPositiveInteger(hidden, 'hidden');
  // He initialisation for ReLU, Glorot for tanh: the usual defaults, so the bias the toy shows is the
  // network's, not the product of an odd starting point.
  const scale1 = activation === 'relu' ? Math.sqrt(2 / 2) : Math.sqrt(1 / 2);
  const scale2 = activation === 'relu' ? Math.sqrt(2 / hidden) : Math.sqrt(1 / hidden);
  return {
    hidden,
    activation,
    w1: Array.from({ length: hidden * 2 }, () => rng.normal(0, scale1)),
    b1: new Array<number>(hidden).fill(0),
    w2: Array.from({ length: hidden }, () => rng.normal(0, scale2)),
    b2: 0,
  };
}

/** The model's probability that a point is class 1. */
export function predict(model: Mlp, point: Point): number {
  const relu = model.activation === 'relu';
  let z = model.b2;
  for (let h = 0; h < model.hidden; h += 1) {
    const pre = (model.w1[h * 2] as number) * point[0] + (model.w1[h * 2 + 1] as number) * point[1] + (model.b1[h] as number);
    const act = relu ? Math.max(0, pre) : Math.tanh(pre);
    z += (model.w2[h] as number) * act;
  }
  return sigmoid(z);
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function accuracy(model: Mlp, data: Dataset): number {
  if (data.x.length === 0) return 0;
  let correct = 0;
  data.x.forEach((point, i) => {
    if ((predict(model, point) >= 0.5 ? 1 : 0) === data.y[i]) correct += 1;
  });
  return correct / data.x.length;
}

/** Class-1 probabilities on a resolution x resolution grid over [-1, 1]^2, row-major with shape (the
 *  second coordinate) rising with the row index: for drawing the decision boundary. */
export function decisionGrid(model: Mlp, resolution: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < resolution; r += 1) {
    const shape = resolution === 1 ? 0 : -1 + (2 * r) / (resolution - 1);
    for (let c = 0; c < resolution; c += 1) {
      const position = resolution === 1 ? 0 : -1 + (2 * c) / (resolution - 1);
      out.push(predict(model, [position, shape]));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Training

export interface SimplicityConfig {
  seed: number;
  /** Fraction of training points whose position is flipped, so only shape predicts them; 0..0.5. */
  disagreement?: number;
  hidden?: number;
  activation?: Activation;
  epochs?: number;
  trainSize?: number;
  /** Points in each of the three test sets. */
  testSize?: number;
  batchSize?: number;
  /** Adam step size. */
  learningRate?: number;
  slabs?: number;
  margin?: number;
}

export type ResolvedSimplicityConfig = Required<SimplicityConfig>;

export const DEFAULT_SIMPLICITY_CONFIG: Omit<ResolvedSimplicityConfig, 'seed'> = {
  disagreement: 0,
  hidden: 32,
  activation: 'relu',
  epochs: 60,
  trainSize: 1000,
  testSize: 1000,
  batchSize: 32,
  learningRate: 0.01,
  slabs: DEFAULT_DATA.slabs,
  margin: DEFAULT_DATA.margin,
};

export interface Accuracies {
  iid: number;
  simpleRandomized: number;
  hardRandomized: number;
}

export interface EpochStats {
  /** 1-based. */
  epoch: number;
  /** Mean cross-entropy and accuracy over the epoch's mini-batches, as the weights moved (the usual
   *  running figure, not a separate pass). */
  trainLoss: number;
  trainAccuracy: number;
  test: Accuracies;
}

export interface SimplicityResult {
  model: Mlp;
  /** One entry per epoch, for the live plot. */
  history: EpochStats[];
  /** The last epoch's test accuracies. */
  final: Accuracies;
  config: ResolvedSimplicityConfig;
}

export interface SimplicityData {
  train: Dataset;
  iid: Dataset;
  simpleRandomized: Dataset;
  hardRandomized: Dataset;
}

export function resolveSimplicityConfig(config: SimplicityConfig): ResolvedSimplicityConfig {
  const c = withDefaults<ResolvedSimplicityConfig>(DEFAULT_SIMPLICITY_CONFIG, config);
  if (!(c.disagreement >= 0 && c.disagreement <= 0.5)) throw new RangeError('disagreement must be in [0, 0.5]');
  assertPositiveInteger(c.epochs, 'epochs');
  assertPositiveInteger(c.batchSize, 'batchSize');
  return c;
}

/** The datasets of a run, each from its own seeded stream: the test sets depend on the seed but not on
 *  the model settings, so changing `hidden` compares models on the same points. */
export function makeSimplicityData(config: SimplicityConfig): SimplicityData {
  const c = resolveSimplicityConfig(config);
  const data = (kind: DatasetKind, n: number) =>
    makeDataset(createRng(deriveSeed(c.seed, 'data', kind)), kind, { n, disagreement: c.disagreement, slabs: c.slabs, margin: c.margin });
  return {
    train: data('train', c.trainSize),
    iid: data('iid', c.testSize),
    simpleRandomized: data('simple-randomized', c.testSize),
    hardRandomized: data('hard-randomized', c.testSize),
  };
}

function evaluateModel(model: Mlp, data: Omit<SimplicityData, 'train'>): Accuracies {
  return {
    iid: accuracy(model, data.iid),
    simpleRandomized: accuracy(model, data.simpleRandomized),
    hardRandomized: accuracy(model, data.hardRandomized),
  };
}

/** Mini-batch Adam on binary cross-entropy. Deterministic for a seed; `onProgress` gets each epoch's
 *  stats (for a Web Worker to post to a live plot). */
export function train(config: SimplicityConfig, onProgress?: (stats: EpochStats) => void): SimplicityResult {
  const c = resolveSimplicityConfig(config);
  const data = makeSimplicityData(c);
  const H = c.hidden;
  const relu = c.activation === 'relu';
  const init = initMlp(createRng(deriveSeed(c.seed, 'init')), H, c.activation);
  const shuffleRng = createRng(deriveSeed(c.seed, 'shuffle'));

  // Parameters flattened as [w1 (2H), b1 (H), w2 (H), b2 (1)], with Adam moments alongside.
  const P = 4 * H + 1;
  const params = new Float64Array(P);
  params.set(init.w1, 0);
  params.set(init.b1, 2 * H);
  params.set(init.w2, 3 * H);
  params[4 * H] = init.b2;
  const grad = new Float64Array(P);
  const m = new Float64Array(P);
  const v = new Float64Array(P);
  const beta1 = 0.9;
  const beta2 = 0.999;
  const eps = 1e-8;
  let t = 0;
  const pre = new Float64Array(H);
  const act = new Float64Array(H);

  const n = data.train.x.length;
  const history: EpochStats[] = [];
  const snapshot = (): Mlp => ({
    hidden: H,
    activation: c.activation,
    w1: Array.from(params.subarray(0, 2 * H)),
    b1: Array.from(params.subarray(2 * H, 3 * H)),
    w2: Array.from(params.subarray(3 * H, 4 * H)),
    b2: params[4 * H] as number,
  });

  for (let epoch = 1; epoch <= c.epochs; epoch += 1) {
    const order = shuffleRng.shuffle(Array.from({ length: n }, (_, i) => i));
    let lossSum = 0;
    let correct = 0;
    for (let startIndex = 0; startIndex < n; startIndex += c.batchSize) {
      const batch = order.slice(startIndex, startIndex + c.batchSize);
      grad.fill(0);
      for (const i of batch) {
        const [x0, x1] = data.train.x[i] as Point;
        const label = data.train.y[i] as number;
        let z = params[4 * H] as number;
        for (let h = 0; h < H; h += 1) {
          const p = (params[2 * h] as number) * x0 + (params[2 * h + 1] as number) * x1 + (params[2 * H + h] as number);
          pre[h] = p;
          act[h] = relu ? Math.max(0, p) : Math.tanh(p);
          z += (params[3 * H + h] as number) * (act[h] as number);
        }
        const prob = sigmoid(z);
        // Cross-entropy written through log-sigmoid, so a confident model never takes log(0).
        lossSum += label === 1 ? softplus(-z) : softplus(z);
        if ((prob >= 0.5 ? 1 : 0) === label) correct += 1;
        const dz = (prob - label) / batch.length;
        grad[4 * H] = (grad[4 * H] as number) + dz;
        for (let h = 0; h < H; h += 1) {
          grad[3 * H + h] = (grad[3 * H + h] as number) + dz * (act[h] as number);
          const a = act[h] as number;
          const dAct = relu ? ((pre[h] as number) > 0 ? 1 : 0) : 1 - a * a;
          const dPre = dz * (params[3 * H + h] as number) * dAct;
          if (dPre === 0) continue;
          grad[2 * h] = (grad[2 * h] as number) + dPre * x0;
          grad[2 * h + 1] = (grad[2 * h + 1] as number) + dPre * x1;
          grad[2 * H + h] = (grad[2 * H + h] as number) + dPre;
        }
      }
      t += 1;
      const correction1 = 1 - beta1 ** t;
      const correction2 = 1 - beta2 ** t;
      for (let k = 0; k < P; k += 1) {
        const g = grad[k] as number;
        m[k] = beta1 * (m[k] as number) + (1 - beta1) * g;
        v[k] = beta2 * (v[k] as number) + (1 - beta2) * g * g;
        const mHat = (m[k] as number) / correction1;
        const vHat = (v[k] as number) / correction2;
        params[k] = (params[k] as number) - (c.learningRate * mHat) / (Math.sqrt(vHat) + eps);
      }
    }
    const stats: EpochStats = { epoch, trainLoss: lossSum / n, trainAccuracy: correct / n, test: evaluateModel(snapshot(), data) };
    history.push(stats);
    onProgress?.(stats);
  }

  const model = snapshot();
  const last = history[history.length - 1];
  return { model, history, final: last ? last.test : evaluateModel(model, data), config: c };
}

function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}
