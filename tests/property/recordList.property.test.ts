import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { S2S } from '../../src/engine/api.ts';

const numRuns = Math.max(50, Math.floor(Number(process.env.S2S_PROPERTY_RUNS ?? 1000) / 10));

type Op =
  | { kind: 'create' }
  | { kind: 'update'; pick: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'page'; offset: number; limit: number }
  | { kind: 'restore' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ kind: 'create' as const }) },
  { weight: 2, arbitrary: fc.nat().map((pick) => ({ kind: 'update' as const, pick })) },
  { weight: 3, arbitrary: fc.nat().map((pick) => ({ kind: 'delete' as const, pick })) },
  {
    weight: 3,
    arbitrary: fc
      .record({ offset: fc.nat({ max: 40 }), limit: fc.integer({ min: 1, max: 30 }) })
      .map((p) => ({ kind: 'page' as const, ...p })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'restore' as const }) },
);

/** The list by a full pass and a full sort: every live Account, newest (highest counter) first. */
function fullSort(s: S2S, as: string) {
  const all = s
    .recordPage('acme', { object: 'Account', as, search: 'Account', limit: 1e9 })
    .rows.map((r) => r.Id);
  return [...all].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

describe('record list pages kept by count and row order', () => {
  it('after random creates, edits, deletes and restores, every page and the total equal a full sort', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        let s = S2S.create({ seed: 5 });
        s.run([{ type: 'org.create', org: 'acme', name: 'Acme' }]);
        const as = s.orgs()[0]!.adminId;
        let live: string[] = [];
        let made = 0;
        const check = (offset: number, limit: number) => {
          const page = s.recordPage('acme', { object: 'Account', as, offset, limit });
          const sorted = fullSort(s, as);
          expect(sorted).toEqual([...live].reverse());
          expect(page.total).toBe(sorted.length);
          expect(page.rows.map((r) => r.Id)).toEqual(sorted.slice(offset, offset + limit));
          expect(s.recordCounts('acme').Account ?? 0).toBe(sorted.length);
        };
        for (const o of ops) {
          if (o.kind === 'create') {
            const r = s.dispatch({
              type: 'record.create',
              org: 'acme',
              as,
              object: 'Account',
              values: { Name: `Account ${made++}` },
            });
            if (!r.ok) throw new Error(r.reason);
            live.push(r.id!);
          } else if (o.kind === 'update' && live.length) {
            const id = live[o.pick % live.length]!;
            expect(
              s.dispatch({ type: 'record.update', org: 'acme', as, id, values: { Phone: '1' } }).ok,
            ).toBe(true);
          } else if (o.kind === 'delete' && live.length) {
            const id = live[o.pick % live.length]!;
            expect(s.dispatch({ type: 'record.delete', org: 'acme', as, id }).ok).toBe(true);
            live = live.filter((x) => x !== id);
          } else if (o.kind === 'page') check(o.offset, o.limit);
          else if (o.kind === 'restore') s = S2S.restore(structuredClone(s.snapshot()));
        }
        check(0, 25);
      }),
      { numRuns },
    );
  });
});
