import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MessageHeap, type Due } from '../../src/engine/sim/messageHeap.ts';
import { RUNS } from './world.ts';

const byDue = (a: Due, b: Due) => a.dueAt - b.dueAt || a.seq - b.seq;

/** Pushes (a due time, seq from a counter) and pops in any order. */
const schedule = fc.array(fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constant('pop' as const)), {
  maxLength: 200,
});

describe('the network queue', () => {
  it('hands messages over by due time, ties in the order they were queued, whatever the interleaving', () => {
    fc.assert(
      fc.property(schedule, (steps) => {
        const heap = new MessageHeap<Due>([]);
        const model: Due[] = [];
        let seq = 0;
        for (const s of steps) {
          if (s === 'pop') {
            model.sort(byDue);
            expect(heap.pop()).toBe(model.shift());
          } else {
            const m = { dueAt: s, seq: ++seq };
            heap.push(m);
            model.push(m);
          }
          expect(heap.length).toBe(model.length);
        }
        const rest: Due[] = [];
        for (let m = heap.pop(); m; m = heap.pop()) rest.push(m);
        expect(rest).toEqual(model.sort(byDue));
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps the layout of a saved queue when it is opened again, so a restored state equals the saved one', () => {
    fc.assert(
      fc.property(schedule, (steps) => {
        const heap = new MessageHeap<Due>([]);
        let seq = 0;
        for (const s of steps)
          if (s === 'pop') heap.pop();
          else heap.push({ dueAt: s, seq: ++seq });
        const saved = [...heap.items];
        const reopened = new MessageHeap<Due>([...saved]);
        expect(reopened.items).toEqual(saved);
      }),
      { numRuns: RUNS },
    );
  });
});
