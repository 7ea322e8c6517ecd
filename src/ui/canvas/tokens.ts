import type { Point } from './layout.ts';

/**
 * Sideways shift (px at zoom 1) of each direction to the right of its travel, so A→B and B→A
 * draw apart; the edges and the tokens use the same lane.
 */
export const LANE = 9;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Segment {
  from: Point;
  to: Point;
  /** Unit vector from → to. */
  dir: Point;
}

/** How far along its trip a message is: 0 when sent, 1 when due (clamped). */
export function progress(now: number, sentAt: number, dueAt: number): number {
  if (dueAt <= sentAt) return 1;
  return Math.min(1, Math.max(0, (now - sentAt) / (dueAt - sentAt)));
}

function center(r: Rect): Point {
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}

/** Distance from a box's centre to its border along a unit direction. */
function exitDistance(r: Rect, dir: Point): number {
  const tx = dir.x === 0 ? Infinity : r.w / 2 / Math.abs(dir.x);
  const ty = dir.y === 0 ? Infinity : r.h / 2 / Math.abs(dir.y);
  return Math.min(tx, ty);
}

/**
 * The visible part of the line between two node boxes (border to border), shifted sideways by
 * `lane` pixels so the two directions of one connection do not draw on top of each other.
 */
export function segmentBetween(a: Rect, b: Rect, lane: number): Segment | null {
  const ca = center(a);
  const cb = center(b);
  const dx = cb.x - ca.x;
  const dy = cb.y - ca.y;
  const len = Math.hypot(dx, dy);
  if (len < 1) return null;
  const dir = { x: dx / len, y: dy / len };
  const normal = { x: -dir.y, y: dir.x };
  const da = exitDistance(a, dir);
  const db = exitDistance(b, dir);
  const off = { x: normal.x * lane, y: normal.y * lane };
  return {
    from: { x: ca.x + dir.x * da + off.x, y: ca.y + dir.y * da + off.y },
    to: { x: cb.x - dir.x * db + off.x, y: cb.y - dir.y * db + off.y },
    dir,
  };
}

export function pointAt(seg: Segment, p: number): Point {
  return {
    x: seg.from.x + (seg.to.x - seg.from.x) * p,
    y: seg.from.y + (seg.to.y - seg.from.y) * p,
  };
}
