'use client';
import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Policy } from '@/lib/toys/coinrun';
import { formatCount, formatPercent } from '../shared/format';
import { ProgressBar } from '../shared/progress-bar';
import { useReducedMotion } from '../shared/use-reduced-motion';
import { useWorkerJob } from '../shared/use-worker-job';
import type { WorkerFactory, WorkerLike } from '../shared/worker-like';
import shared from '../shared/widget.module.css';
import type { CoinrunReference } from './coinrun-reference';
import type { CoinrunMessage, CoinrunTrainRequest } from './coinrun-protocol';
import { describeScene, outcomeWords, playTestLevel, type Scene } from './coinrun-scene';
import { GridLegend, GridSvg } from './grid-svg';
import { OutcomeChart, type SessionRun } from './outcome-chart';
import styles from './coinrun.module.css';

// Progress messages re-render the panel up to 20 times a second; the pictures only need to redraw when
// their own inputs change.
const Grid = memo(GridSvg);
const Chart = memo(OutcomeChart);

export type CoinrunWorkerFactory = WorkerFactory<CoinrunTrainRequest, CoinrunMessage>;

/** The real worker. The `new Worker(new URL(...), import.meta.url)` shape is what the bundler looks for. */
export const createCoinrunWorker: CoinrunWorkerFactory = () =>
  new Worker(new URL('./coinrun.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike<CoinrunTrainRequest, CoinrunMessage>;

/** Test levels animated per run; the chart uses the full evaluation the worker runs. */
export const PLAYBACK_LEVELS = 12;
const STEP_MS = 110;
const LEVEL_PAUSE_MS = 700;
const EPISODE_CHOICES = [2_000, 5_000, 10_000, 20_000];

interface Agent {
  source: 'sweep' | 'you';
  diversity: number;
  seed: number;
  episodes: number;
  policy: Policy;
  coinRate: number;
  endRate: number;
  otherRate: number;
  testLevels: number;
}

interface Playback {
  scenes: Scene[];
  index: number;
  frame: number;
  playing: boolean;
  /** How many levels' outcomes have been shown, from the first; the tally counts these. */
  revealed: number;
}

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
  const job = useWorkerJob(createWorker);

  const defaultEpisodes = reference.episodes;
  const [diversityIndex, setDiversityIndex] = useState(0);
  const [seedText, setSeedText] = useState(String(reference.agent.seed));
  const [episodes, setEpisodes] = useState(defaultEpisodes);
  const [seedError, setSeedError] = useState<string | null>(null);
  const [training, setTraining] = useState<{ done: number; total: number } | null>(null);
  const [lastTotal, setLastTotal] = useState(defaultEpisodes);
  const [lastDone, setLastDone] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [agent, setAgent] = useState<Agent>(() => ({
    source: 'sweep',
    ...reference.agent,
    testLevels: reference.testLevels,
  }));
  const [runs, setRuns] = useState<SessionRun[]>([]);
  const [playback, setPlayback] = useState<Playback | null>(null);

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

  useEffect(() => {
    if (!playback?.playing) return;
    const scene = playback.scenes[playback.index];
    if (!scene) return;
    const last = scene.path.length - 1;
    const timer = setTimeout(
      () => {
        let next: Playback;
        if (playback.frame < last) {
          const frame = playback.frame + 1;
          next = { ...playback, frame, revealed: frame === last ? Math.max(playback.revealed, playback.index + 1) : playback.revealed };
        } else if (playback.index < playback.scenes.length - 1) {
          next = { ...playback, index: playback.index + 1, frame: 0, revealed: Math.max(playback.revealed, playback.index + 1) };
        } else {
          next = { ...playback, playing: false, revealed: playback.scenes.length };
          setMessage(finishedMessage(playback.scenes));
        }
        setPlayback(next);
      },
      playback.frame >= last ? LEVEL_PAUSE_MS : STEP_MS,
    );
    return () => clearTimeout(timer);
  }, [playback]);

  function startTraining() {
    const seed = Number(seedText);
    if (!Number.isInteger(seed) || seed < 1 || seed > 9999) {
      setSeedError('Enter a whole number from 1 to 9999.');
      return;
    }
    setSeedError(null);
    setError(null);
    setPlayback(null);
    setTraining({ done: 0, total: episodes });
    setLastTotal(episodes);
    setLastDone(0);
    setMessage(`Training on ${formatCount(episodes)} levels with the coin moved in ${formatPercent(diversity)} of them…`);
    const request: CoinrunTrainRequest = { type: 'train', diversity, seed, episodes, testLevels: reference.testLevels };
    job.start(
      request,
      (msg) => {
        if (msg.type === 'progress') {
          setTraining({ done: msg.episode, total: msg.episodes });
          setLastDone(msg.episode);
        } else if (msg.type === 'done') {
          job.stop();
          setTraining(null);
          setLastDone(msg.request.episodes);
          const { evaluation } = msg;
          setAgent({
            source: 'you',
            diversity: msg.request.diversity,
            seed: msg.request.seed,
            episodes: msg.request.episodes,
            policy: msg.policy,
            coinRate: evaluation.coinRate,
            endRate: evaluation.endRate,
            otherRate: evaluation.otherRate,
            testLevels: evaluation.n,
          });
          setRuns((previous) => [
            ...previous.filter((r) => r.diversity !== msg.request.diversity),
            {
              diversity: msg.request.diversity,
              seed: msg.request.seed,
              episodes: msg.request.episodes,
              coinRate: evaluation.coinRate,
              endRate: evaluation.endRate,
              otherRate: evaluation.otherRate,
            },
          ]);
          setMessage(
            `Trained: it took the coin in ${formatPercent(msg.trainCoinRate)} of its last training episodes. ` +
              `On ${formatCount(evaluation.n)} test levels with the coin moved: coin ${formatPercent(evaluation.coinRate)}, ` +
              `end ${formatPercent(evaluation.endRate)}.`,
          );
        } else {
          job.stop();
          setTraining(null);
          setError(msg.message);
          setMessage('');
        }
      },
      (text) => {
        setTraining(null);
        setError(text);
        setMessage('');
      },
    );
  }

  function stopTraining() {
    job.stop();
    setTraining(null);
    setMessage('Training stopped. The previous agent is still loaded.');
  }

  function runTestLevels() {
    const scenes = Array.from({ length: PLAYBACK_LEVELS }, (_, i) => playTestLevel(agent.policy, agent.seed, i));
    if (reducedMotion) {
      setPlayback({ scenes, index: 0, frame: (scenes[0]?.path.length ?? 1) - 1, playing: false, revealed: scenes.length });
      setMessage(finishedMessage(scenes));
    } else {
      setPlayback({ scenes, index: 0, frame: 0, playing: true, revealed: 0 });
      setMessage(`Playing ${PLAYBACK_LEVELS} test levels.`);
    }
  }

  function skipToResults() {
    if (!playback) return;
    const scene = playback.scenes[playback.index];
    setPlayback({ ...playback, frame: (scene?.path.length ?? 1) - 1, playing: false, revealed: playback.scenes.length });
    setMessage(finishedMessage(playback.scenes));
  }

  function showLevel(index: number) {
    if (!playback) return;
    const scene = playback.scenes[index];
    if (!scene) return;
    setPlayback({ ...playback, index, frame: scene.path.length - 1, playing: false });
  }

  const finished = playback !== null && !playback.playing && playback.revealed === playback.scenes.length;
  const paused = playback !== null && !playback.playing && !finished;
  const scene = playback ? (playback.scenes[playback.index] ?? idle) : idle;
  const frame = playback ? playback.frame : idle.path.length - 1;
  const path = scene.path.slice(0, frame + 1);
  const atEnd = frame >= scene.path.length - 1;
  const tally = countOutcomes(playback ? playback.scenes.slice(0, playback.revealed) : []);
  const isTraining = training !== null;

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

      <div className={styles.playback} role="group" aria-label="Test levels">
        <div className={shared.actions}>
          <button type="button" className="button button--ghost" onClick={runTestLevels} disabled={isTraining}>
            Run on test levels
          </button>
          {paused ? (
            <button type="button" className="button button--ghost" onClick={() => setPlayback({ ...playback, playing: true })}>
              Resume
            </button>
          ) : (
            <button
              type="button"
              className="button button--ghost"
              onClick={() => playback && setPlayback({ ...playback, playing: false })}
              disabled={!playback?.playing}
            >
              Pause
            </button>
          )}
          <button type="button" className="button button--ghost" onClick={skipToResults} disabled={!playback || finished}>
            Skip to results
          </button>
        </div>
        <div className={shared.actions}>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => playback && showLevel(playback.index - 1)}
            disabled={!finished || playback.index === 0}
          >
            Previous level
          </button>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => playback && showLevel(playback.index + 1)}
            disabled={!finished || playback.index === playback.scenes.length - 1}
          >
            Next level
          </button>
        </div>
      </div>

      <div className={styles.tally} aria-label="Tally of test levels played">
        <span className={styles.tallyItem}>
          <span aria-hidden="true" className={styles.tallyShapeCoin} /> Coin <strong>{tally.coin}</strong>
        </span>
        <span className={styles.tallyItem}>
          <span aria-hidden="true" className={styles.tallyShapeEnd} /> End <strong>{tally.end}</strong>
        </span>
        <span className={styles.tallyItem}>
          <span aria-hidden="true" className={styles.tallyShapeOther} /> Other <strong>{tally.timeout}</strong>
        </span>
        <span className={styles.tallyNote}>
          {playback ? `of ${playback.revealed} test levels played so far` : `press “Run on test levels” to watch ${PLAYBACK_LEVELS}`}
        </span>
      </div>

      <div className={styles.agentSummary}>
        <p>
          <strong>{agent.source === 'sweep' ? 'Loaded: the sweep’s agent.' : 'Loaded: your agent.'}</strong> Coin moved in{' '}
          {formatPercent(agent.diversity)} of {formatCount(agent.episodes)} training levels, seed {agent.seed}. On{' '}
          {formatCount(agent.testLevels)} test levels with the coin moved: coin {formatPercent(agent.coinRate)}, end{' '}
          {formatPercent(agent.endRate)}, other {formatPercent(agent.otherRate)}.
        </p>
        <p className={shared.hint}>{sweepComparison(reference, agent)}</p>
      </div>

      <fieldset className={shared.controls} disabled={isTraining}>
        <legend>Training settings</legend>
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
        <div className={shared.field}>
          <label htmlFor={`${id}-seed`}>Seed</label>
          <input
            id={`${id}-seed`}
            className={shared.input}
            type="number"
            inputMode="numeric"
            min={1}
            max={9999}
            step={1}
            value={seedText}
            aria-invalid={seedError ? true : undefined}
            aria-describedby={`${id}-seed-hint${seedError ? ` ${id}-seed-error` : ''}`}
            onChange={(event) => setSeedText(event.target.value)}
          />
          <span id={`${id}-seed-hint`} className={shared.hint}>
            Same seed, same levels and same agent. The sweep used seeds {reference.seeds.join(', ')}.
          </span>
          {seedError && (
            <span id={`${id}-seed-error`} className={styles.fieldError}>
              {seedError}
            </span>
          )}
        </div>
        <div className={shared.field}>
          <label htmlFor={`${id}-episodes`}>Training episodes</label>
          <select id={`${id}-episodes`} className={shared.input} value={episodes} onChange={(event) => setEpisodes(Number(event.target.value))}>
            {EPISODE_CHOICES.map((n) => (
              <option key={n} value={n}>
                {formatCount(n)}
                {n === defaultEpisodes ? ' (sweep)' : ''}
              </option>
            ))}
          </select>
        </div>
      </fieldset>

      <div className={shared.actions}>
        {isTraining ? (
          <button type="button" className="button button--ghost" onClick={stopTraining}>
            Stop training
          </button>
        ) : (
          <button type="button" className="button" onClick={startTraining}>
            Train
          </button>
        )}
      </div>

      <ProgressBar
        id={`${id}-progress`}
        label="Training progress"
        value={training ? training.done : lastDone}
        max={training ? training.total : lastTotal}
        valueText={`${formatCount(training ? training.done : lastDone)} of ${formatCount(training ? training.total : lastTotal)} episodes`}
      />

      {error && (
        <p className={shared.error} role="alert">
          Training failed: {error}
        </p>
      )}
      <p role="status" className={shared.status}>
        {message}
      </p>

      <Chart rows={reference.rows} runs={runs} seeds={reference.seeds.length} testLevels={reference.testLevels} />
    </div>
  );
}

function countOutcomes(scenes: readonly Scene[]) {
  const tally = { coin: 0, end: 0, timeout: 0 };
  for (const s of scenes) tally[s.outcome] += 1;
  return tally;
}

function finishedMessage(scenes: readonly Scene[]): string {
  const t = countOutcomes(scenes);
  return `Finished ${scenes.length} test levels: coin ${t.coin}, end ${t.end}, other ${t.timeout}.`;
}

function positionWords(p: { x: number; y: number } | undefined): string {
  return p ? `column ${p.x + 1}, row ${p.y + 1}` : 'the start';
}

function gridTitle(agent: Agent, playback: Playback | null, isIdle: boolean): string {
  const who = agent.source === 'sweep' ? 'The sweep’s agent' : 'Your agent';
  if (!playback) return isIdle && agent.source === 'sweep' ? `${who} on a test level with the coin moved` : `${who}, waiting on test level 1`;
  return `${who} on test level ${playback.index + 1} of ${playback.scenes.length}`;
}

function frameCaption(scene: Scene, frame: number, playback: Playback | null, agent: Agent): string {
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

function sweepComparison(reference: CoinrunReference, agent: Agent): string {
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
