import type { Lifecycle } from '../../../engine/queries/lifecycle.ts';

export const LAYOUT_W = 104;
export const LAYOUT_H = 28;
const COL = 150;
const ROW = 50;

/** States in columns by distance from the initial state; an arrow per transition. */
export function layoutLifecycle(lifecycle: Lifecycle) {
  const W = LAYOUT_W;
  const H = LAYOUT_H;
  {
    const cols = new Map<number, string[]>();
    for (const s of lifecycle.states) {
      const d = s.depth < 0 ? 0 : s.depth;
      cols.set(d, [...(cols.get(d) ?? []), s.name]);
    }
    const rows = Math.max(...[...cols.values()].map((c) => c.length));
    const pos = new Map<string, { x: number; y: number }>();
    for (const [d, names] of cols) {
      const top = ((rows - names.length) * ROW) / 2;
      names.forEach((n, i) => pos.set(n, { x: 6 + d * COL, y: 6 + top + i * ROW }));
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
    const width = 12 + (cols.size - 1) * COL + W + 40;
    const height = 12 + rows * ROW;
    return { pos, arrows, width, height };
  }
}
