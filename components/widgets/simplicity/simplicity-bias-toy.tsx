import { formatPercent } from '../shared/format';
import shared from '../shared/widget.module.css';
import { AccuracyPlot } from './accuracy-plot';
import { PlaneLegend, PlaneSvg, describePlane } from './plane-svg';
import { getSimplicityReference } from './simplicity-reference';
import { SimplicityLoader } from './simplicity-loader';
import { readingOf, summarize } from './simplicity-text';
import styles from './simplicity.module.css';

/** Chapter 1's simplicity-bias toy. The server draws a real trained network (its boundary over the data and
 *  its test curves) as plain SVG; the trainer loads behind a button. */
export function SimplicityBiasToy() {
  const reference = getSimplicityReference();
  const { outcome } = reference;
  const mean = reference.rows.find((r) => r.disagreement === 0);
  return (
    <section className={shared.widget} aria-label="Simplicity-bias toy">
      <SimplicityLoader reference={reference}>
        {/* Same height as the trainer's title, so the pictures stay put when the trainer replaces them. */}
        <p className={shared.panelTitle}>What the network learned</p>
        <div className={styles.pictures}>
          <figure className={shared.figure}>
            <PlaneSvg
              scene={outcome.plane}
              idPrefix="simplicity-static-plane"
              title="Training data with both features agreeing, and the trained network's decision boundary"
              description={describePlane(outcome.plane)}
            />
            <figcaption className={shared.caption}>
              <PlaneLegend />
              <strong>Both features predict the label, and the network draws its line along position.</strong> Each point&apos;s class is
              given by which side it is on and, equally, by its shape slab.
            </figcaption>
          </figure>
          <figure className={shared.figure}>
            <AccuracyPlot
              history={outcome.history}
              epochs={outcome.config.epochs}
              idPrefix="simplicity-static-plot"
              title="Test accuracy per epoch on the three test sets"
            />
            <figcaption className={shared.caption}>
              Test accuracy per epoch. Solid line with circles: iid. Dotted with squares: shape randomized. Dashed with triangles: position
              randomized.
            </figcaption>
          </figure>
        </div>
        <p className={styles.summary}>
          {summarize(outcome)} {readingOf(outcome.final)}
          {mean && (
            <>
              {' '}
              The sweep&apos;s mean over {reference.seeds.length} seeds: position randomized {formatPercent(mean.simpleRandomized)}, shape
              randomized {formatPercent(mean.hardRandomized)}.
            </>
          )}
        </p>
      </SimplicityLoader>
    </section>
  );
}
