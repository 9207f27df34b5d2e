import sweep from '@/content/data/toys-sweep.json';
import { formatCount, formatPercent } from '../shared/format';
import { TableScroll } from '@/components/ui/table-scroll';
import styles from './toy-sweep.module.css';
import shared from '../shared/widget.module.css';

// A server component: the numbers come from the committed output of `npm run toys:sweep`, imported at
// build time, so the table is plain HTML and changes only when someone re-runs the sweep.

export function ToySweep({ toy }: { toy: 'coinrun' | 'simplicity' }) {
  const id = `toy-sweep-${toy}`;
  // The explanation sits outside the scrolling box, so a table wider than a phone never cuts it off; the
  // table keeps a short caption of its own (for screen readers) and points to the explanation.
  return (
    <figure className={styles.figure}>
      <figcaption id={`${id}-about`} className={styles.about}>
        {toy === 'coinrun' ? <CoinrunAbout /> : <SimplicityAbout />}
      </figcaption>
      <TableScroll labelledBy={`${id}-caption`} frameClassName={shared.tableFrame}>
        {toy === 'coinrun' ? <CoinrunSweep id={id} /> : <SimplicitySweep id={id} />}
      </TableScroll>
    </figure>
  );
}

function CoinrunAbout() {
  const { seeds, config } = sweep.coinrun;
  return (
    <>
      Output of <code>npm run toys:sweep</code> for the CoinRun-style gridworld: {seeds.length} seeds per setting, each trained for{' '}
      {formatCount(config.train.episodes)} episodes and tested on {formatCount(config.test.levels)} new levels with the coin off the
      go-right path. <em>Coin</em>: reached the coin; <em>end</em>: reached the right-hand end without it; <em>other</em>: neither within{' '}
      {config.train.maxSteps} steps. <em>Skill check</em>: coin rate on the same test layouts with the coin put back at the end. Means over
      seeds, then each seed&apos;s coin rate.
    </>
  );
}

function SimplicityAbout() {
  const { seeds, config } = sweep.simplicity;
  return (
    <>
      Output of <code>npm run toys:sweep</code> for the simplicity-bias toy: {seeds.length} seeds per setting, a network with{' '}
      {config.hidden} hidden units trained for {config.epochs} epochs on {formatCount(config.trainSize)} points, then tested on{' '}
      {formatCount(config.testSize)} points per test set. <em>Position randomized</em> breaks the simple feature&apos;s link to the label,{' '}
      <em>shape randomized</em> the hard one&apos;s. Chance is 50%. Means over seeds.
    </>
  );
}

function CoinrunSweep({ id }: { id: string }) {
  const { seeds, results } = sweep.coinrun;
  return (
    <table className={`${shared.table} ${styles.table}`} aria-describedby={`${id}-about`}>
      <caption id={`${id}-caption`} className="visually-hidden">
        CoinRun sweep: where agents go on test levels with the coin moved
      </caption>
      <thead>
        <tr>
          <th scope="col">Coin moved in training</th>
          <th scope="col">Coin</th>
          <th scope="col">End</th>
          <th scope="col">Other</th>
          <th scope="col">Skill check</th>
          {seeds.map((seed) => (
            <th scope="col" key={seed}>
              <span className="visually-hidden">Coin rate, </span>seed {seed}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {results.map((row) => (
          <tr key={row.diversity}>
            <th scope="row">{formatPercent(row.diversity)} of levels</th>
            <td>{formatPercent(row.mean.coinRate)}</td>
            <td>{formatPercent(row.mean.endRate)}</td>
            <td>{formatPercent(row.mean.otherRate)}</td>
            <td>{formatPercent(row.mean.trainingLikeCoinRate)}</td>
            {row.perSeed.map((run) => (
              <td key={run.seed} className={styles.seed}>
                {formatPercent(run.coinRate)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SimplicitySweep({ id }: { id: string }) {
  const { results } = sweep.simplicity;
  return (
    <table className={`${shared.table} ${styles.table}`} aria-describedby={`${id}-about`}>
      <caption id={`${id}-caption`} className="visually-hidden">
        Simplicity sweep: test accuracy by how often position disagrees in training
      </caption>
      <thead>
        <tr>
          <th scope="col">Training points where position disagrees</th>
          <th scope="col">Training accuracy</th>
          <th scope="col">Test: iid</th>
          <th scope="col">Test: position randomized</th>
          <th scope="col">Test: shape randomized</th>
        </tr>
      </thead>
      <tbody>
        {results.map((row) => {
          const train = row.perSeed.reduce((sum, run) => sum + run.trainAccuracy, 0) / Math.max(1, row.perSeed.length);
          return (
            <tr key={row.disagreement}>
              <th scope="row">{formatPercent(row.disagreement)}</th>
              <td>{formatPercent(train)}</td>
              <td>{formatPercent(row.mean.iid)}</td>
              <td>{formatPercent(row.mean.simpleRandomized)}</td>
              <td>{formatPercent(row.mean.hardRandomized)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
