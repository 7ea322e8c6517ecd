import { initialTransition, transition, type AnyStateMachine } from 'xstate';
import {
  CONNECTION_EVENTS,
  CONNECTION_STATES,
  connectionMachine,
  type ConnectionEvent,
  type ConnectionState,
  type ConnectionStatus,
} from './connectionMachine.ts';
import {
  RECORD_SHARE_EVENTS,
  RECORD_SHARE_STATES,
  recordShareMachine,
  type RecordShareEvent,
  type RecordShareState,
} from './recordShareMachine.ts';

export { CONNECTION_EVENTS, CONNECTION_STATES, RECORD_SHARE_EVENTS, RECORD_SHARE_STATES };

/**
 * A lookup table equal to a flat, context-free machine: the hot path of the engine steps plain
 * state strings with `next` (two property reads, no allocation) instead of XState's
 * `transition()`. The property test `tests/property/machines.property.test.ts` checks that the
 * table and the machine agree.
 */
export interface TransitionTable<S extends string, E extends string> {
  /** The machine's initial state. */
  readonly initial: S;
  readonly states: readonly S[];
  readonly events: readonly E[];
  /** The state after `eventType` in `state`, or undefined when the event is not handled. */
  next(state: S, eventType: E): S | undefined;
  /** True for final states (no event leaves them). */
  isFinal(state: S): boolean;
}

type Row<S extends string> = Record<string, S | undefined>;

/**
 * Computes, once, the target of every (state, event type) pair with XState's pure API
 * (`machine.resolveState`, `snapshot.can`, `transition`). Throws if the machine does not fit a
 * table: states not matching `states`, nested or non-string state values, or guarded
 * transitions (a guard could make the table differ from the machine).
 */
export function deriveTable<S extends string, E extends string>(
  machine: AnyStateMachine,
  states: readonly S[],
  events: readonly E[],
): TransitionTable<S, E> {
  const listed = new Set<string>(states);
  const defined = Object.keys(machine.states);
  const missing = defined.filter((s) => !listed.has(s));
  const extra = states.filter((s) => !defined.includes(s));
  if (missing.length > 0 || extra.length > 0 || listed.size !== states.length) {
    throw new Error(
      `deriveTable(${machine.id}): states do not match the machine (not listed: ${missing.join(', ') || '-'}; not in the machine: ${extra.join(', ') || '-'})`,
    );
  }

  const asState = (value: unknown, where: string): S => {
    if (typeof value !== 'string' || !listed.has(value)) {
      throw new Error(
        `deriveTable(${machine.id}): ${where} is ${JSON.stringify(value)}, not a listed state`,
      );
    }
    return value as S;
  };

  const rows: Record<string, Row<S> | undefined> = Object.create(null) as Record<
    string,
    Row<S> | undefined
  >;
  const finals = new Set<string>();
  for (const state of states) {
    const snapshot = machine.resolveState({ value: state, context: {} });
    if (snapshot.status === 'done') finals.add(state);
    const row: Row<S> = Object.create(null) as Row<S>;
    for (const type of events) {
      const event = { type };
      const candidates = machine.getTransitionData(snapshot, event);
      if (candidates.some((t) => t.guard !== undefined)) {
        throw new Error(
          `deriveTable(${machine.id}): ${state} on ${type} has a guard; a table cannot express it`,
        );
      }
      if (!snapshot.can(event)) continue;
      const [nextSnapshot] = transition(machine, snapshot, event);
      row[type] = asState(nextSnapshot.value, `${state} --${type}-->`);
    }
    rows[state] = Object.freeze(row);
  }
  const [initialSnapshot] = initialTransition(machine);
  const initial = asState(initialSnapshot.value, 'the initial state');

  return Object.freeze({
    initial,
    states,
    events,
    next(state: S, eventType: E): S | undefined {
      return rows[state]?.[eventType];
    },
    isFinal(state: S): boolean {
      return finals.has(state);
    },
  });
}

export const connectionTable: TransitionTable<ConnectionState, ConnectionEvent> = deriveTable(
  connectionMachine,
  CONNECTION_STATES,
  CONNECTION_EVENTS,
);

export const recordShareTable: TransitionTable<RecordShareState, RecordShareEvent> = deriveTable(
  recordShareMachine,
  RECORD_SHARE_STATES,
  RECORD_SHARE_EVENTS,
);

/**
 * `connectionTable.next` for a stored PNC status. No transition leads back to `New` (a unit
 * test checks it), so the result is a ConnectionStatus.
 */
export function nextConnectionStatus(
  status: ConnectionStatus,
  eventType: ConnectionEvent,
): ConnectionStatus | undefined {
  return connectionTable.next(status, eventType) as ConnectionStatus | undefined;
}

export function isConnectionFinal(state: ConnectionState): boolean {
  return connectionTable.isFinal(state);
}

export function isRecordShareFinal(state: RecordShareState): boolean {
  return recordShareTable.isFinal(state);
}
