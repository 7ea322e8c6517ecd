import { setup } from 'xstate';
import {
  CONNECTION_STATUSES,
  CONNECTION_STATES,
  CONNECTION_EVENTS,
  CONNECTION_STATUS_LABELS,
  type ConnectionStatus,
  type ConnectionState,
  type ConnectionEvent,
  type ConnectionEventObject,
} from './connectionStates.ts';

/**
 * One side's PartnerNetworkConnection (PNC) lifecycle: CONN-2, CONN-3, CONN-6.
 *
 * This machine is the single definition of the lifecycle. The engine does not run it as an
 * actor: it keeps the state as a plain string on the PNC and steps it with `connectionTable`
 * (derived from this machine in `transitionTable.ts`). The machine therefore has no context,
 * no guards and no actions, so the derived table is exact.
 *
 * States are the ConnectionStatus API values (CONN-2), plus `New`, the state before the PNC
 * exists on this side: the inviter leaves it with SEND_INVITE, the invitee with
 * RECEIVE_INVITATION. No stored PNC is ever `New`.
 */

export {
  CONNECTION_STATUSES,
  CONNECTION_STATES,
  CONNECTION_EVENTS,
  CONNECTION_STATUS_LABELS,
  type ConnectionStatus,
  type ConnectionState,
  type ConnectionEvent,
  type ConnectionEventObject,
};

export const connectionMachine = setup({
  types: {
    events: {} as ConnectionEventObject,
  },
}).createMachine({
  id: 'connection',
  initial: 'New',
  states: {
    New: {
      on: {
        // Inviter: Save & Send Invite. The invitation is still on the wire [sandbox choice].
        SEND_INVITE: { target: 'Pending' },
        // Invitee: the invitation message arrived; the PNC appears as Received.
        RECEIVE_INVITATION: { target: 'Received' },
      },
    },
    // Inviter, invitation travelling to the partner org (CONN-2 [sandbox choice]).
    Pending: {
      on: {
        INVITE_DELIVERED: { target: 'Sent' },
        // The decision can overtake the delivery notice on the simulated network.
        PARTNER_ACCEPTED: { target: 'Accepted' },
        PARTNER_DECLINED: { target: 'Rejected' },
        CANCEL_INVITATION: { target: 'Inactive' },
        RESEND: { target: 'Pending' },
      },
    },
    // Inviter, invitation delivered, waiting for the invitee's decision (CONN-2, CONN-3).
    Sent: {
      on: {
        // A resent invitation's delivery notice: stays Sent.
        INVITE_DELIVERED: { target: 'Sent' },
        PARTNER_ACCEPTED: { target: 'Accepted' },
        PARTNER_DECLINED: { target: 'Rejected' },
        CANCEL_INVITATION: { target: 'Inactive' },
        RESEND: { target: 'Sent' },
      },
    },
    // Invitee, "Invitation Received" (CONN-2, CONN-3).
    Received: {
      on: {
        ACCEPT: { target: 'Accepted' },
        DECLINE: { target: 'Rejected' },
        DECIDE_LATER: { target: 'Received' },
        // A resent invitation arriving again: stays Received.
        RECEIVE_INVITATION: { target: 'Received' },
        INVITATION_CANCELLED: { target: 'Inactive' },
      },
    },
    // Both sides once the invitee accepted (CONN-5).
    Accepted: {
      on: {
        DEACTIVATE: { target: 'Inactive' },
        PARTNER_DEACTIVATED: { target: 'Inactive' },
        // The inviter cancelled while the invitee's Accept was on the wire: the inviter is
        // already Inactive (it ignores the late PARTNER_ACCEPTED), so the invitee follows when
        // the cancellation arrives, and both sides agree [sandbox choice].
        INVITATION_CANCELLED: { target: 'Inactive' },
      },
    },
    // Declined: final; a new invitation makes a new connection.
    Rejected: { type: 'final' },
    // Deactivated or cancelled: final, cannot be reactivated (CONN-6 [sandbox choice]).
    Inactive: { type: 'final' },
  },
});
