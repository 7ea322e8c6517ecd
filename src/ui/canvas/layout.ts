export interface Point {
  x: number;
  y: number;
}

/** Node box size in flow units; the org node's CSS uses the same numbers. */
export const NODE_W = 240;
export const NODE_H = 150;

/**
 * Where each org sits: one in the middle, two side by side, more on a circle (starting at
 * the top, clockwise), far enough apart that the edges between them stay visible.
 */
export function layoutOrgs(ids: readonly string[]): Map<string, Point> {
  const out = new Map<string, Point>();
  const n = ids.length;
  if (n === 1) out.set(ids[0]!, { x: 0, y: 0 });
  else if (n === 2) {
    out.set(ids[0]!, { x: 0, y: 0 });
    out.set(ids[1]!, { x: NODE_W + 260, y: 0 });
  } else if (n > 2) {
    const radius = Math.max(320, (n * (NODE_W + 80)) / (2 * Math.PI));
    ids.forEach((id, i) => {
      const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
      out.set(id, {
        x: Math.round(radius * Math.cos(a) - NODE_W / 2),
        y: Math.round(radius * Math.sin(a) - NODE_H / 2),
      });
    });
  }
  return out;
}
