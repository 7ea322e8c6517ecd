import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateFormula, parseFormula } from '../../src/engine/domain/index.ts';
import { edit, schedule } from './schedules.ts';
import { RUNS, restore, settle, toCommand, world } from './world.ts';

const FORMULA = 'Name & " / " & Phone & " / " & BillingCity';
const terms = (() => {
  const p = parseFormula(FORMULA);
  if (!p.ok) throw new Error(p.reason);
  return p.value;
})();

describe('formula properties', () => {
  it(
    'SYNC-7: whatever users and the network do, every copy’s formula equals its own fields, and no formula change is in field history',
    () => {
      fc.assert(
        fc.property(schedule(edit([0, 1])), (steps) => {
          const w = world();
          const s = restore(w);
          // Each org computes the formula from its own copy's fields; it is not published.
          for (const [org, as] of [
            ['a', w.A],
            ['b', w.B],
          ] as const)
            s.dispatch({
              type: 'field.create',
              org,
              as,
              object: 'Account',
              field: {
                apiName: 'Label__c',
                label: 'Label',
                type: { kind: 'FormulaText', formula: FORMULA },
              },
            });
          for (const step of steps) s.dispatch(toCommand(w, step));
          settle(s);
          for (const org of ['a', 'b']) {
            for (const r of s.records(org, { object: 'Account' }))
              expect(r.fields.Label__c ?? null).toBe(evaluateFormula(terms, r.fields));
            expect(s.sandbox.state.orgs[org]!.history.some((h) => h.field === 'Label__c')).toBe(
              false,
            );
          }
        }),
        { numRuns: Math.max(50, Math.floor(RUNS / 4)) },
      );
    },
    30_000 + RUNS * 20,
  );
});
