import type { Spot } from './drawTokens.ts';
import type { Rect } from './tokens.ts';

/** Up to this many messages in flight, each is a card in words; beyond, counters on the canvas. */
export const CARD_LIMIT = 20;
export const CARD_H = 24;
/** Space between a card and its lane, or an obstacle it steps past. */
const GAP = 3;

export interface Card {
  spots: Spot[];
  box: Rect;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);

/** Beside its lane, on the lane's own side, kept between the two orgs where it fits. */
function besideLane(s: Spot, w: number): Rect {
  const across = Math.abs(s.ny) >= Math.abs(s.nx);
  if (across) {
    const lo = Math.min(s.x0, s.x1);
    const hi = Math.max(s.x0, s.x1);
    let x = s.x - w / 2;
    if (hi - lo >= w) x = clamp(x, lo, hi - w);
    return { x, y: s.ny > 0 ? s.y + GAP : s.y - GAP - CARD_H, w, h: CARD_H };
  }
  const lo = Math.min(s.y0, s.y1);
  const hi = Math.max(s.y0, s.y1);
  let y = s.y - CARD_H / 2;
  if (hi - lo >= CARD_H) y = clamp(y, lo, hi - CARD_H);
  return { x: s.nx > 0 ? s.x + GAP : s.x - GAP - w, y, w, h: CARD_H };
}

/** Moved outward, away from its lane, past any obstacle it would cover (an edge's label). */
function pastObstacles(box: Rect, s: Spot, obstacles: readonly Rect[]): Rect {
  const across = Math.abs(s.ny) >= Math.abs(s.nx);
  const b = { ...box };
  for (let pass = 0; pass < 3; pass++) {
    const hit = obstacles.find((o) => intersects(b, o));
    if (!hit) break;
    if (across) b.y = s.ny > 0 ? hit.y + hit.h + GAP : hit.y - GAP - b.h;
    else b.x = s.nx > 0 ? hit.x + hit.w + GAP : hit.x - GAP - b.w;
  }
  return b;
}

/**
 * Places a card for each message beside its lane, clear of the obstacles; cards that would
 * still cover each other gather into one (its width from `width` of all it holds).
 */
export function placeCards(
  spots: readonly Spot[],
  width: (spots: readonly Spot[]) => number,
  obstacles: readonly Rect[],
): Card[] {
  const cards: Card[] = [];
  for (const s of spots) {
    const box = pastObstacles(besideLane(s, width([s])), s, obstacles);
    const over = cards.find((c) => intersects(c.box, box));
    if (!over) {
      cards.push({ spots: [s], box });
      continue;
    }
    over.spots.push(s);
    over.box = pastObstacles(besideLane(over.spots[0]!, width(over.spots)), s, obstacles);
  }
  // A card grown by gathering may now cover another: gather those too.
  for (let i = 0; i < cards.length; i++)
    for (let j = i + 1; j < cards.length; j++) {
      if (!intersects(cards[i]!.box, cards[j]!.box)) continue;
      const a = cards[i]!;
      a.spots.push(...cards[j]!.spots);
      a.box = pastObstacles(besideLane(a.spots[0]!, width(a.spots)), a.spots[0]!, obstacles);
      cards.splice(j, 1);
      j = i;
    }
  return cards;
}
