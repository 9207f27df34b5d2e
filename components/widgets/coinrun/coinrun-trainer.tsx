'use client';
import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { formatCount, formatPercent } from '../shared/format';
import { SeedField, TrainControls } from '../shared/train-controls';
import { useReducedMotion } from '../shared/use-reduced-motion';
import { useTrainingRun } from '../shared/use-training-run';
import type { WorkerFactory, WorkerLike } from '../shared/worker-like';
import shared from '../shared/widget.module.css';
import type { CoinrunReference } from './coinrun-reference';
import type { CoinrunMessage, CoinrunTrainRequest } from './coinrun-protocol';
import { describeScene, playTestLevel, type Scene } from './coinrun-scene';
import { AgentSummary, PLAYBACK_LEVELS, PlaybackControls, Tally } from './coinrun-trainer-parts';
import { finishedMessage, frameCaption, gridTitle, positionWords, type Agent } from './coinrun-trainer-text';
import { GridLegend, GridSvg } from './grid-svg';
import { OutcomeChart, type SessionRun } from './outcome-chart';
import { usePlayback } from './use-playback';
import styles from './coinrun.module.css';

export { PLAYBACK_LEVELS };

// Progress messages re-render the panel up to 20 times a second; the pictures only need to redraw when
// their own inputs change.
const Grid = memo(GridSvg);
const Chart = memo(OutcomeChart);

export type CoinrunWorkerFactory = WorkerFactory<CoinrunTrainRequest, CoinrunMessage>;

/** The real worker. The `new Worker(new URL(...), import.meta.url)` shape is what the bundler looks for. */
export const createCoinrunWorker: CoinrunWorkerFactory = () =>
  new Worker(new URL('./coinrun.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike<
    CoinrunTrainRequest,
    CoinrunMessage
  >;

const EPISODE_CHOICES = [2_000, 5_000, 10_000, 20_000];

export interface CoinRunTrainerProps {
  reference: CoinrunReference;
  createWorker?: CoinrunWorkerFactory;
  /** Move focus into the panel on mount (it replaces the button that had focus). */
  focusOnMount?: boolean;
}

export function CoinRunTrainer({ reference, createWorker = createCoinrunWorker, focusOnMount = false }: CoinRunTrainerProps) {
  const id = useId();
  const title = useRef<HTMLParagraphElement>(null);
  const reducedMotion = useReducedMotion();
  const run = useTrainingRun(createWorker, reference.agent.seed);
  const [playback, dispatchPlayback] = usePlayback((scenes) => run.say(finishedMessage(scenes)));

  const defaultEpisodes = reference.episodes;
  const [diversityIndex, setDiversityIndex] = useState(0);
  const [episodes, setEpisodes] = useState(defaultEpisodes);
  // Episodes done of the current (or last) run: the bar keeps the last run's count after it ends or stops.
  const [progress, setProgress] = useState({ done: 0, total: defaultEpisodes });
  const [agent, setAgent] = useState<Agent>(() => ({ source: 'sweep', ...reference.agent, testLevels: reference.testLevels }));
  const [runs, setRuns] = useState<SessionRun[]>([]);

  const diversity = reference.diversities[diversityIndex] ?? 0;

  useEffect(() => {
    // Focus the panel's title (it replaces the button that had focus) without scrolling the page: the
    // next Tab reaches the first control, which sits about where the button was.
    if (focusOnMount) title.current?.focus({ preventScroll: true });
  }, [focusOnMount]);

  // Before any run: the sweep agent's picture, as in the static view; after training, the first test level
  // with the new agent waiting at the start.
  const idle = useMemo<Scene>(() => {
    if (agent.source === 'sweep') return reference.scene;
    const first = playTestLevel(agent.policy, agent.seed, 0);
    return { ...first, path: [first.level.start] };
  }, [agent, reference.scene]);

  function startTraining() {
    run.train({
      request: (seed) => ({ type: 'train', diversity, seed, episodes, testLevels: reference.testLevels }),
      starting: `Training on ${formatCount(episodes)} levels with the coin moved in ${formatPercent(diversity)} of them…`,
      onStart: () => {
        dispatchPlayback({ type: 'clear' });
        setProgress({ done: 0, total: episodes });
      },
      onProgress: (msg) => setProgress({ done: msg.episode, total: msg.episodes }),
      onDone: ({ request, policy, evaluation, trainCoinRate }) => {
        setProgress({ done: request.episodes, total: request.episodes });
        const rates = { coinRate: evaluation.coinRate, endRate: evaluation.endRate, otherRate: evaluation.otherRate };
        setAgent({
          source: 'you',
          diversity: request.diversity,
          seed: request.seed,
          episodes: request.episodes,
          policy,
          ...rates,
          testLevels: evaluation.n,
        });
        setRuns((previous) => [
          ...previous.filter((r) => r.diversity !== request.diversity),
          { diversity: request.diversity, seed: request.seed, episodes: request.episodes, ...rates },
        ]);
        return (
          `Trained: it took the coin in ${formatPercent(trainCoinRate)} of its last training episodes. ` +
          `On ${formatCount(evaluation.n)} test levels with the coin moved: coin ${formatPercent(evaluation.coinRate)}, ` +
          `end ${formatPercent(evaluation.endRate)}.`
        );
      },
    });
  }

  function runTestLevels() {
    const scenes = Array.from({ length: PLAYBACK_LEVELS }, (_, i) => playTestLevel(agent.policy, agent.seed, i));
    dispatchPlayback({ type: 'load', scenes, reducedMotion });
    run.say(reducedMotion ? finishedMessage(scenes) : `Playing ${PLAYBACK_LEVELS} test levels.`);
  }

  function skipToResults() {
    if (!playback) return;
    dispatchPlayback({ type: 'skip' });
    run.say(finishedMessage(playback.scenes));
  }

  const scene = playback ? (playback.scenes[playback.index] ?? idle) : idle;
  const frame = playback ? playback.frame : idle.path.length - 1;
  const path = scene.path.slice(0, frame + 1);
  const atEnd = frame >= scene.path.length - 1;

  return (
    <div className={styles.trainer}>
      {/* Title and picture in one block, laid out exactly as in the static view, so the picture stays put. */}
      <div>
        <p ref={title} tabIndex={-1} className={shared.panelTitle} id={`${id}-title`}>
          Train the agent yourself
        </p>

        <figure className={shared.figure}>
          <Grid
            level={scene.level}
            path={path}
            idPrefix={`${id}-grid`}
            title={gridTitle(agent, playback, idle === scene)}
            description={atEnd && path.length > 1 ? describeScene(scene) : `The agent at ${positionWords(path[path.length - 1])}.`}
          />
          <figcaption className={shared.caption}>
            <GridLegend />
            <p className={styles.frameCaption}>{frameCaption(scene, frame, playback, agent)}</p>
          </figcaption>
        </figure>
      </div>

      <PlaybackControls
        playback={playback}
        dispatch={dispatchPlayback}
        onRun={runTestLevels}
        onSkip={skipToResults}
        disabled={run.training}
      />
      <Tally playback={playback} />
      <AgentSummary agent={agent} reference={reference} />

      <TrainControls
        id={id}
        run={run}
        onTrain={startTraining}
        onStop={() => run.stop('Training stopped. The previous agent is still loaded.')}
        progress={{ ...progress, unit: 'episodes' }}
      >
        <div className={shared.field}>
          <span className={styles.labelRow}>
            <label htmlFor={`${id}-diversity`}>Coin moved in training</label>
            <span className={styles.labelValue} aria-hidden="true">
              {formatPercent(diversity)}
            </span>
          </span>
          <input
            id={`${id}-diversity`}
            className={shared.range}
            type="range"
            min={0}
            max={reference.diversities.length - 1}
            step={1}
            value={diversityIndex}
            aria-valuetext={`${formatPercent(diversity)} of training levels`}
            aria-describedby={`${id}-diversity-hint`}
            onChange={(event) => setDiversityIndex(Number(event.target.value))}
          />
          <span className={shared.rangeScale} aria-hidden="true">
            <span>{formatPercent(reference.diversities[0] ?? 0)}</span>
            <span>{formatPercent(reference.diversities[reference.diversities.length - 1] ?? 0)}</span>
          </span>
          <span id={`${id}-diversity-hint`} className={shared.hint}>
            Share of training levels with the coin somewhere other than the exit. The steps are the sweep&apos;s.
          </span>
        </div>
        <SeedField id={id} run={run} hint={`Same seed, same levels and same agent. The sweep used seeds ${reference.seeds.join(', ')}.`} />
        <div className={shared.field}>
          <label htmlFor={`${id}-episodes`}>Training episodes</label>
          <select
            id={`${id}-episodes`}
            className={shared.input}
            value={episodes}
            onChange={(event) => setEpisodes(Number(event.target.value))}
          >
            {EPISODE_CHOICES.map((n) => (
              <option key={n} value={n}>
                {formatCount(n)}
                {n === defaultEpisodes ? ' (sweep)' : ''}
              </option>
            ))}
          </select>
        </div>
      </TrainControls>

      <Chart rows={reference.rows} runs={runs} seeds={reference.seeds.length} testLevels={reference.testLevels} />
    </div>
  );
}
