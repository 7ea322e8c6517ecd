import { describe, expect, it } from 'vitest';
import { lifecycle } from '../../../src/engine/queries/lifecycle.ts';
import { connectionTable, recordShareTable } from '../../../src/engine/machines/index.ts';

// The inspector draws lifecycles from this query: it must say what the machines the engine
// steps say, transition for transition.
describe('lifecycles read from the XState machines', () => {
  for (const [kind, table] of [
    ['connection', connectionTable],
    ['recordShare', recordShareTable],
  ] as const) {
    it(`the ${kind} lifecycle has the machine's states, initial state, final states and every transition`, () => {
      const l = lifecycle(kind);
      expect(l.initial).toBe(table.initial);
      expect(l.states.map((s) => s.name).sort()).toEqual([...table.states].sort());
      for (const s of l.states) {
        expect(s.final).toBe(table.isFinal(s.name as never));
        for (const e of table.events) {
          const to = table.next(s.name as never, e as never);
          const drawn = s.transitions.filter((t) => t.event === e).map((t) => t.to);
          expect(drawn).toEqual(to === undefined ? [] : [to]);
        }
      }
    });
  }

  it('lays states out by their distance from the initial state (CONN-2: New, then Pending or Received)', () => {
    const byName = new Map(lifecycle('connection').states.map((s) => [s.name, s.depth]));
    expect(byName.get('New')).toBe(0);
    expect(byName.get('Pending')).toBe(1);
    expect(byName.get('Received')).toBe(1);
    expect(byName.get('Sent')).toBe(2);
  });
});
