import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyStateMachine } from 'xstate';
import {
  CONNECTION_EVENTS,
  CONNECTION_STATES,
  RECORD_SHARE_EVENTS,
  RECORD_SHARE_STATES,
  connectionMachine,
  connectionTable,
  recordShareMachine,
  recordShareTable,
  type TransitionTable,
} from '../../src/engine/machines/index.ts';

const numRuns = Number(process.env.S2S_PROPERTY_RUNS ?? 1000);

interface Case {
  readonly name: string;
  readonly machine: AnyStateMachine;
  readonly table: TransitionTable<string, string>;
  readonly states: readonly string[];
  readonly events: readonly string[];
}

const cases: readonly Case[] = [
  {
    name: 'connection',
    machine: connectionMachine,
    table: connectionTable as TransitionTable<string, string>,
    states: CONNECTION_STATES,
    events: CONNECTION_EVENTS,
  },
  {
    name: 'record share',
    machine: recordShareMachine,
    table: recordShareTable as TransitionTable<string, string>,
    states: RECORD_SHARE_STATES,
    events: RECORD_SHARE_EVENTS,
  },
];

describe.each(cases)('$name: the derived table equals the machine', (c) => {
  const events = fc.array(fc.constantFrom(...c.events), { maxLength: 40 });

  it('random event sequences from the initial state agree at every step', () => {
    fc.assert(
      fc.property(events, (sequence) => {
        let [snapshot] = initialTransition(c.machine);
        let state = c.table.initial;
        expect(snapshot.value).toBe(state);
        for (const type of sequence) {
          const handled = snapshot.can({ type });
          const target = c.table.next(state, type);
          expect(target !== undefined).toBe(handled);
          [snapshot] = transition(c.machine, snapshot, { type });
          state = target ?? state;
          expect(snapshot.value).toBe(state);
          expect(snapshot.status === 'done').toBe(c.table.isFinal(state));
        }
      }),
      { numRuns },
    );
  });

  it('random event sequences from any state agree at every step', () => {
    fc.assert(
      fc.property(fc.constantFrom(...c.states), events, (start, sequence) => {
        let snapshot = c.machine.resolveState({ value: start, context: {} });
        let state = start;
        for (const type of sequence) {
          [snapshot] = transition(c.machine, snapshot, { type });
          state = c.table.next(state, type) ?? state;
          expect(snapshot.value).toBe(state);
        }
      }),
      { numRuns },
    );
  });

  it('final states are absorbing', () => {
    const finals = c.states.filter((s) => c.table.isFinal(s));
    expect(finals.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.constantFrom(...finals), events, (final, sequence) => {
        let snapshot = c.machine.resolveState({ value: final, context: {} });
        let state = final;
        for (const type of sequence) {
          expect(c.table.next(state, type)).toBeUndefined();
          expect(snapshot.can({ type })).toBe(false);
          [snapshot] = transition(c.machine, snapshot, { type });
          state = c.table.next(state, type) ?? state;
          expect(snapshot.value).toBe(final);
          expect(state).toBe(final);
          expect(snapshot.status).toBe('done');
        }
      }),
      { numRuns },
    );
  });
});
