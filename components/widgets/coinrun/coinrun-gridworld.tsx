import { formatCount, formatPercent } from '../shared/format';
import shared from '../shared/widget.module.css';
import { CoinRunLoader } from './coinrun-loader';
import { getCoinrunReference } from './coinrun-reference';
import { describeScene } from './coinrun-scene';
import { GridLegend, GridSvg } from './grid-svg';

/** Chapter 3's gridworld. The server draws a real trained agent on a test level (plain SVG, no script);
 *  the trainer loads behind a button. */
export function CoinRunGridworld() {
  const reference = getCoinrunReference();
  const { agent, scene } = reference;
  const description = describeScene(scene);
  return (
    <section className={shared.widget} aria-label="CoinRun gridworld">
      <CoinRunLoader reference={reference}>
        {/* Same height as the trainer's title, so the picture stays put when the trainer replaces it. */}
        <p className={shared.panelTitle}>The agent on a new level</p>
        <figure className={shared.figure}>
          <GridSvg
            level={scene.level}
            path={scene.path}
            idPrefix="coinrun-static"
            title="An agent trained with the coin always at the exit, on a test level where the coin has moved"
            description={description}
          />
          <figcaption className={shared.caption}>
            <GridLegend />
            <strong>Trained with the coin always at the exit, it runs to the exit anyway.</strong> On this new level the coin (C) sits in
            the open, {scene.closest} {scene.closest === 1 ? 'cell' : 'cells'} from the agent&apos;s route; the agent (A) reaches the
            right-hand end in {scene.steps} steps and never touches it. This is a real agent from the course&apos;s sweep (coin moved in{' '}
            {formatPercent(agent.diversity)} of {formatCount(agent.episodes)} training levels, seed {agent.seed}). Across{' '}
            {formatCount(reference.testLevels)} such test levels it reached the coin on {formatPercent(agent.coinRate)} and ran to the end
            on {formatPercent(agent.endRate)}.
          </figcaption>
        </figure>
      </CoinRunLoader>
    </section>
  );
}
