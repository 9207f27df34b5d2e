'use client';
import type { EpochStats } from '@/lib/toys/simplicity';
import { formatPercent } from '../shared/format';
import { useFitWidth } from '../shared/use-fit-width';
import { spreadLabels } from './plane-geometry';
import styles from './simplicity.module.css';

// Test accuracy per epoch on the three test sets. Each line has its own dash pattern and its own marker shape, and
// carries a direct label, so nothing depends on telling the colours apart. Where two lines lie on top of each other
// (all three at 100% for many epochs), their markers alternate along the shared stretch, so each stays visible.
// The viewBox follows the drawn width (one unit per pixel), so the labels keep their size on a phone.

const INITIAL_WIDTH = 400;
const MIN_WIDTH = 280;
const MAX_WIDTH = 560;
const HEIGHT = 230;
const LEFT = 52;
const RIGHT = 154;
const TOP = 10;
const BOTTOM = 30;
const PH = HEIGHT - TOP - BOTTOM;
/** Markers per series along a full run; the three series take turns. */
const MARKS = 10;

const SERIES = [
  { key: 'iid', label: 'iid', className: 'lineIid', marker: 'circle' },
  { key: 'hardRandomized', label: 'shape randomized', className: 'lineHard', marker: 'square' },
  { key: 'simpleRandomized', label: 'position randomized', className: 'lineSimple', marker: 'triangle' },
] as const;

type MarkerShape = (typeof SERIES)[number]['marker'];

interface AccuracyPlotProps {
  history: readonly EpochStats[];
  epochs: number;
  idPrefix: string;
  title: string;
}

function Marker({ shape, x, y }: { shape: MarkerShape; x: number; y: number }) {
  if (shape === 'circle') return <circle cx={x} cy={y} r={3.6} className={styles.markCircle} />;
  if (shape === 'square') return <rect x={x - 3.4} y={y - 3.4} width={6.8} height={6.8} className={styles.markSquare} />;
  return <path d={`M${x},${y - 4.6}L${x + 4.4},${y + 3.2}L${x - 4.4},${y + 3.2}Z`} className={styles.markTriangle} />;
}

export function AccuracyPlot({ history, epochs, idPrefix, title }: AccuracyPlotProps) {
  const [ref, width] = useFitWidth<SVGSVGElement>(INITIAL_WIDTH, MIN_WIDTH, MAX_WIDTH);
  const pw = width - LEFT - RIGHT;
  const x = (epoch: number) => LEFT + (epochs <= 1 ? 0 : ((epoch - 1) / (epochs - 1)) * pw);
  const y = (acc: number) => TOP + (1 - acc) * PH;
  const last = history[history.length - 1];
  const labelY = last
    ? spreadLabels(
        SERIES.map((s) => y(last.test[s.key])),
        33,
        TOP + 8,
        TOP + PH - 12,
      )
    : [];
  const description = last
    ? `After epoch ${last.epoch} of ${epochs}: ` +
      SERIES.map((s) => `${s.label} ${formatPercent(last.test[s.key])}`).join(', ') +
      '. Chance is 50%.'
    : 'No training epochs yet.';
  const step = Math.max(3, Math.round(epochs / MARKS / 3) * 3);

  return (
    <svg
      ref={ref}
      viewBox={`0 0 ${width} ${HEIGHT}`}
      style={{ aspectRatio: `${width} / ${HEIGHT}` }}
      role="img"
      aria-labelledby={`${idPrefix}-title ${idPrefix}-desc`}
      className={styles.plot}
      data-chart="accuracy"
    >
      <title id={`${idPrefix}-title`}>{title}</title>
      <desc id={`${idPrefix}-desc`}>{description}</desc>
      {[0, 0.25, 0.75, 1].map((v) => (
        <line key={v} x1={LEFT} x2={LEFT + pw} y1={y(v)} y2={y(v)} className={styles.gridLine} />
      ))}
      {[0, 0.5, 1].map((v) => (
        <text key={v} x={LEFT - 4} y={y(v)} className={styles.tick}>
          {formatPercent(v)}
        </text>
      ))}
      <line x1={LEFT} x2={LEFT + pw} y1={y(0.5)} y2={y(0.5)} className={styles.chance} />
      <text x={LEFT - 4} y={y(0.5) + 14} className={styles.chanceLabel}>
        chance
      </text>
      <text x={LEFT} y={HEIGHT - 6} className={styles.tickStart}>
        epoch 1
      </text>
      <text x={LEFT + pw} y={HEIGHT - 6} className={styles.tickEnd}>
        {epochs}
      </text>
      <rect x={LEFT} y={TOP} width={pw} height={PH} className={styles.plotFrame} />
      {SERIES.map((s, k) => {
        const points = history.map((h) => `${x(h.epoch).toFixed(1)},${y(h.test[s.key]).toFixed(1)}`).join(' ');
        const value = last ? last.test[s.key] : null;
        const end = last && value !== null ? { x: x(last.epoch), y: y(value) } : null;
        const ly = labelY[k];
        // This series' markers: every `step` epochs, offset by a third of a step per series so that they alternate.
        const marks = history.filter((h) => (h.epoch - 1) % step === Math.round((k * step) / 3));
        return (
          <g key={s.key} data-series={s.key} data-marker={s.marker}>
            {history.length > 1 && <polyline points={points} className={styles[s.className]} />}
            {marks.map((h) => (
              <Marker key={h.epoch} shape={s.marker} x={x(h.epoch)} y={y(h.test[s.key])} />
            ))}
            {end && <Marker shape={s.marker} x={end.x} y={end.y} />}
            {end && value !== null && ly !== undefined && (
              <>
                <line x1={end.x + 4} y1={end.y} x2={LEFT + pw + 6} y2={ly} className={styles.leader} />
                <line x1={LEFT + pw + 7} x2={LEFT + pw + 27} y1={ly} y2={ly} className={styles[s.className]} />
                <Marker shape={s.marker} x={LEFT + pw + 17} y={ly} />
                <text x={LEFT + pw + 31} y={ly - 3} className={styles.seriesLabel}>
                  {s.label}
                </text>
                <text x={LEFT + pw + 31} y={ly + 12} className={styles.seriesValue}>
                  {formatPercent(value)}
                </text>
              </>
            )}
          </g>
        );
      })}
    </svg>
  );
}
