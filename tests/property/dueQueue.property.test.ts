import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byDue, DueQueue } from '../../src/engine/sim/dueQueue.ts';
import type { Message } from '../../src/engine/state/network.ts';
import { RUNS } from './world.ts';

const message = (dueAt: number, seq: number): Message => ({
  id: seq,
  wire: 'w',
  from: 'a',
  to: 'b',
  chanSeq: seq,
  sentAt: 0,
  dueAt,
  attempts: 0,
  duplicate: false,
  seq,
  body: { kind: 'InvitationDelivered' },
});

// Each step queues a message due this many ms from now, or delivers the next one (null).
const steps = fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }), {
  maxLength: 200,
});

describe('the queue of messages in flight', () => {
  it('SYNC-4: hands messages over by due time, and in the order they were sent when due together', () => {
    fc.assert(
      fc.property(steps, (ops) => {
        const q = new DueQueue();
        const model: Message[] = [];
        let seq = 0;
        let now = 0;
        for (const op of ops) {
          if (op === null) {
            model.sort(byDue);
            const want = model.shift();
            expect(q.peek()).toBe(want);
            expect(q.pop()).toBe(want);
            if (want) now = want.dueAt;
          } else {
            const m = message(now + op, ++seq);
            q.push(m);
            model.push(m);
          }
          expect(q.length).toBe(model.length);
        }
        // Saved and read back in any order, the same messages come out in the same order.
        const saved = q.all();
        expect(saved).toEqual([...model].sort(byDue));
        const again = new DueQueue([...saved].reverse());
        expect(Array.from({ length: saved.length }, () => again.pop())).toEqual(saved);
      }),
      { numRuns: RUNS },
    );
  });
});
