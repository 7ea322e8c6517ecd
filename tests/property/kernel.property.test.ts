import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { S2S } from '../../src/engine/api.ts';
import type { Command, CommandResult } from '../../src/engine/commands/command.ts';
import { edit, schedule } from './schedules.ts';
import { FIELDS, RUNS, restore, toCommand, world, type Step, type World } from './world.ts';

// The sync kernel (src/engine/kernel) applies plain edits and arrivals without plans. It must
// be invisible: the same schedule gives the same state, log and results with it on and off.
// Twists give both runs the same org setup, so the kernel's fallbacks are exercised too.

const twists: Record<string, (w: World) => Command[]> = {
  lastWriterWins: () => [
    { type: 'settings.set', settings: { conflictResolution: 'lastWriterWins' } },
  ],
  echoesSent: () => [{ type: 'settings.set', settings: { suppressEcho: false } }],
  validationRule: (w) => [
    {
      type: 'validationRule.add',
      org: 'b',
      as: w.B,
      rule: {
        object: 'Account',
        field: 'Phone',
        operator: 'contains',
        value: '-7',
        message: 'No sevens',
      },
    },
  ],
  automation: (w) => [
    {
      type: 'automation.add',
      org: 'a',
      as: w.A,
      automation: {
        object: 'Account',
        whenField: 'BillingCity',
        setField: 'Description',
        value: 'moved',
      },
    },
  ],
  formula: (w) => [
    {
      type: 'field.create',
      org: 'b',
      as: w.B,
      object: 'Account',
      field: {
        apiName: 'Summary__c',
        label: 'Summary',
        type: { kind: 'FormulaText', formula: 'Name & " / " & Phone' },
      },
    },
  ],
  standardUser: (w) => [
    { type: 'user.create', org: 'a', as: w.A, name: 'Stan Dard', profile: 'Standard User' },
  ],
};

type Odd = { kind: 'odd'; side: 0 | 1; record: number; field: number; value: 'blank' | 'long' };
type StaffEdit = { kind: 'staff'; record: number; field: number; value: number };

const odd = fc.record({
  kind: fc.constant('odd' as const),
  side: fc.constantFrom(0 as const, 1 as const),
  record: fc.integer({ min: 0, max: 2 }),
  field: fc.integer({ min: 0, max: FIELDS.length - 1 }),
  value: fc.constantFrom('blank' as const, 'long' as const),
});
const staff = fc.record({
  kind: fc.constant('staff' as const),
  record: fc.integer({ min: 0, max: 2 }),
  field: fc.integer({ min: 0, max: FIELDS.length - 1 }),
  value: fc.integer({ min: 0, max: 99 }),
});

function command(s: S2S, w: World, step: Step | Odd | StaffEdit): Command {
  if (step.kind === 'odd') {
    const value = step.value === 'blank' ? '' : 'x'.repeat(300);
    return {
      type: 'record.update',
      org: step.side === 0 ? 'a' : 'b',
      as: step.side === 0 ? w.A : w.B,
      id: w.pairs[step.record]![step.side],
      values: { [FIELDS[step.field]!]: value },
    };
  }
  if (step.kind === 'staff') {
    // Without the twist there is no such user: the edit is refused (PERM-1).
    const stan = s.users('a').find((u) => u.Name === 'Stan Dard')?.Id ?? '005A00000000099';
    return {
      type: 'record.update',
      org: 'a',
      as: stan,
      id: w.pairs[step.record]![0],
      values: { [FIELDS[step.field]!]: `staff-${step.value}` },
    };
  }
  return toCommand(w, step);
}

const QUIET: Command[] = [
  { type: 'link.set', from: 'a', to: 'b', both: true, link: { paused: false } },
  { type: 'org.setOffline', org: 'a', offline: false },
  { type: 'org.setOffline', org: 'b', offline: false },
];

function run(kernel: boolean, setup: string[], steps: (Step | Odd | StaffEdit)[]) {
  const w = world();
  const s = restore(w);
  s.sandbox.syncKernel = kernel;
  const results: CommandResult[] = [];
  for (const t of setup) for (const c of twists[t]!(w)) results.push(s.dispatch(c));
  for (const step of steps) results.push(s.dispatch(command(s, w, step)));
  for (const c of QUIET) s.dispatch(c);
  // With echoes sent back (SYNC-6 off) two sides can bounce a field for ever: cap the run.
  s.sandbox.runUntilIdle(3000);
  return { s, results };
}

/** Where two plain-data values first differ (key order included), or null when they do not. */
function firstDifference(a: unknown, b: unknown, path = 'state'): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return `${path}: ${String(JSON.stringify(a)).slice(0, 300)} ≠ ${String(JSON.stringify(b)).slice(0, 300)}`;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join() !== kb.join()) return `${path}: keys ${ka.join()} ≠ ${kb.join()}`;
  for (const k of ka) {
    const d = firstDifference(
      (a as Record<string, unknown>)[k],
      (b as Record<string, unknown>)[k],
      `${path}.${k}`,
    );
    if (d) return d;
  }
  return null;
}

const took = { edits: 0, updates: 0, commands: 0 };

describe('the sync kernel', { timeout: 30_000 + RUNS * 40 }, () => {
  afterAll(() => {
    // The property says nothing if the kernel never ran, or never handed a case on.
    expect(took.edits).toBeGreaterThan(0);
    expect(took.updates).toBeGreaterThan(0);
    expect(took.edits).toBeLessThan(took.commands);
  });

  it('SYNC-1 / SYNC-2 / SYNC-3 / SYNC-5 / SYNC-6 / SYNC-7: with the kernel on, every schedule ends in the same state, log and results as with the general rules alone', () => {
    const steps = fc.oneof(
      { weight: 6, arbitrary: schedule(edit([0, 1])) },
      {
        weight: 4,
        arbitrary: fc.array(fc.oneof(edit([0, 1]), odd, staff, edit([0, 1])), { maxLength: 30 }),
      },
    );
    const setup = fc.subarray(Object.keys(twists));
    fc.assert(
      fc.property(setup, steps, (twist, schedule) => {
        const on = run(true, twist, schedule);
        const off = run(false, twist, schedule);
        took.edits += on.s.sandbox.kernelTook.edits;
        took.updates += on.s.sandbox.kernelTook.updates;
        took.commands += schedule.length;
        expect(off.s.sandbox.kernelTook).toEqual({ edits: 0, updates: 0 });
        expect(on.results).toStrictEqual(off.results);
        // The first difference only: a whole-state diff of a failing run would not fit in memory.
        expect(firstDifference(on.s.sandbox.snapshot(), off.s.sandbox.snapshot())).toBe(null);
      }),
      { numRuns: RUNS },
    );
  });
});
