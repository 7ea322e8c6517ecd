import type { S2S } from '../../engine/api.ts';
import { tokenColor } from './status.ts';
import { pointAt, progress, segmentBetween, type Rect } from './tokens.ts';

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** Sideways shift (px at zoom 1) that keeps A→B and B→A tokens apart. */
const LANE = 7;
/** With few tokens each one carries its message kind, so a class can read the protocol. */
const LABEL_LIMIT = 8;

/**
 * A canvas cannot read CSS variables, so the theme's values are looked up once per frame: the
 * tokens follow a theme switch on the next draw.
 */
function themeColours(): (value: string) => string {
  const css = getComputedStyle(document.documentElement);
  return (value) => {
    const name = /^var\((--[\w-]+)\)$/.exec(value)?.[1];
    return name ? css.getPropertyValue(name).trim() : value;
  };
}

export interface DrawCounts {
  moving: number;
  held: number;
}

/**
 * Draws every message in flight as a dot between its sender and receiver boxes, placed by
 * (now - sentAt) / (dueAt - sentAt); held messages wait at the sender, hollow.
 */
export function drawTokens(
  ctx: CanvasRenderingContext2D,
  s2s: S2S,
  vp: Viewport,
  nodeRect: (id: string) => Rect | null,
): DrawCounts {
  const messages = s2s.inFlight();
  const now = s2s.now;
  const r = Math.max(5, 10 * vp.zoom);
  const labels = messages.length <= LABEL_LIMIT;
  const waiting = new Map<string, number>();
  const placed: { x: number; y: number }[] = [];
  const counts: DrawCounts = { moving: 0, held: 0 };
  const colour = themeColours();
  const panel = colour('var(--panel)');
  const ink = colour('var(--ink)');
  ctx.font = `600 ${Math.max(12, Math.round(15 * vp.zoom))}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  for (const m of messages) {
    const a = nodeRect(m.from);
    const b = nodeRect(m.to);
    if (!a || !b) continue;
    const seg = segmentBetween(a, b, (m.from < m.to ? LANE : -LANE) * vp.zoom);
    if (!seg) continue;
    const isHeld = m.held;
    let pt;
    if (isHeld) {
      const key = `${m.from}>${m.to}`;
      const k = waiting.get(key) ?? 0;
      waiting.set(key, k + 1);
      const d = (r + 2) * (1 + 2 * k);
      pt = { x: seg.from.x + seg.dir.x * d, y: seg.from.y + seg.dir.y * d };
      counts.held++;
    } else {
      pt = pointAt(seg, progress(now, m.sentAt, m.dueAt));
      counts.moving++;
    }
    const color = colour(tokenColor(m.body.kind));
    ctx.beginPath();
    ctx.arc(pt.x, pt.y, r, 0, Math.PI * 2);
    if (isHeld) {
      ctx.fillStyle = panel;
      ctx.fill();
      ctx.lineWidth = 3;
      ctx.strokeStyle = color;
      ctx.setLineDash([3, 3]);
      ctx.stroke();
      ctx.setLineDash([]);
    } else {
      ctx.fillStyle = color;
      ctx.fill();
      ctx.lineWidth = 2;
      ctx.strokeStyle = panel;
      ctx.stroke();
    }
    if (labels) {
      const text = isHeld ? `${m.body.kind} (held)` : m.body.kind;
      const w = ctx.measureText(text).width;
      // Centred over the token, but kept between the two boxes so it never covers an org.
      const lo = Math.min(seg.from.x, seg.to.x);
      const hi = Math.max(seg.from.x, seg.to.x);
      const tx = hi - lo > w ? Math.min(Math.max(pt.x - w / 2, lo), hi - w) : pt.x - w / 2;
      const ty = pt.y - r - 10;
      // Tokens bunched together share one label rather than printing over each other.
      if (placed.some((p) => Math.abs(p.x - tx) < w && Math.abs(p.y - ty) < 18)) continue;
      placed.push({ x: tx, y: ty });
      ctx.lineWidth = 4;
      ctx.strokeStyle = panel;
      ctx.strokeText(text, tx, ty);
      ctx.fillStyle = ink;
      ctx.fillText(text, tx, ty);
    }
  }
  return counts;
}
