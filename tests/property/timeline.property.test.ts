import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { S2S } from '../../src/engine/api.ts';
import { Timeline } from '../../src/engine/timeline/timeline.ts';
import { edit } from './schedules.ts';
import { RUNS, restore, toCommand, world, type Step } from './world.ts';

/** What a person's session does: commands, time moved by the play loop, a message delivered by hand. */
type Act =
  { kind: 'step'; step: Step } | { kind: 'play'; ms: number } | { kind: 'deliver'; pick: number };

const faults = fc.record({
  kind: fc.constant('faults' as const),
  failRate: fc.constantFrom(0, 0.3),
  duplicateRate: fc.constantFrom(0, 0.3),
  jitterMs: fc.integer({ min: 0, max: 3000 }),
  reorder: fc.boolean(),
});
const act: fc.Arbitrary<Act> = fc.oneof(
  { weight: 4, arbitrary: edit([0, 1]).map((step) => ({ kind: 'step' as const, step })) },
  {
    weight: 3,
    arbitrary: fc.integer({ min: 0, max: 4000 }).map((ms) => ({ kind: 'play' as const, ms })),
  },
  fc
    .integer({ min: 0, max: 3000 })
    .map((ms) => ({ kind: 'step' as const, step: { kind: 'advance' as const, ms } })),
  fc
    .boolean()
    .map((paused) => ({ kind: 'step' as const, step: { kind: 'pause' as const, paused } })),
  faults.map((step) => ({ kind: 'step' as const, step })),
  fc.nat().map((pick) => ({ kind: 'deliver' as const, pick })),
);

function perform(acts: Act[]): S2S {
  const w = world();
  const s = restore(w);
  for (const a of acts) {
    if (a.kind === 'step') s.dispatch(toCommand(w, a.step));
    else if (a.kind === 'play') s.sandbox.advance(a.ms);
    else {
      const wire = s.inFlight().filter((m) => !m.held);
      const m = wire[a.pick % Math.max(1, wire.length)];
      if (m) s.deliver(m.id, m.duplicate);
    }
  }
  s.sandbox.advance(2000);
  return s;
}

const text = (s: S2S) => JSON.stringify([s.snapshot(), s.check(), s.scenario()]);

describe('timeline properties over random runs', { timeout: 60_000 + RUNS * 40 }, () => {
  it('seek(i) then playing forward, in frames of any size, reproduces the original end state', () => {
    fc.assert(
      fc.property(
        fc.array(act, { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 1500 }),
        fc.integer({ min: 1, max: 50 }),
        (acts, where, frameMs, snapshotEvery) => {
          const s = perform(acts);
          const original = text(s);
          const tl = Timeline.of(s, { snapshotEvery });
          const log = s.sandbox.state.log;
          const back = tl.seek(Math.floor(where * tl.total));
          // The rewound sandbox is the original as it was at that event.
          expect(back.sandbox.state.log).toEqual(log.slice(0, tl.position));
          let guard = 0;
          while (!tl.atEnd && guard++ < 100_000) tl.advance(frameMs, 7);
          expect(tl.position).toBe(tl.total);
          expect(text(tl.sandbox)).toBe(original);
          // A second seek uses the snapshots the first replay kept, and lands the same way.
          tl.seek(Math.floor(where * tl.total));
          expect(tl.sandbox.sandbox.state.log).toEqual(log.slice(0, tl.position));
        },
      ),
      { numRuns: Math.max(20, Math.floor(RUNS / 10)) },
    );
  });
});
