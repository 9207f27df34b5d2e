'use client';
import { useId } from 'react';
import { formatCount, formatPercent } from '../shared/format';
import { useFitWidth } from '../shared/use-fit-width';
import type { ReferenceRow } from './coinrun-reference';
import styles from './coinrun.module.css';

export interface SessionRun {
  diversity: number;
  seed: number;
  episodes: number;
  coinRate: number;
  endRate: number;
  otherRate: number;
}

interface OutcomeChartProps {
  rows: readonly ReferenceRow[];
  runs: readonly SessionRun[];
  seeds: number;
  testLevels: number;
}

// One pair of 100% bars per diversity: the sweep's mean, and the learner's latest run at that diversity.
// Every row is drawn from the start (the sweep's bars, an empty slot for the learner's), so the chart
// never changes size as runs come in. Coin, end and other differ by fill pattern as well as colour, and
// the same numbers are in the table below it.

// The viewBox follows the drawn width (one unit per pixel), so the 12px labels stay 12px on a phone.
const INITIAL_WIDTH = 360;
const MIN_WIDTH = 260;
const MAX_WIDTH = 448;
const LABEL = 84;
const BAR = 20;
const GAP = 3;
const GROUP = BAR * 2 + GAP + 12;
const TOP = 4;

export function OutcomeChart({ rows, runs, seeds, testLevels }: OutcomeChartProps) {
  const id = useId();
  const [ref, width] = useFitWidth<SVGSVGElement>(INITIAL_WIDTH, MIN_WIDTH, MAX_WIDTH);
  const barWidth = width - LABEL - 8;
  const height = TOP + rows.length * GROUP;
  const hatch = `${id}-hatch`;
  const dots = `${id}-dots`;

  return (
    <figure className={styles.chart} aria-labelledby={`${id}-chart-title`}>
      <p id={`${id}-chart-title`} className={styles.chartTitle}>
        Where the agents go on test levels with the coin moved
      </p>
      <ul className={styles.chartLegend} aria-hidden="true">
        <li>
          <svg viewBox="0 0 24 14">
            <rect x={0.5} y={0.5} width={23} height={13} className={styles.segCoin} />
          </svg>
          coin
        </li>
        <li>
          <svg viewBox="0 0 24 14">
            <rect x={0.5} y={0.5} width={23} height={13} fill={`url(#${hatch})`} className={styles.segEnd} />
          </svg>
          end
        </li>
        <li>
          <svg viewBox="0 0 24 14">
            <rect x={0.5} y={0.5} width={23} height={13} fill={`url(#${dots})`} className={styles.segOther} />
          </svg>
          other
        </li>
      </ul>
      <svg
        ref={ref}
        viewBox={`0 0 ${width} ${height}`}
        className={styles.chartSvg}
        aria-hidden="true"
        focusable="false"
        data-chart="outcomes"
      >
        <defs>
          <pattern id={hatch} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width={6} height={6} className={styles.hatchBg} />
            <line x1={0} y1={0} x2={0} y2={6} className={styles.hatchLine} />
          </pattern>
          <pattern id={dots} width={5} height={5} patternUnits="userSpaceOnUse">
            <rect width={5} height={5} className={styles.dotsBg} />
            <circle cx={2.5} cy={2.5} r={0.9} className={styles.dot} />
          </pattern>
        </defs>
        {rows.map((row, i) => {
          const y = TOP + i * GROUP;
          const run = runs.find((r) => r.diversity === row.diversity);
          return (
            <g key={row.diversity}>
              <text x={0} y={y + BAR - 4} className={styles.chartDiversity}>
                {formatPercent(row.diversity)}
              </text>
              <text x={LABEL - 6} y={y + BAR - 5} className={styles.chartSource}>
                sweep
              </text>
              <StackedBar x={LABEL} y={y} width={barWidth} rates={row} hatch={hatch} dots={dots} />
              <text x={LABEL - 6} y={y + BAR * 2 + GAP - 5} className={styles.chartSource}>
                you
              </text>
              {run ? (
                <StackedBar x={LABEL} y={y + BAR + GAP} width={barWidth} rates={run} hatch={hatch} dots={dots} />
              ) : (
                <g>
                  <rect x={LABEL + 0.5} y={y + BAR + GAP + 0.5} width={barWidth - 1} height={BAR - 1} className={styles.emptySlot} />
                  <text x={LABEL + 6} y={y + BAR * 2 + GAP - 5} className={styles.emptyText}>
                    not trained yet
                  </text>
                </g>
              )}
            </g>
          );
        })}
      </svg>
      {/* The class sits on a wrapper: a table ignores the 1px width and would widen the page. */}
      <div className="visually-hidden">
        <table>
          <caption>
            Share of test levels on which the agent reached the coin, ran to the end, or neither. Sweep: mean of {seeds} seeds,
            {` ${formatCount(testLevels)}`} test levels each. You: your latest run at that setting.
          </caption>
          <thead>
            <tr>
              <th scope="col">Coin moved in training</th>
              <th scope="col">Agent</th>
              <th scope="col">Coin</th>
              <th scope="col">End</th>
              <th scope="col">Other</th>
            </tr>
          </thead>
          <tbody>
            {rows.flatMap((row) => {
              const run = runs.find((r) => r.diversity === row.diversity);
              const cells = [
                <tr key={`${row.diversity}-sweep`}>
                  <th scope="row">{formatPercent(row.diversity)}</th>
                  <td>sweep mean</td>
                  <td>{formatPercent(row.coinRate)}</td>
                  <td>{formatPercent(row.endRate)}</td>
                  <td>{formatPercent(row.otherRate)}</td>
                </tr>,
              ];
              if (run) {
                cells.push(
                  <tr key={`${row.diversity}-you`}>
                    <th scope="row">{formatPercent(row.diversity)}</th>
                    <td>
                      you (seed {run.seed}, {formatCount(run.episodes)} episodes)
                    </td>
                    <td>{formatPercent(run.coinRate)}</td>
                    <td>{formatPercent(run.endRate)}</td>
                    <td>{formatPercent(run.otherRate)}</td>
                  </tr>,
                );
              }
              return cells;
            })}
          </tbody>
        </table>
      </div>
      <figcaption className={styles.chartCaption}>
        Sweep: mean of {seeds} seeds, {formatCount(testLevels)} test levels each. You: your latest run at each setting, on the same kind of
        test levels. Percentages are printed in the bars where they fit.
      </figcaption>
    </figure>
  );
}

interface StackedBarProps {
  x: number;
  y: number;
  width: number;
  rates: { coinRate: number; endRate: number; otherRate: number };
  hatch: string;
  dots: string;
}

function StackedBar({ x, y, width, rates, hatch, dots }: StackedBarProps) {
  const segments = [
    { key: 'coin', share: rates.coinRate, className: styles.segCoin, fill: undefined, label: 'coin' },
    { key: 'end', share: rates.endRate, className: styles.segEnd, fill: `url(#${hatch})`, label: 'end' },
    { key: 'other', share: rates.otherRate, className: styles.segOther, fill: `url(#${dots})`, label: 'other' },
  ];
  let left = x;
  return (
    <g>
      {segments.map((s) => {
        const w = Math.max(0, s.share * width);
        const start = left;
        left += w;
        if (w <= 0) return null;
        const text = `${s.label} ${formatPercent(s.share)}`;
        // Only label a segment the words fit in (about 6.8 units a character at 12px bold).
        const fits = w >= text.length * 6.8 + 6;
        return (
          <g key={s.key}>
            <rect x={start} y={y} width={w} height={BAR} fill={s.fill} className={s.className} />
            {fits && (
              <text x={start + 4} y={y + BAR - 5} className={s.key === 'coin' ? styles.segTextOnSolid : styles.segText}>
                {text}
              </text>
            )}
          </g>
        );
      })}
      <rect x={x} y={y} width={width} height={BAR} className={styles.barOutline} />
    </g>
  );
}
