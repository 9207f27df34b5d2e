import type { EpochStats } from '@/lib/toys/simplicity';
import { formatPercent } from '../shared/format';
import { spreadLabels } from './plane-geometry';
import styles from './simplicity.module.css';

// Test accuracy per epoch on the three test sets. Lines differ by dash pattern and carry direct labels, so
// nothing depends on telling the colours apart; the numbers are also in the text next to the plot.

const WIDTH = 400;
const HEIGHT = 230;
const LEFT = 40;
const RIGHT = 128;
const TOP = 10;
const BOTTOM = 30;
const PW = WIDTH - LEFT - RIGHT;
const PH = HEIGHT - TOP - BOTTOM;

export const SERIES = [
  { key: 'iid', label: 'iid', className: 'lineIid' },
  { key: 'hardRandomized', label: 'shape randomized', className: 'lineHard' },
  { key: 'simpleRandomized', label: 'position randomized', className: 'lineSimple' },
] as const;

interface AccuracyPlotProps {
  history: readonly EpochStats[];
  epochs: number;
  idPrefix: string;
  title: string;
}

export function AccuracyPlot({ history, epochs, idPrefix, title }: AccuracyPlotProps) {
  const x = (epoch: number) => LEFT + (epochs <= 1 ? 0 : ((epoch - 1) / (epochs - 1)) * PW);
  const y = (acc: number) => TOP + (1 - acc) * PH;
  const last = history[history.length - 1];
  const labelY = last ? spreadLabels(SERIES.map((s) => y(last.test[s.key])), 24, TOP + 8, TOP + PH - 6) : [];
  const description = last
    ? `After epoch ${last.epoch} of ${epochs}: ` + SERIES.map((s) => `${s.label} ${formatPercent(last.test[s.key])}`).join(', ') + '. Chance is 50%.'
    : 'No training epochs yet.';

  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${idPrefix}-title ${idPrefix}-desc`} className={styles.plot}>
      <title id={`${idPrefix}-title`}>{title}</title>
      <desc id={`${idPrefix}-desc`}>{description}</desc>
      {[0, 0.25, 0.75, 1].map((v) => (
        <line key={v} x1={LEFT} x2={LEFT + PW} y1={y(v)} y2={y(v)} className={styles.gridLine} />
      ))}
      {[0, 0.5, 1].map((v) => (
        <text key={v} x={LEFT - 4} y={y(v)} className={styles.tick}>
          {formatPercent(v)}
        </text>
      ))}
      <line x1={LEFT} x2={LEFT + PW} y1={y(0.5)} y2={y(0.5)} className={styles.chance} />
      <text x={LEFT - 4} y={y(0.5) + 11} className={styles.chanceLabel}>
        chance
      </text>
      <text x={LEFT} y={HEIGHT - 6} className={styles.tickStart}>
        epoch 1
      </text>
      <text x={LEFT + PW} y={HEIGHT - 6} className={styles.tickEnd}>
        {epochs}
      </text>
      <rect x={LEFT} y={TOP} width={PW} height={PH} className={styles.plotFrame} />
      {SERIES.map((s, k) => {
        const points = history.map((h) => `${x(h.epoch).toFixed(1)},${y(h.test[s.key]).toFixed(1)}`).join(' ');
        const value = last ? last.test[s.key] : null;
        const end = last && value !== null ? { x: x(last.epoch), y: y(value) } : null;
        const ly = labelY[k];
        return (
          <g key={s.key}>
            {history.length > 1 && <polyline points={points} className={styles[s.className]} />}
            {history.length === 1 && end && <circle cx={end.x} cy={end.y} r={2} className={styles.dotMarker} />}
            {end && value !== null && ly !== undefined && (
              <>
                <line x1={end.x + 2} y1={end.y} x2={LEFT + PW + 4} y2={ly} className={styles.leader} />
                <line x1={LEFT + PW + 5} x2={LEFT + PW + 19} y1={ly} y2={ly} className={styles[s.className]} />
                <text x={LEFT + PW + 22} y={ly - 3} className={styles.seriesLabel}>
                  {s.label}
                </text>
                <text x={LEFT + PW + 22} y={ly + 9} className={styles.seriesValue}>
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
