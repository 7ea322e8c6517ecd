import {
  CONNECTION_EVENTS,
  CONNECTION_STATES,
  type ConnectionEvent,
  type ConnectionState,
  type ConnectionStatus,
} from './connectionStates.ts';
import {
  RECORD_SHARE_EVENTS,
  RECORD_SHARE_STATES,
  type RecordShareEvent,
  type RecordShareState,
} from './recordShareStates.ts';

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

export type TableRows<S extends string, E extends string> = Readonly<
  Record<S, Readonly<Partial<Record<E, S>>>>
>;

/** A table from its rows: `rows[state][event]` is the target, absent when not handled. */
export function tableOf<S extends string, E extends string>(
  initial: S,
  states: readonly S[],
  events: readonly E[],
  rows: TableRows<S, E>,
  finals: readonly S[],
): TransitionTable<S, E> {
  const final = new Set<string>(finals);
  // Prototype-free copies, so names such as `toString` are never read as states or events.
  const table = Object.create(null) as Record<string, Record<string, S | undefined> | undefined>;
  for (const state of states)
    table[state] = Object.freeze(
      Object.assign(Object.create(null), rows[state]) as Record<string, S>,
    );
  return Object.freeze({
    initial,
    states,
    events,
    next(state: S, eventType: E): S | undefined {
      return table[state]?.[eventType];
    },
    isFinal(state: S): boolean {
      return final.has(state);
    },
  });
}

/*
 * The machines' tables written out, so the engine steps lifecycles without loading XState.
 * The machines stay the definition: tests/unit/machines/transitionTable.test.ts checks that
 * these rows equal the ones `deriveTable` computes from the machines, and the property test
 * tests/property/machines.property.test.ts replays random event sequences on both.
 */
export const connectionTable: TransitionTable<ConnectionState, ConnectionEvent> = tableOf(
  'New',
  CONNECTION_STATES,
  CONNECTION_EVENTS,
  {
    New: {
      SEND_INVITE: 'Pending',
      RECEIVE_INVITATION: 'Received',
    },
    Pending: {
      INVITE_DELIVERED: 'Sent',
      PARTNER_ACCEPTED: 'Accepted',
      PARTNER_DECLINED: 'Rejected',
      CANCEL_INVITATION: 'Inactive',
      RESEND: 'Pending',
    },
    Sent: {
      INVITE_DELIVERED: 'Sent',
      PARTNER_ACCEPTED: 'Accepted',
      PARTNER_DECLINED: 'Rejected',
      CANCEL_INVITATION: 'Inactive',
      RESEND: 'Sent',
    },
    Received: {
      RECEIVE_INVITATION: 'Received',
      ACCEPT: 'Accepted',
      DECLINE: 'Rejected',
      DECIDE_LATER: 'Received',
      INVITATION_CANCELLED: 'Inactive',
    },
    Accepted: {
      INVITATION_CANCELLED: 'Inactive',
      DEACTIVATE: 'Inactive',
      PARTNER_DEACTIVATED: 'Inactive',
    },
    Rejected: {},
    Inactive: {},
  },
  ['Rejected', 'Inactive'],
);

/** Every accepted state (accepted, synced, updating, failed) handles the same events. */
const live = {
  SEND_UPDATE: 'updating',
  RECEIVE_UPDATE: 'updating',
  UPDATE_APPLIED: 'synced',
  UPDATE_FAILED: 'failed',
  STOP_SHARING: 'stopped',
  PARTNER_DELETED: 'deleted',
  PARTNER_CONVERTED: 'converted',
  CONNECTION_DEACTIVATED: 'stopped',
} as const;

export const recordShareTable: TransitionTable<RecordShareState, RecordShareEvent> = tableOf(
  'pending',
  RECORD_SHARE_STATES,
  RECORD_SHARE_EVENTS,
  {
    pending: {
      ACCEPT: 'accepted',
      REJECT: 'rejected',
      STOP_SHARING: 'stopped',
      PARTNER_DELETED: 'deleted',
      PARTNER_CONVERTED: 'converted',
      CONNECTION_DEACTIVATED: 'rejected',
    },
    accepted: live,
    synced: live,
    updating: live,
    failed: live,
    stopped: {},
    deleted: {},
    converted: {},
    rejected: {},
  },
  ['stopped', 'deleted', 'converted', 'rejected'],
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
