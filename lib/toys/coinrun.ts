// A CoinRun-style gridworld (after Langosco et al. 2022) small enough to train in a browser tab.
//
// Top-down grid, agent starts in the left column, the level's right end is a wall with one opening (the
// exit). Fences with gaps stand in between, so the agent has a real skill to learn: route around walls.
// Reward is 1 for touching the coin and nothing else, ever. In training the coin sits in the exit, so
// "reach the coin" and "reach the right end" are the same goal on every training level; `diversity`
// moves the coin to a random reachable cell in that fraction of training levels, which is the only
// thing that can tell the two goals apart.
//
// The agent is a linear softmax policy trained with REINFORCE, over a handful of features that a small
// vision model could compute from the screen. They are factored on purpose: the obstacle features have
// one weight shared by all four moves (a skill that works in any direction), while the bias and
// coin-direction features have one weight per move (a goal that has to be learned per direction). Nothing
// below looks at where a test coin is; whether the trained agent follows the coin or the right end is
// decided by the learned weights alone. At diversity 0 the coin is never to the agent's left during
// training, so the weight that would pull it left never receives a gradient: the agent keeps its
// skill and runs to the end.

import { assertPositiveInteger, withDefaults } from './config';
import { createRng, deriveSeed, type Rng } from './rng';

/** A move: 0 up, 1 right, 2 down, 3 left (the order of DX and DY). */
export type Action = 0 | 1 | 2 | 3;
const ACTION_IDS: readonly Action[] = [0, 1, 2, 3];
const DX = [0, 1, 0, -1] as const;
const DY = [-1, 0, 1, 0] as const;

export interface Pos {
  readonly x: number;
  readonly y: number;
}

/** 'end': the coin is in the exit at the right end (the training default).
 *  'random': any reachable cell other than the start.
 *  'off-path': a reachable cell at least two steps away from the route a go-right policy takes, and not
 *  in the exit column, so running right never touches it by accident. Used for the test levels. */
export type CoinPlacement = 'end' | 'random' | 'off-path';

export interface Level {
  readonly width: number;
  readonly height: number;
  /** Row-major, walls[y * width + x] === 1 for a wall. A plain array so a level survives postMessage. */
  readonly walls: readonly number[];
  readonly start: Pos;
  /** The one open cell of the right-end column. */
  readonly exit: Pos;
  readonly coin: Pos;
  readonly placement: CoinPlacement;
}

export interface LevelOptions {
  coinPlacement: CoinPlacement;
  width?: number;
  height?: number;
}

const DEFAULT_WIDTH = 13;
const DEFAULT_HEIGHT = 7;

export function isWall(level: Level, x: number, y: number): boolean {
  if (x < 0 || y < 0 || x >= level.width || y >= level.height) return true;
  return level.walls[y * level.width + x] === 1;
}

/** Breadth-first distances from `from` to every cell (-1 where unreachable). */
function distancesFrom(level: Level, from: Pos): number[] {
  const { width, height } = level;
  const dist = new Array<number>(width * height).fill(-1);
  if (isWall(level, from.x, from.y)) return dist;
  const queue: number[] = [from.y * width + from.x];
  dist[from.y * width + from.x] = 0;
  for (let head = 0; head < queue.length; head += 1) {
    const cell = queue[head] as number;
    const x = cell % width;
    const y = (cell - x) / width;
    for (const a of ACTION_IDS) {
      const nx = x + DX[a];
      const ny = y + DY[a];
      if (isWall(level, nx, ny)) continue;
      const next = ny * width + nx;
      if (dist[next] !== -1) continue;
      dist[next] = (dist[cell] as number) + 1;
      queue.push(next);
    }
  }
  return dist;
}

/** Shortest-path length from start to coin, or -1 if the coin cannot be reached. */
export function shortestPathLength(level: Level, from: Pos = level.start, to: Pos = level.coin): number {
  return distancesFrom(level, from)[to.y * level.width + to.x] ?? -1;
}

/** The route of a scripted "go right, slide to the nearest gap when blocked" policy from the start to the
 *  exit. It defines which cells count as on the go-right path when placing off-path test coins; it is a
 *  property of the layout only, never of a trained agent. */
export function goRightPath(level: Level): Pos[] {
  const path: Pos[] = [level.start];
  let { x, y } = level.start;
  const limit = level.width * level.height * 2;
  while (x < level.width - 1 && path.length < limit) {
    if (!isWall(level, x + 1, y)) {
      x += 1;
    } else {
      const target = nearestOpening(level, x, y, 1, 0);
      if (target === null) break;
      y += target < y ? -1 : 1;
    }
    path.push({ x, y });
  }
  return path;
}

/** Along the vertical run of free cells through (x, y), the row nearest to y whose neighbour in direction
 *  (sx, sy) is free; ties go up. Works for horizontal runs too when sy is the blocked side. */
function nearestOpening(level: Level, x: number, y: number, sx: number, sy: number): number | null {
  // Scan along the axis perpendicular to (sx, sy), staying inside the run of free cells.
  const alongX = sx === 0;
  let best: number | null = null;
  let bestDistance = Infinity;
  for (const dir of [-1, 1]) {
    for (let k = 1; ; k += 1) {
      const cx = alongX ? x + dir * k : x;
      const cy = alongX ? y : y + dir * k;
      if (isWall(level, cx, cy)) break;
      if (!isWall(level, cx + sx, cy + sy)) {
        if (k < bestDistance) {
          bestDistance = k;
          best = alongX ? cx : cy;
        }
        break;
      }
    }
  }
  return best;
}

/** A seeded level. The layout is drawn before the coin, so one rng seed gives the same walls whatever
 *  the coin placement, and the sweep can compare placements on identical layouts. */
export function generateLevel(rng: Rng, options: LevelOptions): Level {
  const width = options.width ?? DEFAULT_WIDTH;
  const height = options.height ?? DEFAULT_HEIGHT;
  if (width < 6 || height < 3) throw new RangeError('generateLevel: the grid must be at least 6 x 3');

  // The construction below is solvable by design (every fence has a gap and free columns lie between
  // fences), but a level that is not is rejected rather than trusted.
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const walls = new Array<number>(width * height).fill(0);
    const exitY = rng.int(0, height);
    for (let y = 0; y < height; y += 1) walls[y * width + width - 1] = y === exitY ? 0 : 1;

    for (let x = rng.int(2, 4); x <= width - 3; x += rng.int(2, 4)) {
      if (rng.bool(0.35)) {
        // A partial wall hanging from the top or standing on the bottom.
        const length = rng.int(2, height - 1);
        const fromTop = rng.bool();
        for (let k = 0; k < length; k += 1) walls[(fromTop ? k : height - 1 - k) * width + x] = 1;
      } else {
        const gaps = new Set<number>([rng.int(0, height)]);
        if (rng.bool(0.3)) gaps.add(rng.int(0, height));
        for (let y = 0; y < height; y += 1) if (!gaps.has(y)) walls[y * width + x] = 1;
      }
    }

    const start: Pos = { x: 0, y: rng.int(0, height) };
    const exit: Pos = { x: width - 1, y: exitY };
    const layout: Level = { width, height, walls, start, exit, coin: exit, placement: 'end' };
    const dist = distancesFrom(layout, start);
    if ((dist[exit.y * width + exit.x] ?? -1) < 0) continue;

    const coin = placeCoin(rng, layout, dist, options.coinPlacement);
    if (coin === null) continue;
    return { ...layout, coin, placement: options.coinPlacement };
  }
  throw new Error('generateLevel: could not build a solvable level');
}

function placeCoin(rng: Rng, level: Level, dist: readonly number[], placement: CoinPlacement): Pos | null {
  if (placement === 'end') return level.exit;
  const reachable: Pos[] = [];
  for (let y = 0; y < level.height; y += 1) {
    for (let x = 0; x < level.width; x += 1) {
      if ((dist[y * level.width + x] ?? -1) > 0) reachable.push({ x, y });
    }
  }
  if (placement === 'random') return reachable.length > 0 ? rng.pick(reachable) : null;

  const path = goRightPath(level);
  const awayFromPath = (cell: Pos, gap: number) => path.every((p) => Math.abs(p.x - cell.x) + Math.abs(p.y - cell.y) >= gap);
  const candidates = reachable.filter((c) => c.x < level.width - 1);
  // Prefer cells two steps from the path; a cramped layout falls back to one step, then to a fresh layout.
  for (const gap of [2, 1]) {
    const away = candidates.filter((c) => awayFromPath(c, gap));
    if (away.length > 0) return rng.pick(away);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Dynamics

export interface StepResult {
  pos: Pos;
  /** 1 on the step that touches the coin, else 0. There is no other reward. */
  reward: number;
  /** True once the coin is taken; running out of steps is the caller's business (a truncation). */
  done: boolean;
  /** The move ran into a wall or the edge, and the agent stayed put. */
  bumped: boolean;
}

export function step(level: Level, pos: Pos, action: Action): StepResult {
  const nx = pos.x + DX[action];
  const ny = pos.y + DY[action];
  const bumped = isWall(level, nx, ny);
  const next = bumped ? pos : { x: nx, y: ny };
  const gotCoin = next.x === level.coin.x && next.y === level.coin.y;
  return { pos: next, reward: gotCoin ? 1 : 0, done: gotCoin, bumped };
}

// ---------------------------------------------------------------------------------------------------
// The agent's features

export const FEATURE_NAMES = [
  'bias:up',
  'bias:right',
  'bias:down',
  'bias:left',
  'coin-dir:up',
  'coin-dir:right',
  'coin-dir:down',
  'coin-dir:left',
  'blocked',
  'toward-gap',
  'reverse',
] as const;
const FEATURE_COUNT = FEATURE_NAMES.length;
const F_BIAS = 0;
const F_COIN = 4;
const F_BLOCKED = 8;
const F_GAP = 9;
const F_REVERSE = 10;

/** Features of taking `action` at `pos`, written into `out` (length FEATURE_COUNT).
 *  - bias:<move>      1 for that move: the capacity to prefer a direction for its own sake.
 *  - coin-dir:<move>  1 if the coin lies in that direction (the agent sees where the coin is).
 *  - blocked          the move runs into a wall. One weight for all moves: a wall is a wall.
 *  - toward-gap       per wall beside the agent, 1 if the move slides toward that wall's nearest opening.
 *                     One weight for all moves: routing around a fence works the same in any direction.
 *  - reverse          the move undoes the previous one. A memoryless linear policy otherwise dithers
 *                     between two cells; CoinRun agents see their velocity for the same reason. */
function writeFeatures(level: Level, pos: Pos, action: Action, out: Float64Array, lastAction: Action | null = null): void {
  out.fill(0);
  out[F_BIAS + action] = 1;
  if (lastAction !== null && (lastAction + 2) % 4 === action) out[F_REVERSE] = 1;
  const dx = level.coin.x - pos.x;
  const dy = level.coin.y - pos.y;
  const coinThatWay = action === 0 ? dy < 0 : action === 1 ? dx > 0 : action === 2 ? dy > 0 : dx < 0;
  if (coinThatWay) out[F_COIN + action] = 1;
  if (isWall(level, pos.x + DX[action], pos.y + DY[action])) {
    out[F_BLOCKED] = 1;
    return;
  }
  let toward = 0;
  for (const side of [(action + 1) % 4, (action + 3) % 4] as Action[]) {
    const sx = DX[side];
    const sy = DY[side];
    if (!isWall(level, pos.x + sx, pos.y + sy)) continue;
    const opening = nearestOpening(level, pos.x, pos.y, sx, sy);
    if (opening === null) continue;
    const ahead = DX[action] !== 0 ? (opening - pos.x) * DX[action] : (opening - pos.y) * DY[action];
    if (ahead > 0) toward += 1;
  }
  out[F_GAP] = toward;
}

/** A linear softmax policy: pi(a | s) is proportional to exp(weights . features(s, a)). Plain data, so it
 *  can cross postMessage and be stored as JSON. */
export interface Policy {
  readonly kind: 'linear-softmax';
  readonly featureNames: readonly string[];
  readonly weights: readonly number[];
}

export function emptyPolicy(): Policy {
  return { kind: 'linear-softmax', featureNames: [...FEATURE_NAMES], weights: new Array<number>(FEATURE_COUNT).fill(0) };
}

type Quad = [number, number, number, number];

function fillLogits(
  weights: ArrayLike<number>,
  level: Level,
  pos: Pos,
  lastAction: Action | null,
  phis: readonly Float64Array[],
  logits: Quad,
): void {
  for (const a of ACTION_IDS) {
    const phi = phis[a] as Float64Array;
    writeFeatures(level, pos, a, phi, lastAction);
    let sum = 0;
    for (let i = 0; i < FEATURE_COUNT; i += 1) sum += (weights[i] as number) * (phi[i] as number);
    logits[a] = sum;
  }
}

function softmaxInto(logits: Quad, probs: Quad): void {
  const max = Math.max(logits[0], logits[1], logits[2], logits[3]);
  let total = 0;
  for (const a of ACTION_IDS) {
    probs[a] = Math.exp(logits[a] - max);
    total += probs[a];
  }
  for (const a of ACTION_IDS) probs[a] /= total;
}

function sampleFrom(probs: Quad, rng: Rng): Action {
  let u = rng.next();
  for (const a of ACTION_IDS) {
    if (u < probs[a]) return a;
    u -= probs[a];
  }
  return 3;
}

/** Argmax with seeded tie-breaking, so a policy with equal preferences does not march the first listed way. */
function argmax(logits: Quad, rng: Rng): Action {
  let best = -Infinity;
  let ties: Action[] = [];
  for (const a of ACTION_IDS) {
    if (logits[a] > best + 1e-12) {
      best = logits[a];
      ties = [a];
    } else if (Math.abs(logits[a] - best) <= 1e-12) {
      ties.push(a);
    }
  }
  return ties.length === 1 ? (ties[0] as Action) : rng.pick(ties);
}

export interface ActionView {
  /** Per move, in Action order: weights . features. */
  logits: Quad;
  probabilities: Quad;
  /** Per move, each feature's contribution (weight x value), for showing why the agent moves as it does. */
  contributions: [number[], number[], number[], number[]];
}

/** The policy's view of one state, for the widget to draw arrows and explain them. */
export function inspect(level: Level, pos: Pos, policy: Policy, lastAction: Action | null = null): ActionView {
  const phis = ACTION_IDS.map(() => new Float64Array(FEATURE_COUNT));
  const logits: Quad = [0, 0, 0, 0];
  const probabilities: Quad = [0, 0, 0, 0];
  fillLogits(policy.weights, level, pos, lastAction, phis, logits);
  softmaxInto(logits, probabilities);
  const contributions = phis.map((phi) => Array.from(phi, (v, i) => v * (policy.weights[i] ?? 0))) as ActionView['contributions'];
  return { logits, probabilities, contributions };
}

// ---------------------------------------------------------------------------------------------------
// Episodes

export type Outcome = 'coin' | 'end' | 'timeout';

export interface EpisodeOptions {
  seed: number;
  /** 'greedy' takes the most preferred move (ties broken by the seed); 'sample' draws from the policy. */
  mode?: 'greedy' | 'sample';
  maxSteps?: number;
}

export interface Episode {
  /** Positions from the start, one per step, including the start. */
  trajectory: Pos[];
  actions: Action[];
  rewards: number[];
  /** 'coin' if the coin was touched; else 'end' if the agent ever stood in the right-end column;
   *  else 'timeout' (it wandered or got stuck). */
  outcome: Outcome;
  steps: number;
  /** Step at which the agent first reached the right-end column without the coin, or null. */
  reachedEndAt: number | null;
}

export const DEFAULT_MAX_STEPS = 40;

/** Plays one episode. Reaching the right end does not stop it (there is no reward there); only the coin
 *  or the step limit does, as in CoinRun, where an agent that ignores the coin times out. */
export function runEpisode(level: Level, policy: Policy, options: EpisodeOptions): Episode {
  const rng = createRng(options.seed);
  const mode = options.mode ?? 'greedy';
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  const phis = ACTION_IDS.map(() => new Float64Array(FEATURE_COUNT));
  const logits: Quad = [0, 0, 0, 0];
  const probs: Quad = [0, 0, 0, 0];
  let pos = level.start;
  const trajectory: Pos[] = [pos];
  const actions: Action[] = [];
  const rewards: number[] = [];
  let reachedEndAt: number | null = null;
  let gotCoin = false;
  while (actions.length < maxSteps) {
    fillLogits(policy.weights, level, pos, actions[actions.length - 1] ?? null, phis, logits);
    let action: Action;
    if (mode === 'greedy') {
      action = argmax(logits, rng);
    } else {
      softmaxInto(logits, probs);
      action = sampleFrom(probs, rng);
    }
    const result = step(level, pos, action);
    pos = result.pos;
    actions.push(action);
    rewards.push(result.reward);
    trajectory.push(pos);
    if (result.done) {
      gotCoin = true;
      break;
    }
    if (reachedEndAt === null && pos.x === level.width - 1) reachedEndAt = actions.length;
  }
  const outcome: Outcome = gotCoin ? 'coin' : reachedEndAt !== null ? 'end' : 'timeout';
  return { trajectory, actions, rewards, outcome, steps: actions.length, reachedEndAt };
}

// ---------------------------------------------------------------------------------------------------
// Training

export interface TrainConfig {
  /** Fraction of training levels whose coin is placed at a random reachable cell instead of the exit. */
  diversity: number;
  seed: number;
  episodes?: number;
  width?: number;
  height?: number;
  maxSteps?: number;
  learningRate?: number;
  /** Discount: a coin reached in k more steps is worth gamma^k now, which is what rewards short routes. */
  gamma?: number;
  /** Probability that a training episode starts at a random reachable cell instead of the left column.
   *  Reward is too sparse for a random walk to cross a level from the left, so, as with exploring starts
   *  in textbook RL, some episodes begin nearer the goal. It moves the agent, never the coin, so it
   *  cannot teach the difference between the coin and the right end. */
  randomStart?: number;
  /** Episodes per point of the learning curve. */
  curveEvery?: number;
}

export type ResolvedTrainConfig = Required<TrainConfig>;

export const DEFAULT_TRAIN_CONFIG: Omit<ResolvedTrainConfig, 'diversity' | 'seed'> = {
  episodes: 10000,
  width: DEFAULT_WIDTH,
  height: DEFAULT_HEIGHT,
  maxSteps: DEFAULT_MAX_STEPS,
  learningRate: 0.4,
  gamma: 0.95,
  randomStart: 0.5,
  curveEvery: 100,
};

interface CurvePoint {
  /** Episodes completed. */
  episode: number;
  /** Share of the block's training episodes that ended on the coin (sampling from the policy). */
  coinRate: number;
  meanSteps: number;
  /** How many of the block's levels had a randomly placed coin. */
  randomCoinLevels: number;
}

export interface TrainProgress {
  episode: number;
  episodes: number;
  curve: readonly CurvePoint[];
  policy: Policy;
}

export interface TrainResult {
  policy: Policy;
  curve: CurvePoint[];
  config: ResolvedTrainConfig;
}

function resolveTrainConfig(config: TrainConfig): ResolvedTrainConfig {
  const c = withDefaults<ResolvedTrainConfig>(DEFAULT_TRAIN_CONFIG, config);
  if (!(c.diversity >= 0 && c.diversity <= 1)) throw new RangeError('diversity must be in [0, 1]');
  assertPositiveInteger(c.episodes, 'episodes');
  assertPositiveInteger(c.curveEvery, 'curveEvery');
  return c;
}

/** Whether training level `episode` of a run has a randomly placed coin. Drawn from its own stream so that
 *  for one seed the random-coin levels at diversity 0.05 are a subset of those at 0.1 (common random
 *  numbers), and the layouts are the same at every diversity. */
function isRandomCoinLevel(seed: number, episode: number, diversity: number): boolean {
  return createRng(deriveSeed(seed, 'coin-draw', episode)).next() < diversity;
}

function trainingLevel(config: Pick<ResolvedTrainConfig, 'seed' | 'diversity' | 'width' | 'height'>, episode: number): Level {
  const randomCoin = isRandomCoinLevel(config.seed, episode, config.diversity);
  return generateLevel(createRng(deriveSeed(config.seed, 'train-level', episode)), {
    coinPlacement: randomCoin ? 'random' : 'end',
    width: config.width,
    height: config.height,
  });
}

function randomStartCell(level: Level, rng: Rng): Pos {
  const dist = distancesFrom(level, level.start);
  const cells: Pos[] = [];
  for (let y = 0; y < level.height; y += 1) {
    for (let x = 0; x < level.width; x += 1) {
      const reachable = (dist[y * level.width + x] ?? -1) >= 0;
      if (reachable && !(x === level.coin.x && y === level.coin.y)) cells.push({ x, y });
    }
  }
  return rng.pick(cells);
}

/** REINFORCE (the simplest policy-gradient method; Langosco et al. used its descendant PPO), one fresh
 *  level per episode, with a running-average baseline. Deterministic for a seed. `onProgress` is called
 *  after each curve block, for a Web Worker to post. */
export function train(config: TrainConfig, onProgress?: (progress: TrainProgress) => void): TrainResult {
  const c = resolveTrainConfig(config);
  const rng = createRng(deriveSeed(c.seed, 'explore'));
  const weights = new Float64Array(FEATURE_COUNT);
  const phis = ACTION_IDS.map(() => new Float64Array(FEATURE_COUNT));
  const logits: Quad = [0, 0, 0, 0];
  const probs: Quad = [0, 0, 0, 0];
  // Score-function gradients of each step, flattened: step t occupies [t * F, (t + 1) * F).
  const grads = new Float64Array(c.maxSteps * FEATURE_COUNT);
  let baseline = 0;
  const curve: CurvePoint[] = [];
  let block = { episodes: 0, coins: 0, steps: 0, random: 0 };

  for (let episode = 0; episode < c.episodes; episode += 1) {
    const level = trainingLevel(c, episode);
    let pos = rng.bool(c.randomStart) ? randomStartCell(level, rng) : level.start;
    let last: Action | null = null;
    let steps = 0;
    let coinAt = -1;
    while (steps < c.maxSteps) {
      fillLogits(weights, level, pos, last, phis, logits);
      softmaxInto(logits, probs);
      const action = sampleFrom(probs, rng);
      const chosen = phis[action] as Float64Array;
      const offset = steps * FEATURE_COUNT;
      for (let i = 0; i < FEATURE_COUNT; i += 1) {
        let expected = 0;
        for (const a of ACTION_IDS) expected += probs[a] * ((phis[a] as Float64Array)[i] as number);
        grads[offset + i] = (chosen[i] as number) - expected;
      }
      const result = step(level, pos, action);
      steps += 1;
      pos = result.pos;
      last = action;
      if (result.done) {
        coinAt = steps - 1;
        break;
      }
    }

    // The return from step t is gamma^(steps to the coin), or 0 if the coin was never reached.
    const scale = c.learningRate / steps;
    let meanReturn = 0;
    for (let t = 0; t < steps; t += 1) {
      const ret = coinAt >= 0 ? c.gamma ** (coinAt - t) : 0;
      meanReturn += ret / steps;
      const advantage = ret - baseline;
      const offset = t * FEATURE_COUNT;
      for (let i = 0; i < FEATURE_COUNT; i += 1) weights[i] = (weights[i] as number) + scale * advantage * (grads[offset + i] as number);
    }
    baseline += 0.05 * (meanReturn - baseline);

    block.episodes += 1;
    block.steps += steps;
    if (coinAt >= 0) block.coins += 1;
    if (level.placement === 'random') block.random += 1;
    if (block.episodes === c.curveEvery || episode === c.episodes - 1) {
      curve.push({
        episode: episode + 1,
        coinRate: block.coins / block.episodes,
        meanSteps: block.steps / block.episodes,
        randomCoinLevels: block.random,
      });
      block = { episodes: 0, coins: 0, steps: 0, random: 0 };
      onProgress?.({ episode: episode + 1, episodes: c.episodes, curve, policy: toPolicy(weights) });
    }
  }
  return { policy: toPolicy(weights), curve, config: c };
}

function toPolicy(weights: Float64Array): Policy {
  return { kind: 'linear-softmax', featureNames: [...FEATURE_NAMES], weights: Array.from(weights) };
}

// ---------------------------------------------------------------------------------------------------
// Evaluation

export interface EvaluateOptions {
  levels: number;
  seed: number;
  /** Where the test coin goes; by default off the go-right path, which is what exposes the learned goal. */
  coinPlacement?: CoinPlacement;
  width?: number;
  height?: number;
  maxSteps?: number;
  mode?: 'greedy' | 'sample';
}

export interface EvaluateResult {
  n: number;
  coinRate: number;
  endRate: number;
  /** Neither coin nor end: timed out while wandering or stuck. */
  otherRate: number;
  counts: Record<Outcome, number>;
  /** Per test level, in order: testLevel(options, i) replays level i. */
  outcomes: Outcome[];
}

/** The `index`-th test level of an evaluation seed. Seeded under its own label, so test layouts never
 *  coincide with training layouts drawn from the same number. */
export function testLevel(options: Omit<EvaluateOptions, 'levels'>, index: number): Level {
  return generateLevel(createRng(deriveSeed(options.seed, 'test-level', index)), {
    coinPlacement: options.coinPlacement ?? 'off-path',
    width: options.width,
    height: options.height,
  });
}

export function evaluate(policy: Policy, options: EvaluateOptions): EvaluateResult {
  const counts: Record<Outcome, number> = { coin: 0, end: 0, timeout: 0 };
  const outcomes: Outcome[] = [];
  for (let i = 0; i < options.levels; i += 1) {
    const episode = runEpisode(testLevel(options, i), policy, {
      seed: deriveSeed(options.seed, 'test-episode', i),
      mode: options.mode,
      maxSteps: options.maxSteps,
    });
    counts[episode.outcome] += 1;
    outcomes.push(episode.outcome);
  }
  const n = Math.max(1, options.levels);
  return { n: options.levels, coinRate: counts.coin / n, endRate: counts.end / n, otherRate: counts.timeout / n, counts, outcomes };
}
