import { initialTransition, transition, type AnyStateMachine } from 'xstate';
import { CONNECTION_EVENTS, CONNECTION_STATES } from './connectionStates.ts';
import { RECORD_SHARE_EVENTS, RECORD_SHARE_STATES } from './recordShareStates.ts';
import type { TransitionTable } from './tables.ts';

export { CONNECTION_EVENTS, CONNECTION_STATES, RECORD_SHARE_EVENTS, RECORD_SHARE_STATES };
export {
  connectionTable,
  isConnectionFinal,
  isRecordShareFinal,
  nextConnectionStatus,
  recordShareTable,
  type TransitionTable,
} from './tables.ts';

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
