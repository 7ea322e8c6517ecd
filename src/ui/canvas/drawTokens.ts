import type { S2S } from '../../engine/api.ts';
import type { Message, MessageBody } from '../../engine/state/network.ts';
import { TOKEN_KINDS, type TokenShape } from './tokenKinds.ts';
import { kindIndex, shareKeyOf, tokenText } from './tokenText.ts';
import { LANE, progress, segmentBetween, type Rect, type Segment } from './tokens.ts';

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** With few marks each one carries its message in words, so a class can read the protocol. */
const LABEL_LIMIT = 8;

/** What was drawn at one place: one message, or a counter for several that would overlap. */
export interface Mark {
  x: number;
  y: number;
  r: number;
  ids: number[];
  held: boolean;
}

export interface DrawCounts {
  /** Messages on the wire drawn (not held). */
  moving: number;
  held: number;
  /** Counter tokens drawn (marks standing for two or more messages). */
  counters: number;
  /** Most messages one mark stands for. */
  largest: number;
}

export interface DrawOptions {
  /** Only messages about these shares (following a record), or all. */
  only: ReadonlySet<string> | null;
  /**
   * With this many messages or fewer, each is drawn alone (no counters, no canvas text) and
   * its place handed out in `spots`, for a card in words beside it.
   */
  cardLimit?: number;
  spots?: Spot[];
}

/** Where one message is, for its card: on its lane, with the lane's sideways normal. */
export interface Spot {
  x: number;
  y: number;
  held: boolean;
  message: Readonly<Message>;
  /** Unit normal of the lane: its side of the connection. */
  nx: number;
  ny: number;
  /** The lane's ends, so a card can stay between the two orgs. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

let themeKey: string | undefined;
let palette: { kinds: string[]; panel: string; ink: string } | null = null;

/** A canvas cannot read CSS variables: the theme's values are looked up when the theme changes. */
function colours() {
  const key = document.documentElement.dataset.theme ?? '';
  if (palette && key === themeKey) return palette;
  const css = getComputedStyle(document.documentElement);
  const read = (value: string) => {
    const name = /^var\((--[\w-]+)\)$/.exec(value)?.[1];
    return name ? css.getPropertyValue(name).trim() : value;
  };
  themeKey = key;
  palette = {
    kinds: TOKEN_KINDS.map((k) => read(k.color)),
    panel: read('var(--panel)'),
    ink: read('var(--ink)'),
  };
  return palette;
}

interface Item {
  t: number;
  kind: number;
  id: number;
  body: MessageBody;
  m: Readonly<Message>;
}

interface Lane {
  seg: Segment;
  len: number;
  moving: Item[];
  held: Item[];
}

function shapePath(
  ctx: CanvasRenderingContext2D,
  shape: TokenShape,
  x: number,
  y: number,
  r: number,
) {
  switch (shape) {
    case 'circle':
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, Math.PI * 2);
      break;
    case 'diamond':
      ctx.moveTo(x, y - r * 1.2);
      ctx.lineTo(x + r * 1.2, y);
      ctx.lineTo(x, y + r * 1.2);
      ctx.lineTo(x - r * 1.2, y);
      ctx.closePath();
      break;
    case 'square':
      ctx.rect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
      break;
    case 'triangle':
      ctx.moveTo(x, y - r * 1.15);
      ctx.lineTo(x + r * 1.1, y + r * 0.85);
      ctx.lineTo(x - r * 1.1, y + r * 0.85);
      ctx.closePath();
      break;
  }
}

/**
 * Draws every message in flight between its sender's and receiver's boxes, placed by
 * (now - sentAt) / (dueAt - sentAt); held messages wait at the sender, hollow. Messages that
 * would overlap gather into one counter token ("×12"). One path per kind, so the cost per
 * message is arithmetic, not a canvas call.
 */
export function drawTokens(
  ctx: CanvasRenderingContext2D,
  s2s: S2S,
  vp: Viewport,
  nodeRect: (id: string) => Rect | null,
  opts: DrawOptions,
  marks: Mark[],
): DrawCounts {
  const now = s2s.now;
  const r = Math.max(5, 9 * vp.zoom);
  const counts: DrawCounts = { moving: 0, held: 0, counters: 0, largest: 0 };
  marks.length = 0;
  const lanes = new Map<string, Lane | null>();
  const rects = new Map<string, Rect | null>();
  const rect = (id: string) => {
    let x = rects.get(id);
    if (x === undefined) rects.set(id, (x = nodeRect(id)));
    return x;
  };
  // Most messages share a direction with the one before: skip the key and the lookup then.
  let lastFrom = '';
  let lastTo = '';
  let lastLane: Lane | null = null;
  s2s.sandbox.network.eachMessage((m, held) => {
    if (opts.only) {
      const k = shareKeyOf(m.body);
      if (!k || !opts.only.has(k)) return;
    }
    let lane: Lane | null | undefined =
      m.from === lastFrom && m.to === lastTo ? lastLane : lanes.get(`${m.from}>${m.to}`);
    if (lane === undefined) {
      const a = rect(m.from);
      const b = rect(m.to);
      const seg = a && b ? segmentBetween(a, b, LANE * vp.zoom) : null;
      lane = seg
        ? {
            seg,
            len: Math.hypot(seg.to.x - seg.from.x, seg.to.y - seg.from.y),
            moving: [],
            held: [],
          }
        : null;
      lanes.set(`${m.from}>${m.to}`, lane);
    }
    lastFrom = m.from;
    lastTo = m.to;
    lastLane = lane;
    if (!lane) return;
    const item = { t: 0, kind: kindIndex(m.body), id: m.id, body: m.body, m };
    if (held) {
      lane.held.push(item);
      counts.held++;
    } else {
      item.t = progress(now, m.sentAt, m.dueAt);
      lane.moving.push(item);
      counts.moving++;
    }
  });

  const { kinds, panel, ink } = colours();
  // Marks standing for one message, by kind, drawn as one path per kind.
  const singles: number[][] = TOKEN_KINDS.map(() => []);
  const hollow: { x: number; y: number; kind: number }[] = [];
  const counters: { x: number; y: number; n: number; kind: number; held: boolean }[] = [];
  const texts: {
    x: number;
    y: number;
    text: string;
    held: boolean;
    normal: { x: number; y: number };
    lo: number;
    hi: number;
  }[] = [];
  const spots = opts.spots;
  if (spots) spots.length = 0;
  const cards = !!spots && counts.moving + counts.held <= (opts.cardLimit ?? 0);
  // A counter pill is about 3.2 radii wide: marks closer than that gather into one. With
  // cards, each message is drawn alone and its card decides what gathers.
  const gap = cards ? 0 : 3.4 * r;
  for (const lane of lanes.values()) {
    if (!lane) continue;
    const { seg, len } = lane;
    const normal = { x: -seg.dir.y, y: seg.dir.x };
    const place = (group: Item[], d: number, held: boolean) => {
      const x = seg.from.x + seg.dir.x * d;
      const y = seg.from.y + seg.dir.y * d;
      const first = group[0]!;
      if (group.length === 1) {
        if (held) hollow.push({ x, y, kind: first.kind });
        else singles[first.kind]!.push(x, y);
        marks.push({ x, y, r: r + 3, ids: [first.id], held });
        if (cards)
          spots!.push({
            x,
            y,
            held,
            message: first.m,
            nx: normal.x,
            ny: normal.y,
            x0: seg.from.x,
            y0: seg.from.y,
            x1: seg.to.x,
            y1: seg.to.y,
          });
        texts.push({
          x,
          y,
          text: tokenText(first.body),
          held,
          normal,
          lo: Math.min(seg.from.x, seg.to.x),
          hi: Math.max(seg.from.x, seg.to.x),
        });
      } else {
        const byKind = new Array<number>(TOKEN_KINDS.length).fill(0);
        for (const it of group) byKind[it.kind]!++;
        const kind = byKind.indexOf(Math.max(...byKind));
        counters.push({ x, y, n: group.length, kind, held });
        marks.push({ x, y, r: r * 1.9, ids: group.map((it) => it.id), held });
        counts.counters++;
      }
      counts.largest = Math.max(counts.largest, group.length);
    };
    if (lane.held.length) {
      const d = Math.min(len / 2, r * 2 + 2);
      if (cards) for (const it of lane.held) place([it], d, true);
      else place(lane.held, d, true);
    }
    const moving = lane.moving;
    if (!moving.length) continue;
    moving.sort((a, b) => a.t - b.t);
    let start = 0;
    for (let i = 1; i <= moving.length; i++) {
      if (i < moving.length && (moving[i]!.t - moving[start]!.t) * len < gap) continue;
      const group = moving.slice(start, i);
      const mid = ((moving[start]!.t + moving[i - 1]!.t) / 2) * len;
      place(group, mid, false);
      start = i;
    }
  }

  // Singles: one fill and one outline per kind.
  ctx.lineWidth = 2;
  ctx.strokeStyle = panel;
  TOKEN_KINDS.forEach((k, i) => {
    const pts = singles[i]!;
    if (!pts.length) return;
    ctx.beginPath();
    for (let j = 0; j < pts.length; j += 2) shapePath(ctx, k.shape, pts[j]!, pts[j + 1]!, r);
    ctx.fillStyle = kinds[i]!;
    ctx.fill();
    ctx.stroke();
  });
  // Held messages are hollow and dashed: waiting, not moving.
  ctx.lineWidth = 3;
  ctx.setLineDash([3, 3]);
  for (const h of hollow) {
    ctx.beginPath();
    shapePath(ctx, TOKEN_KINDS[h.kind]!.shape, h.x, h.y, r);
    ctx.fillStyle = panel;
    ctx.fill();
    ctx.strokeStyle = kinds[h.kind]!;
    ctx.stroke();
  }
  ctx.setLineDash([]);
  const fontPx = Math.max(12, Math.round(14 * vp.zoom));
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  ctx.font = `700 ${fontPx}px system-ui, sans-serif`;
  for (const c of counters) {
    const text = `×${c.n}`;
    // Bold digits are about 0.62 em wide: no text measuring per counter per frame.
    const w = Math.max(r * 3.2, text.length * fontPx * 0.62 + r * 1.4);
    const h = r * 2.6;
    ctx.beginPath();
    ctx.roundRect(c.x - w / 2, c.y - h / 2, w, h, h / 2);
    ctx.fillStyle = c.held ? panel : kinds[c.kind]!;
    ctx.fill();
    ctx.lineWidth = 3;
    ctx.strokeStyle = c.held ? kinds[c.kind]! : panel;
    if (c.held) ctx.setLineDash([3, 3]);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = c.held ? ink : panel;
    ctx.fillText(text, c.x, c.y + 1);
  }
  ctx.textAlign = 'left';

  if (!cards && marks.length <= LABEL_LIMIT) {
    ctx.font = `600 ${fontPx}px system-ui, sans-serif`;
    const placed: { x: number; y: number; w: number }[] = [];
    for (const l of texts) {
      const text = l.held ? `${l.text} (held)` : l.text;
      const w = ctx.measureText(text).width;
      // Toward the middle of the connection: the outer side holds the edge's own label.
      const off = r + fontPx * 0.9;
      const cx = l.x - l.normal.x * off;
      const cy = l.y - l.normal.y * off + (Math.abs(l.normal.y) < 0.5 ? -off : 0);
      // Kept between the two boxes when it fits, so it never covers an org.
      const tx = l.hi - l.lo > w ? Math.min(Math.max(cx - w / 2, l.lo), l.hi - w) : cx - w / 2;
      // Labels that would print over each other: the first one speaks for the bunch.
      if (
        placed.some((p) => Math.abs(p.x - tx) < Math.max(w, p.w) && Math.abs(p.y - cy) < fontPx + 4)
      )
        continue;
      placed.push({ x: tx, y: cy, w });
      ctx.lineWidth = 4;
      ctx.strokeStyle = panel;
      ctx.strokeText(text, tx, cy);
      ctx.fillStyle = ink;
      ctx.fillText(text, tx, cy);
    }
  }
  return counts;
}

/** The mark under a point (the last drawn wins, as it is on top), or null. */
export function markAt(marks: readonly Mark[], x: number, y: number): Mark | null {
  for (let i = marks.length - 1; i >= 0; i--) {
    const m = marks[i]!;
    if ((m.x - x) ** 2 + (m.y - y) ** 2 <= m.r * m.r) return m;
  }
  return null;
}

/**
 * Clicks on a token open it. The canvas lets pointer events through to the flow, so clicks are
 * caught on the way down, before the edge or pane under the token takes them; the pointer
 * turns into a hand over a token.
 */
export function listen(
  canvas: HTMLCanvasElement,
  marks: readonly Mark[],
  onpick: (ids: number[]) => void,
): () => void {
  const host = canvas.parentElement!;
  const hit = (e: MouseEvent) => {
    const box = canvas.getBoundingClientRect();
    return markAt(marks, e.clientX - box.left, e.clientY - box.top);
  };
  const click = (e: MouseEvent) => {
    const m = hit(e);
    if (!m) return;
    e.stopPropagation();
    e.preventDefault();
    onpick(m.ids);
  };
  let pointing = false;
  const move = (e: PointerEvent) => {
    const over = hit(e) !== null;
    if (over === pointing) return;
    pointing = over;
    host.classList.toggle('over-token', over);
  };
  host.addEventListener('click', click, true);
  host.addEventListener('pointermove', move, { passive: true });
  return () => {
    host.removeEventListener('click', click, true);
    host.removeEventListener('pointermove', move);
  };
}
