import { describe, expect, it } from 'vitest';
import { intersects, placeCards } from '../../../src/ui/canvas/cardLayout.ts';
import type { Spot } from '../../../src/ui/canvas/drawTokens.ts';
import type { Message } from '../../../src/engine/state/network.ts';

// A connection from x = 0 to x = 600 at y = 100; the A→B lane's normal points down.
const spot = (id: number, x: number, ny = 1): Spot => ({
  x,
  y: 100 + 9 * ny,
  held: false,
  message: { id } as Message,
  nx: 0,
  ny,
  x0: 0,
  y0: 100,
  x1: 600,
  y1: 100,
});
const width = (s: readonly Spot[]) => 120 * s.length;

describe('message cards on the canvas', () => {
  it('each message far enough from the others has its own card beside its lane', () => {
    const cards = placeCards([spot(1, 100), spot(2, 400), spot(3, 250, -1)], width, []);
    expect(cards).toHaveLength(3);
    // Each on its lane's side: below for A→B, above for B→A.
    expect(cards[0]!.box.y).toBeGreaterThan(100);
    expect(cards[2]!.box.y + cards[2]!.box.h).toBeLessThan(100);
    for (const a of cards)
      for (const b of cards) if (a !== b) expect(intersects(a.box, b.box)).toBe(false);
  });

  it('cards that would cover each other gather into one', () => {
    const cards = placeCards([spot(1, 100), spot(2, 130), spot(3, 500)], width, []);
    expect(cards.map((c) => c.spots.map((s) => s.message.id))).toEqual([[1, 2], [3]]);
    expect(cards[0]!.box.w).toBe(240);
  });

  it('stays between the two orgs and steps past an edge label', () => {
    const label = { x: 250, y: 110, w: 100, h: 30 };
    const [c] = placeCards([spot(1, 300)], width, [label]);
    expect(intersects(c!.box, label)).toBe(false);
    expect(c!.box.y).toBeGreaterThanOrEqual(140);
    const [edge] = placeCards([spot(2, 2)], width, []);
    expect(edge!.box.x).toBe(0);
  });
});
