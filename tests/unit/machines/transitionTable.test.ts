import { describe, expect, it } from 'vitest';
import { setup, transition } from 'xstate';
import {
  CONNECTION_EVENTS,
  CONNECTION_STATES,
  RECORD_SHARE_EVENTS,
  RECORD_SHARE_STATES,
  connectionMachine,
  connectionTable,
  deriveTable,
  recordShareMachine,
  recordShareTable,
  type TransitionTable,
} from '../../../src/engine/machines/index.ts';

describe('transition tables derived from the machines', () => {
  it('lists exactly the states of each machine', () => {
    expect(Object.keys(connectionMachine.states).sort()).toEqual([...CONNECTION_STATES].sort());
    expect(Object.keys(recordShareMachine.states).sort()).toEqual([...RECORD_SHARE_STATES].sort());
    expect(connectionTable.initial).toBe('New');
    expect(recordShareTable.initial).toBe('pending');
  });

  it('agrees with transition() and snapshot.can() on every (state, event) pair', () => {
    const cases = [
      [connectionMachine, connectionTable, CONNECTION_STATES, CONNECTION_EVENTS],
      [recordShareMachine, recordShareTable, RECORD_SHARE_STATES, RECORD_SHARE_EVENTS],
    ] as const;
    for (const [machine, table, states, events] of cases) {
      for (const state of states) {
        const snapshot = machine.resolveState({ value: state });
        for (const type of events) {
          const expected = snapshot.can({ type } as never)
            ? transition(machine, snapshot, { type } as never)[0].value
            : undefined;
          expect((table.next as (s: string, e: string) => string | undefined)(state, type)).toBe(
            expected,
          );
        }
      }
    }
  });

  it('the tables the engine uses (written out, no XState) equal the ones derived from the machines', () => {
    const cases = [
      [connectionTable, deriveTable(connectionMachine, CONNECTION_STATES, CONNECTION_EVENTS)],
      [recordShareTable, deriveTable(recordShareMachine, RECORD_SHARE_STATES, RECORD_SHARE_EVENTS)],
    ] as const;
    for (const [written, derived] of cases) {
      const w = written as unknown as TransitionTable<string, string>;
      const d = derived as unknown as TransitionTable<string, string>;
      expect(w.initial).toBe(d.initial);
      expect(w.states).toEqual(d.states);
      expect(w.events).toEqual(d.events);
      for (const state of d.states) {
        expect(w.isFinal(state), state).toBe(d.isFinal(state));
        for (const type of d.events)
          expect(w.next(state, type), `${state} ${type}`).toBe(d.next(state, type));
      }
    }
  });

  it('returns undefined for unknown states and events, including prototype names', () => {
    const next = connectionTable.next as (s: string, e: string) => string | undefined;
    expect(next('toString', 'ACCEPT')).toBeUndefined();
    expect(next('Received', 'toString')).toBeUndefined();
    expect(next('Nope', 'NOPE')).toBeUndefined();
  });

  it('refuses a machine it cannot represent exactly', () => {
    const guarded = setup({
      types: { events: {} as { type: 'GO' } },
      guards: { ok: () => true },
    }).createMachine({
      initial: 'a',
      states: { a: { on: { GO: { target: 'b', guard: 'ok' } } }, b: {} },
    });
    expect(() => deriveTable(guarded, ['a', 'b'], ['GO'])).toThrow(/guard/);
    expect(() => deriveTable(connectionMachine, ['New'], CONNECTION_EVENTS)).toThrow(/states/);
    expect(() =>
      deriveTable(connectionMachine, [...CONNECTION_STATES, 'Extra'], CONNECTION_EVENTS),
    ).toThrow(/states/);
  });
});
