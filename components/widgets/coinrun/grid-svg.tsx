import type { Level, Pos } from '@/lib/toys/coinrun';
import styles from './coinrun.module.css';
import shared from '../shared/widget.module.css';

// A plain, hook-free SVG of one level, so the server can render the static picture and the client the
// animation frames with the same drawing. Agent, coin, exit and walls differ in shape and letter, not
// only in colour.

const CELL = 40;

interface GridSvgProps {
  level: Level;
  /** Cells visited so far, from the start; the last one is where the agent is drawn. */
  path: readonly Pos[];
  /** Prefix for the ids inside this SVG (title, description, arrow marker); unique on the page. */
  idPrefix: string;
  title: string;
  description: string;
}

const centre = (p: Pos) => ({ x: p.x * CELL + CELL / 2, y: p.y * CELL + CELL / 2 });

export function GridSvg({ level, path, idPrefix, title, description }: GridSvgProps) {
  const width = level.width * CELL;
  const height = level.height * CELL;
  const agent = path[path.length - 1] ?? level.start;
  const coinTaken = agent.x === level.coin.x && agent.y === level.coin.y;
  const walls: Pos[] = [];
  for (let y = 0; y < level.height; y += 1) {
    for (let x = 0; x < level.width; x += 1) if (level.walls[y * level.width + x] === 1) walls.push({ x, y });
  }
  const points = path.map((p) => {
    const c = centre(p);
    return `${c.x},${c.y}`;
  });
  const coin = centre(level.coin);
  const agentCentre = centre(agent);
  const start = level.start;

  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${idPrefix}-title ${idPrefix}-desc`} className={styles.grid}>
      <title id={`${idPrefix}-title`}>{title}</title>
      <desc id={`${idPrefix}-desc`}>{description}</desc>
      <defs>
        <marker id={`${idPrefix}-arrow`} viewBox="0 0 10 10" refX="7" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className={styles.arrowHead} />
        </marker>
      </defs>
      <rect x={0} y={0} width={width} height={height} className={styles.floor} />
      {Array.from({ length: level.width - 1 }, (_, i) => (
        <line key={`v${i}`} x1={(i + 1) * CELL} y1={0} x2={(i + 1) * CELL} y2={height} className={styles.gridLine} />
      ))}
      {Array.from({ length: level.height - 1 }, (_, i) => (
        <line key={`h${i}`} x1={0} y1={(i + 1) * CELL} x2={width} y2={(i + 1) * CELL} className={styles.gridLine} />
      ))}
      {walls.map((w) => (
        <g key={`w${w.x},${w.y}`}>
          <rect x={w.x * CELL} y={w.y * CELL} width={CELL} height={CELL} className={styles.wall} />
          <path
            d={`M${w.x * CELL + 8},${w.y * CELL + CELL - 8} L${w.x * CELL + CELL - 8},${w.y * CELL + 8}`}
            className={styles.wallHatch}
          />
        </g>
      ))}
      <rect x={level.exit.x * CELL + 3} y={level.exit.y * CELL + 3} width={CELL - 6} height={CELL - 6} rx={4} className={styles.exit} />
      <text x={level.exit.x * CELL + CELL / 2} y={level.exit.y * CELL + CELL / 2} className={styles.exitLetter}>
        E
      </text>
      {(agent.x !== start.x || agent.y !== start.y) && (
        <text x={start.x * CELL + CELL / 2} y={start.y * CELL + CELL / 2} className={styles.startLetter}>
          S
        </text>
      )}
      {points.length > 1 && <polyline points={points.join(' ')} className={styles.path} markerEnd={`url(#${idPrefix}-arrow)`} />}
      {!coinTaken && (
        <g className={styles.coin}>
          <circle cx={coin.x} cy={coin.y} r={14} />
          <text x={coin.x} y={coin.y}>
            C
          </text>
        </g>
      )}
      <g className={styles.agent}>
        <rect x={agentCentre.x - 14} y={agentCentre.y - 14} width={28} height={28} rx={6} />
        <text x={agentCentre.x} y={agentCentre.y}>
          A
        </text>
      </g>
      {coinTaken && (
        <text x={coin.x + 13} y={coin.y - 13} className={styles.taken}>
          ✓
        </text>
      )}
    </svg>
  );
}

/** The key under every grid picture: the same shapes, in words. */
export function GridLegend() {
  return (
    <ul className={`${shared.key} ${styles.gridLegend}`} aria-label="Key">
      <li>
        <svg viewBox="0 0 20 20" aria-hidden="true">
          <g className={styles.agent}>
            <rect x={1} y={1} width={18} height={18} rx={4} />
            <text x={10} y={10.5} fontSize={13}>
              A
            </text>
          </g>
        </svg>
        agent
      </li>
      <li>
        <svg viewBox="0 0 20 20" aria-hidden="true">
          <g className={styles.coin}>
            <circle cx={10} cy={10} r={9} />
            <text x={10} y={10.5} fontSize={13}>
              C
            </text>
          </g>
        </svg>
        coin
      </li>
      <li>
        <svg viewBox="0 0 20 20" aria-hidden="true">
          <rect x={1} y={1} width={18} height={18} rx={3} className={styles.exit} />
          <text x={10} y={10.5} fontSize={13} className={styles.exitLetter}>
            E
          </text>
        </svg>
        exit (where the coin was in training)
      </li>
      <li>
        <svg viewBox="0 0 20 20" aria-hidden="true">
          <rect x={0} y={0} width={20} height={20} className={styles.wall} />
          <path d="M4,16 L16,4" className={styles.wallHatch} />
        </svg>
        wall
      </li>
      <li>
        <svg viewBox="0 0 28 20" aria-hidden="true">
          <line x1={2} y1={10} x2={26} y2={10} className={styles.path} />
        </svg>
        agent&apos;s path
      </li>
    </ul>
  );
}
