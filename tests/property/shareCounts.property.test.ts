import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { S2S } from '../../src/engine/api.ts';
import type { Command } from '../../src/engine/commands/command.ts';
import { ACME, GLOBEX, connectedOrgs } from '../unit/rules/fixtures.ts';
import { RUNS } from './world.ts';

type Step =
  | { kind: 'create'; n: number }
  | { kind: 'forward'; pick: number }
  | { kind: 'accept'; pick: number }
  | { kind: 'reject'; pick: number }
  | { kind: 'stop'; pick: number; deletePartnerCopy: boolean }
  | { kind: 'advance'; ms: number }
  | { kind: 'deactivate' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), n: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('forward' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('accept' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('reject' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('stop' as const),
    pick: fc.nat(),
    deletePartnerCopy: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 4000 }) }),
  { weight: 1, arbitrary: fc.constant({ kind: 'deactivate' as const }) },
);

const pickOf = <T>(xs: T[], i: number) => (xs.length ? xs[i % xs.length] : undefined);

/** The command a step stands for in this world now, or null when it has nothing to act on. */
function commandOf(c: ReturnType<typeof connectedOrgs>, st: Step, made: string[]): Command | null {
  const s = c.s;
  switch (st.kind) {
    case 'create':
      return null;
    case 'forward': {
      const id = pickOf(made, st.pick);
      return id
        ? { type: 'record.forward', org: ACME, as: c.A, recordIds: [id], connectionIds: [c.aConn] }
        : null;
    }
    case 'accept':
    case 'reject': {
      const p = pickOf(s.inbox(GLOBEX), st.pick);
      if (!p) return null;
      return st.kind === 'accept'
        ? { type: 'inbox.accept', org: GLOBEX, as: c.G, pnrcId: p.Id }
        : { type: 'inbox.reject', org: GLOBEX, as: c.G, pnrcId: p.Id };
    }
    case 'stop': {
      const p = pickOf(s.recordConnections(ACME), st.pick);
      return p
        ? {
            type: 'sharing.stop',
            org: ACME,
            as: c.A,
            pnrcId: p.Id,
            deletePartnerCopy: st.deletePartnerCopy,
          }
        : null;
    }
    case 'advance':
      return { type: 'clock.advance', ms: st.ms };
    case 'deactivate':
      return { type: 'connection.deactivate', org: ACME, as: c.A, connectionId: c.aConn };
  }
}

describe('share counts kept as shares change', { timeout: 30_000 + RUNS * 20 }, () => {
  it('REC-2, REC-4: after any sequence of forwards, accepts, rejects, stops and a deactivation, the counts kept equal the counts of every PNRC', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        const c = connectedOrgs({ autoAccept: false });
        const s = c.s;
        const made: string[] = [];
        // Read once first, so the counts are kept through every step after.
        s.shareCounts(ACME);
        for (const st of steps) {
          if (st.kind === 'create')
            for (let i = 0; i < st.n; i++) {
              const r = s.dispatch({
                type: 'record.create',
                org: ACME,
                as: c.A,
                object: 'Account',
                values: { Name: `Co ${made.length}` },
              });
              if (r.ok) made.push(r.id!);
            }
          const cmd = commandOf(c, st, made);
          if (cmd) s.dispatch(cmd);
          const afresh = S2S.restore(s.snapshot());
          for (const org of [ACME, GLOBEX])
            expect(s.shareCounts(org)).toEqual(afresh.shareCounts(org));
        }
        s.runUntilIdle();
        const afresh = S2S.restore(s.snapshot());
        for (const org of [ACME, GLOBEX])
          expect(s.shareCounts(org)).toEqual(afresh.shareCounts(org));
      }),
      { numRuns: Math.max(50, Math.floor(RUNS / 10)) },
    );
  });
});
