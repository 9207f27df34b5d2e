// Geometry for drawing a decision boundary from a decisionGrid: the p = 0.5 contour (marching squares)
// and the class-A region as horizontal strips, both in data coordinates [-1, 1]^2.

export type Segment = readonly [number, number, number, number];
export interface Strip {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

const coord = (i: number, resolution: number) => (resolution === 1 ? 0 : -1 + (2 * i) / (resolution - 1));

/** Line segments (x1, y1, x2, y2) of the level set grid = level, by marching squares with linear
 *  interpolation along cell edges. Saddle cells are split by the cell's mean value. */
export function contourSegments(grid: readonly number[], resolution: number, level = 0.5): Segment[] {
  const at = (c: number, r: number) => (grid[r * resolution + c] ?? level) - level;
  const segments: Segment[] = [];
  for (let r = 0; r < resolution - 1; r += 1) {
    for (let c = 0; c < resolution - 1; c += 1) {
      // Corners counter-clockwise from bottom-left (rows rise with shape, the y axis).
      const v = [at(c, r), at(c + 1, r), at(c + 1, r + 1), at(c, r + 1)] as const;
      const corners = [
        [c, r],
        [c + 1, r],
        [c + 1, r + 1],
        [c, r + 1],
      ] as const;
      const crossings: [number, number][] = [];
      for (let e = 0; e < 4; e += 1) {
        const a = v[e] as number;
        const b = v[(e + 1) % 4] as number;
        if (a >= 0 === b >= 0) continue;
        const t = a / (a - b);
        const [ca, ra] = corners[e] as readonly [number, number];
        const [cb, rb] = corners[(e + 1) % 4] as readonly [number, number];
        crossings.push([coord(ca + t * (cb - ca), resolution), coord(ra + t * (rb - ra), resolution)]);
      }
      if (crossings.length === 2) {
        const [p, q] = crossings as [[number, number], [number, number]];
        segments.push([p[0], p[1], q[0], q[1]]);
      } else if (crossings.length === 4) {
        const [p, q, s, u] = crossings as [[number, number], [number, number], [number, number], [number, number]];
        const centre = (v[0] + v[1] + v[2] + v[3]) / 4;
        // Pair the crossings so the segments go around the corners whose sign differs from the centre.
        if (centre >= 0 === v[0] >= 0) {
          segments.push([p[0], p[1], q[0], q[1]], [s[0], s[1], u[0], u[1]]);
        } else {
          segments.push([u[0], u[1], p[0], p[1]], [q[0], q[1], s[0], s[1]]);
        }
      }
    }
  }
  return segments;
}

/** The region where the grid is at least `level`, as one strip per run of cells in a row. A few dozen
 *  rectangles rather than resolution^2, so the server HTML stays small. */
export function regionStrips(grid: readonly number[], resolution: number, level = 0.5): Strip[] {
  const half = resolution === 1 ? 1 : 1 / (resolution - 1);
  const clamp = (x: number) => Math.max(-1, Math.min(1, x));
  const strips: Strip[] = [];
  for (let r = 0; r < resolution; r += 1) {
    let runStart = -1;
    for (let c = 0; c <= resolution; c += 1) {
      const inside = c < resolution && (grid[r * resolution + c] ?? 0) >= level;
      if (inside && runStart < 0) runStart = c;
      if (!inside && runStart >= 0) {
        const y = coord(r, resolution);
        strips.push({
          x0: clamp(coord(runStart, resolution) - half),
          x1: clamp(coord(c - 1, resolution) + half),
          y0: clamp(y - half),
          y1: clamp(y + half),
        });
        runStart = -1;
      }
    }
  }
  return strips;
}

/** Spreads label positions (sorted or not) so that neighbours are at least `gap` apart, staying within
 *  [min, max] where possible. Returns the new positions in the input order. */
export function spreadLabels(positions: readonly number[], gap: number, min: number, max: number): number[] {
  const order = positions.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const placed = order.map((o) => o.p);
  for (let k = 1; k < placed.length; k += 1) placed[k] = Math.max(placed[k] as number, (placed[k - 1] as number) + gap);
  const overflow = (placed[placed.length - 1] ?? max) - max;
  if (overflow > 0) for (let k = 0; k < placed.length; k += 1) placed[k] = (placed[k] as number) - overflow;
  for (let k = placed.length - 2; k >= 0; k -= 1) placed[k] = Math.min(placed[k] as number, (placed[k + 1] as number) - gap);
  if ((placed[0] ?? min) < min) {
    const shift = min - (placed[0] as number);
    for (let k = 0; k < placed.length; k += 1) placed[k] = (placed[k] as number) + shift;
  }
  const out = new Array<number>(positions.length);
  order.forEach((o, k) => {
    out[o.i] = placed[k] as number;
  });
  return out;
}
