import fc from 'fast-check';
import { FIELDS, type Step } from './world.ts';

// Random schedules of what users and the network do, shared by the engine's properties.

export const edit = (sides: (0 | 1)[]) =>
  fc.record({
    kind: fc.constant('edit' as const),
    side: fc.constantFrom(...sides),
    record: fc.integer({ min: 0, max: 2 }),
    field: fc.integer({ min: 0, max: FIELDS.length - 1 }),
    value: fc.integer({ min: 0, max: 999 }),
  });
const advance = fc.record({
  kind: fc.constant('advance' as const),
  ms: fc.integer({ min: 0, max: 5000 }),
});
const pause = fc.record({ kind: fc.constant('pause' as const), paused: fc.boolean() });
const offline = fc.record({
  kind: fc.constant('offline' as const),
  side: fc.constantFrom(0 as const, 1 as const),
  offline: fc.boolean(),
});
const faults = fc.record({
  kind: fc.constant('faults' as const),
  failRate: fc.constantFrom(0, 0.2, 0.5),
  duplicateRate: fc.constantFrom(0, 0.3),
  jitterMs: fc.integer({ min: 0, max: 3000 }),
  reorder: fc.boolean(),
});

/** Edits where each field has one owner side, so no two edits of a field are concurrent. */
export const ownedEdit = edit([0, 1]).map((e) => ({ ...e, side: (e.field % 2) as 0 | 1 }));

export const schedule = (editArb: fc.Arbitrary<Step>) =>
  fc.array(
    fc.oneof(
      { weight: 5, arbitrary: editArb },
      { weight: 3, arbitrary: advance },
      pause,
      offline,
      faults,
    ),
    {
      minLength: 1,
      maxLength: 40,
    },
  );
