import type { Lifecycle } from '../../../engine/queries/lifecycle.ts';

export const LAYOUT_W = 104;
export const LAYOUT_H = 28;
/** Room between columns for the arrows (and same-column arcs) to run in. */
const GAP_X = 46;
/** Room between rows when no label sits under a box. */
const GAP_Y = 22;
const NAME_FONT = 12;
export const WHO_FONT = 10.5;
export const WHO_LINE = 13;

/**
 * A generous width for text in the diagram's sans-serif font: wide letters (m, W) and bold
 * faces stay inside the estimate, so a box or column sized by it holds its label.
 */
export const textWidth = (text: string, fontPx: number) => Math.ceil(text.length * fontPx * 0.66);

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Who is in a state, written under its box, one name a line. */
export interface HolderLabel extends Box {
  state: string;
  lines: string[];
}

/**
 * States in columns by distance from the initial state; an arrow per transition. Boxes are
 * as wide as the longest state name needs, and rows leave room under each box for the names
 * of who is in that state (`holders`), so no label is drawn over a box.
 */
export function layoutLifecycle(
  lifecycle: Lifecycle,
  holders: ReadonlyMap<string, readonly string[]> = new Map(),
) {
  const longestName = Math.max(...lifecycle.states.map((s) => textWidth(s.name, NAME_FONT)));
  const W = Math.max(LAYOUT_W, longestName + 16);
  const H = LAYOUT_H;
  const whoWidth = Math.max(
    0,
    ...[...holders.values()].flatMap((names) => names.map((n) => textWidth(n, WHO_FONT))),
  );
  const lines = Math.max(0, ...[...holders.values()].map((n) => n.length));
  const COL = Math.max(W, whoWidth) + GAP_X;
  const ROW = H + Math.max(GAP_Y, 8 + lines * WHO_LINE + 6);
  // A label wider than its box hangs over both sides equally: the first column starts clear.
  const left = 6 + Math.max(0, (whoWidth - W) / 2);

  const cols = new Map<number, string[]>();
  for (const s of lifecycle.states) {
    const d = s.depth < 0 ? 0 : s.depth;
    cols.set(d, [...(cols.get(d) ?? []), s.name]);
  }
  const rows = Math.max(...[...cols.values()].map((c) => c.length));
  const pos = new Map<string, { x: number; y: number }>();
  for (const [d, names] of cols) {
    const top = ((rows - names.length) * ROW) / 2;
    names.forEach((n, i) => pos.set(n, { x: left + d * COL, y: 6 + top + i * ROW }));
  }
  const arrows: { d: string; key: string }[] = [];
  const seen = new Set<string>();
  for (const s of lifecycle.states)
    for (const t of s.transitions) {
      const key = `${s.name}>${t.to}`;
      if (t.to === s.name || seen.has(key)) continue;
      seen.add(key);
      const a = pos.get(s.name)!;
      const b = pos.get(t.to)!;
      if (a.x === b.x) {
        // Same column: an arc on the right side.
        const x = a.x + W;
        const y1 = a.y + H / 2;
        const y2 = b.y + H / 2;
        arrows.push({
          key,
          d: `M ${x} ${y1} C ${x + 34} ${y1}, ${x + 34} ${y2}, ${x + 4} ${y2}`,
        });
      } else {
        const forward = b.x > a.x;
        const x1 = forward ? a.x + W : a.x;
        const x2 = forward ? b.x - 4 : b.x + W + 4;
        const y1 = a.y + H / 2;
        const y2 = b.y + H / 2;
        const mx = (x1 + x2) / 2;
        arrows.push({ key, d: `M ${x1} ${y1} C ${mx} ${y1}, ${mx} ${y2}, ${x2} ${y2}` });
      }
    }
  const labels: HolderLabel[] = [];
  for (const [state, names] of holders) {
    const p = pos.get(state);
    if (!p || !names.length) continue;
    const w = Math.max(...names.map((n) => textWidth(n, WHO_FONT)));
    labels.push({
      state,
      lines: [...names],
      x: p.x + W / 2 - w / 2,
      y: p.y + H + 4,
      w,
      h: names.length * WHO_LINE,
    });
  }
  const width = left * 2 + (cols.size - 1) * COL + W + 40;
  const height = 12 + rows * ROW;
  return { pos, arrows, labels, width, height, W, H };
}
