import { setup } from 'xstate';
import {
  RECORD_SHARE_STATES,
  RECORD_SHARE_EVENTS,
  PNRC_STATUSES,
  RECORD_SHARE_STATUS,
  recordShareStatus,
  type RecordShareState,
  type RecordShareEvent,
  type RecordShareEventObject,
  type RecordShareSide,
  type PnrcStatus,
  type PnrcStatusView,
} from './recordShareStates.ts';

/**
 * One side's PartnerNetworkRecordConnection (PNRC) lifecycle: REC-1, REC-4, REC-5, SYNC-5.
 *
 * The same machine serves the sender's and the receiver's PNRC; only the Status API value and
 * label differ per side (`recordShareStatus`). Like the connection machine it has no context,
 * guards or actions: the engine stores the state as a plain string and steps it with
 * `recordShareTable`. Counting several updates in flight is the engine's job (context-free: the
 * first UPDATE_APPLIED after several sends already reads `synced`).
 *
 * Events and who raises them:
 * - ACCEPT: the receiver accepts a pending record (or auto-accept); on the sender, the
 *   acceptance message arrives.
 * - REJECT: the receiver rejects a pending record; on the sender, the rejection arrives.
 * - SEND_UPDATE: this side sends a change of the shared record.
 * - RECEIVE_UPDATE: a change from the partner arrives and is being applied.
 * - UPDATE_APPLIED / UPDATE_FAILED: the update was applied / could not be applied (SYNC-5);
 *   on the sender, the partner's report arrives. UPDATE_APPLIED also confirms the first copy
 *   after acceptance (accepted → synced).
 * - STOP_SHARING: either side stops sharing, or the partner's stop arrives (REC-4).
 * - PARTNER_DELETED / PARTNER_CONVERTED: the partner deleted its copy / converted a shared
 *   Lead (REC-5).
 * - CONNECTION_DEACTIVATED: the connection was deactivated (CONN-6): pending records are
 *   removed (→ rejected), accepted ones stop syncing (→ stopped).
 *
 * Ignored events ("no transition", `recordShareTable.next` returns undefined):
 * - in `pending`: SEND_UPDATE, RECEIVE_UPDATE, UPDATE_APPLIED, UPDATE_FAILED (nothing flows
 *   before acceptance; the copy is created from the current values on acceptance);
 * - in accepted/synced/updating/failed: ACCEPT and REJECT (late or duplicate decisions);
 * - in the final states stopped, deleted, converted, rejected: every event (updates on an
 *   ended share are ignored; forwarding again creates a new share, REC-6).
 */

export {
  RECORD_SHARE_STATES,
  RECORD_SHARE_EVENTS,
  PNRC_STATUSES,
  RECORD_SHARE_STATUS,
  recordShareStatus,
  type RecordShareState,
  type RecordShareEvent,
  type RecordShareEventObject,
  type RecordShareSide,
  type PnrcStatus,
  type PnrcStatusView,
};

/** Transitions shared by every live (accepted) state. */
const liveTransitions = {
  SEND_UPDATE: { target: 'updating' },
  RECEIVE_UPDATE: { target: 'updating' },
  UPDATE_APPLIED: { target: 'synced' },
  UPDATE_FAILED: { target: 'failed' },
  STOP_SHARING: { target: 'stopped' },
  PARTNER_DELETED: { target: 'deleted' },
  PARTNER_CONVERTED: { target: 'converted' },
  CONNECTION_DEACTIVATED: { target: 'stopped' },
} as const;

export const recordShareMachine = setup({
  types: {
    events: {} as RecordShareEventObject,
  },
}).createMachine({
  id: 'recordShare',
  initial: 'pending',
  states: {
    // Forwarded (sender) / waiting in "<Object>s from Connections" (receiver), REC-2.
    pending: {
      on: {
        ACCEPT: { target: 'accepted' },
        REJECT: { target: 'rejected' },
        STOP_SHARING: { target: 'stopped' },
        PARTNER_DELETED: { target: 'deleted' },
        PARTNER_CONVERTED: { target: 'converted' },
        // CONN-6: records forwarded but not yet accepted are removed.
        CONNECTION_DEACTIVATED: { target: 'rejected' },
      },
    },
    accepted: { on: liveTransitions },
    synced: { on: liveTransitions },
    updating: { on: liveTransitions },
    // SYNC-5: the last update failed; a later one may succeed (→ updating → synced).
    failed: { on: liveTransitions },
    // REC-4: sharing stopped by either side or by deactivation; the copies stay.
    stopped: { type: 'final' },
    // REC-5: the partner deleted its copy; this one stays.
    deleted: { type: 'final' },
    // REC-5: the partner converted the shared Lead.
    converted: { type: 'final' },
    // REC-2: the receiver rejected the record (or it was removed by deactivation).
    rejected: { type: 'final' },
  },
});
