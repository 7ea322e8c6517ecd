import { describe, expect, it } from 'vitest';
import { lifecycle } from '../../../src/engine/queries/lifecycle.ts';
import {
  layoutLifecycle,
  textWidth,
  type Box,
} from '../../../src/ui/canvas/inspector/lifecycleLayout.ts';

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Who is where: short and long org names, one or two in a state, in every state in turn. */
function holdingsOf(states: string[]) {
  const names = ['Acme', 'Globex', 'Fabrikam (acquired)', 'Contoso Channel Partner'];
  return states.map(
    (s, i) =>
      new Map<string, string[]>([
        [s, i % 2 ? [names[i % 4]!] : [names[i % 4]!, names[(i + 1) % 4]!]],
        [states[(i + 3) % states.length]!, [names[(i + 2) % 4]!]],
      ]),
  );
}

describe('the lifecycle diagram’s geometry', () => {
  for (const kind of ['connection', 'recordShare'] as const)
    it(`${kind}: state names fit their boxes, no label lies on a box or another label, all inside the drawing`, () => {
      const l = lifecycle(kind);
      const states = l.states.map((s) => s.name);
      for (const holders of [new Map<string, string[]>(), ...holdingsOf(states)]) {
        const g = layoutLifecycle(l, holders);
        const boxes = states.map((s) => ({ ...g.pos.get(s)!, w: g.W, h: g.H, s }));
        for (const b of boxes) {
          expect(textWidth(b.s, 12), b.s).toBeLessThanOrEqual(g.W - 8);
          expect(b.x).toBeGreaterThanOrEqual(0);
          expect(b.x + b.w).toBeLessThanOrEqual(g.width);
          expect(b.y + b.h).toBeLessThanOrEqual(g.height);
        }
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++)
            expect(overlap(boxes[i]!, boxes[j]!), `${boxes[i]!.s} × ${boxes[j]!.s}`).toBe(false);
        expect(g.labels).toHaveLength([...holders.values()].filter((n) => n.length).length);
        for (const label of g.labels) {
          expect(label.x, label.state).toBeGreaterThanOrEqual(0);
          expect(label.x + label.w).toBeLessThanOrEqual(g.width);
          expect(label.y + label.h).toBeLessThanOrEqual(g.height);
          for (const b of boxes)
            expect(overlap(label, b), `${label.lines.join(', ')} on ${b.s}`).toBe(false);
          for (const other of g.labels)
            if (other !== label) expect(overlap(label, other)).toBe(false);
        }
      }
    });

  it('a longer holder name widens the columns rather than running into the next one', () => {
    const l = lifecycle('recordShare');
    const short = layoutLifecycle(l, new Map([['accepted', ['Acme']]]));
    const long = layoutLifecycle(l, new Map([['accepted', ['A very long organisation name']]]));
    expect(long.width).toBeGreaterThan(short.width);
  });
});
