import { shapeLabel } from '@/lib/toys/simplicity';
import { contourSegments, regionStrips } from './plane-geometry';
import type { PlaneScene } from './simplicity-scene';
import styles from './simplicity.module.css';
import shared from '../shared/widget.module.css';

// The two features as a plane: position (simple) across, shape (hard) up, with the shape slabs as bands,
// a sample of training points (class A a filled dot, class B a cross), the region the model calls A
// shaded, and its decision boundary as a heavy line. Hook-free, so the server can draw it.

const PLOT = 300;
const LEFT = 34;
const TOP = 8;
// The plane is drawn at 290 to 416 pixels wide (it scales with the page), so its 14-unit labels stay at 12px or more.
const BOTTOM = 42;
const RIGHT = 10;
const PLANE_WIDTH = LEFT + PLOT + RIGHT;
const PLANE_HEIGHT = TOP + PLOT + BOTTOM;

const px = (x: number) => LEFT + ((x + 1) / 2) * PLOT;
const py = (y: number) => TOP + (1 - (y + 1) / 2) * PLOT;

interface PlaneSvgProps {
  scene: PlaneScene;
  idPrefix: string;
  title: string;
  description: string;
}

export function PlaneSvg({ scene, idPrefix, title, description }: PlaneSvgProps) {
  const bandHeight = PLOT / scene.slabs;
  const strips = regionStrips(scene.grid, scene.resolution);
  const boundary = contourSegments(scene.grid, scene.resolution)
    .map(([x1, y1, x2, y2]) => `M${px(x1).toFixed(1)},${py(y1).toFixed(1)}L${px(x2).toFixed(1)},${py(y2).toFixed(1)}`)
    .join('');

  return (
    <svg
      viewBox={`0 0 ${PLANE_WIDTH} ${PLANE_HEIGHT}`}
      role="img"
      aria-labelledby={`${idPrefix}-title ${idPrefix}-desc`}
      className={styles.plane}
      data-chart="plane"
    >
      <title id={`${idPrefix}-title`}>{title}</title>
      <desc id={`${idPrefix}-desc`}>{description}</desc>
      {Array.from({ length: scene.slabs }, (_, j) => {
        // j counts slabs from the bottom; shapeLabel gives each slab's class.
        const label = shapeLabel(-1 + ((j + 0.5) * 2) / scene.slabs, scene.slabs);
        const y = TOP + PLOT - (j + 1) * bandHeight;
        return (
          <g key={j}>
            <rect x={LEFT} y={y} width={PLOT} height={bandHeight} className={label === 1 ? styles.bandA : styles.bandB} />
            <text x={LEFT - 8} y={y + bandHeight / 2} className={styles.bandLabel}>
              {label === 1 ? 'A' : 'B'}
            </text>
          </g>
        );
      })}
      {strips.map((s, i) => (
        <rect key={i} x={px(s.x0)} y={py(s.y1)} width={px(s.x1) - px(s.x0)} height={py(s.y0) - py(s.y1)} className={styles.regionA} />
      ))}
      <line x1={px(0)} y1={TOP} x2={px(0)} y2={TOP + PLOT} className={styles.midline} />
      {scene.points.map((p, i) =>
        scene.labels[i] === 1 ? (
          <circle key={i} cx={px(p[0])} cy={py(p[1])} r={3.4} className={styles.pointA} />
        ) : (
          <path
            key={i}
            d={`M${px(p[0]) - 3.2},${py(p[1]) - 3.2}l6.4,6.4M${px(p[0]) - 3.2},${py(p[1]) + 3.2}l6.4,-6.4`}
            className={styles.pointB}
          />
        ),
      )}
      {boundary && <path d={boundary} className={styles.boundary} />}
      <rect x={LEFT} y={TOP} width={PLOT} height={PLOT} className={styles.frame} />
      <text x={LEFT} y={TOP + PLOT + 16} className={styles.axisEnd}>
        ← B
      </text>
      <text x={LEFT + PLOT} y={TOP + PLOT + 16} className={`${styles.axisEnd} ${styles.axisEndRight}`}>
        A →
      </text>
      <text x={LEFT + PLOT / 2} y={TOP + PLOT + 36} className={styles.axisTitle}>
        position (simple feature)
      </text>
      <text x={10} y={TOP + PLOT / 2} className={styles.axisTitle} transform={`rotate(-90 10 ${TOP + PLOT / 2})`}>
        shape (hard feature): slabs
      </text>
    </svg>
  );
}

export function PlaneLegend() {
  return (
    <ul className={`${shared.key} ${styles.legend}`} aria-label="Key">
      <li>
        <svg viewBox="0 0 14 14" aria-hidden="true">
          <circle cx={7} cy={7} r={4} className={styles.pointA} />
        </svg>
        class A point
      </li>
      <li>
        <svg viewBox="0 0 14 14" aria-hidden="true">
          <path d="M3,3l8,8M3,11l8,-8" className={styles.pointB} />
        </svg>
        class B point
      </li>
      <li>
        <svg viewBox="0 0 24 14" aria-hidden="true">
          <line x1={1} y1={7} x2={23} y2={7} className={styles.boundary} />
        </svg>
        model&apos;s decision boundary
      </li>
      <li>
        <svg viewBox="0 0 14 14" aria-hidden="true">
          <rect x={1} y={1} width={12} height={12} className={styles.regionA} />
          <rect x={1} y={1} width={12} height={12} className={styles.frame} />
        </svg>
        model says A
      </li>
      <li>
        <svg viewBox="0 0 14 14" aria-hidden="true">
          <rect x={1} y={1} width={12} height={12} className={styles.bandA} />
          <rect x={1} y={1} width={12} height={12} className={styles.frame} />
        </svg>
        shape slab of class A
      </li>
    </ul>
  );
}

/** In words, what the boundary follows: where the model's answer flips along each axis. */
export function describePlane(scene: PlaneScene): string {
  const { grid, resolution } = scene;
  // Count flips of the predicted class along rows (varying position) and along columns (varying shape).
  let rowFlips = 0;
  let colFlips = 0;
  for (let r = 0; r < resolution; r += 1) {
    for (let c = 1; c < resolution; c += 1) {
      if ((grid[r * resolution + c] ?? 0) >= 0.5 !== (grid[r * resolution + c - 1] ?? 0) >= 0.5) rowFlips += 1;
    }
  }
  for (let c = 0; c < resolution; c += 1) {
    for (let r = 1; r < resolution; r += 1) {
      if ((grid[r * resolution + c] ?? 0) >= 0.5 !== (grid[(r - 1) * resolution + c] ?? 0) >= 0.5) colFlips += 1;
    }
  }
  const perRow = rowFlips / resolution;
  const perColumn = colFlips / resolution;
  const layout =
    `A square plot: position runs left to right, shape bottom to top, with ${scene.slabs} horizontal shape slabs alternating ` +
    `A, B, A from the bottom. Class A points sit on the right and in the A slabs, class B points on the left and in the B slabs.`;
  let boundary: string;
  if (perColumn < 0.5 && perRow >= 0.5) {
    boundary = 'The decision boundary is close to a single vertical cut across position; it ignores the slabs.';
  } else if (perColumn >= scene.slabs - 1.5) {
    boundary = 'The decision boundary follows the slabs: the answer flips at each slab edge, so the model uses shape.';
  } else {
    boundary = `The decision boundary mixes the two: going up a column the answer flips about ${perColumn.toFixed(1)} times (following every slab would take ${scene.slabs - 1}).`;
  }
  return `${layout} ${boundary}`;
}
