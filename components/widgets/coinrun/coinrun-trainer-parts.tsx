import type { Dispatch } from 'react';
import { formatCount, formatPercent } from '../shared/format';
import shared from '../shared/widget.module.css';
import type { CoinrunReference } from './coinrun-reference';
import { countOutcomes, sweepComparison, type Agent } from './coinrun-trainer-text';
import { isFinished, type Playback, type PlaybackAction } from './use-playback';
import styles from './coinrun.module.css';

/** Test levels animated per run; the chart uses the full evaluation the worker runs. */
export const PLAYBACK_LEVELS = 12;

/** Run, pause or resume, skip; then step through the levels once the results are in. */
export function PlaybackControls({
  playback,
  dispatch,
  onRun,
  onSkip,
  disabled,
}: {
  playback: Playback | null;
  dispatch: Dispatch<PlaybackAction>;
  onRun(): void;
  /** Jumps to the results (and says them). */
  onSkip(): void;
  disabled: boolean;
}) {
  const finished = isFinished(playback);
  const paused = playback !== null && !playback.playing && !finished;
  return (
    <div className={styles.playback} role="group" aria-label="Test levels">
      <div className={shared.actions}>
        <button type="button" className="button button--ghost" onClick={onRun} disabled={disabled}>
          Run on test levels
        </button>
        {paused ? (
          <button type="button" className="button button--ghost" onClick={() => dispatch({ type: 'resume' })}>
            Resume
          </button>
        ) : (
          <button type="button" className="button button--ghost" onClick={() => dispatch({ type: 'pause' })} disabled={!playback?.playing}>
            Pause
          </button>
        )}
        <button type="button" className="button button--ghost" onClick={onSkip} disabled={!playback || finished}>
          Skip to results
        </button>
      </div>
      <div className={shared.actions}>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => playback && dispatch({ type: 'show', index: playback.index - 1 })}
          disabled={!finished || playback.index === 0}
        >
          Previous level
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => playback && dispatch({ type: 'show', index: playback.index + 1 })}
          disabled={!finished || playback.index === playback.scenes.length - 1}
        >
          Next level
        </button>
      </div>
    </div>
  );
}

/** Coin, end and other over the levels shown so far. */
export function Tally({ playback }: { playback: Playback | null }) {
  const tally = countOutcomes(playback ? playback.scenes.slice(0, playback.revealed) : []);
  return (
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
  );
}

/** Which agent is loaded, how it was trained, how it did, and how that compares with the sweep. */
export function AgentSummary({ agent, reference }: { agent: Agent; reference: CoinrunReference }) {
  return (
    <div className={styles.agentSummary}>
      <p>
        <strong>{agent.source === 'sweep' ? 'Loaded: the sweep’s agent.' : 'Loaded: your agent.'}</strong> Coin moved in{' '}
        {formatPercent(agent.diversity)} of {formatCount(agent.episodes)} training levels, seed {agent.seed}. On{' '}
        {formatCount(agent.testLevels)} test levels with the coin moved: coin {formatPercent(agent.coinRate)}, end{' '}
        {formatPercent(agent.endRate)}, other {formatPercent(agent.otherRate)}.
      </p>
      <p className={shared.hint}>{sweepComparison(reference, agent)}</p>
    </div>
  );
}
