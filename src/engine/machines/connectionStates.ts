// The connection lifecycle's names and labels, apart from the machine (connectionMachine.ts) so
// the engine and the first screen use them without loading XState.

/** ConnectionStatus API values (CONN-2). */
export const CONNECTION_STATUSES = [
  'Pending',
  'Sent',
  'Received',
  'Accepted',
  'Rejected',
  'Inactive',
] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

/** Every state of the machine: `New` (not yet created on this side) and the API values. */
export const CONNECTION_STATES = ['New', ...CONNECTION_STATUSES] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

export const CONNECTION_EVENTS = [
  'SEND_INVITE',
  'INVITE_DELIVERED',
  'RECEIVE_INVITATION',
  'ACCEPT',
  'DECLINE',
  'DECIDE_LATER',
  'PARTNER_ACCEPTED',
  'PARTNER_DECLINED',
  'CANCEL_INVITATION',
  'INVITATION_CANCELLED',
  'RESEND',
  'DEACTIVATE',
  'PARTNER_DEACTIVATED',
] as const;
export type ConnectionEvent = (typeof CONNECTION_EVENTS)[number];
export type ConnectionEventObject = { type: ConnectionEvent };

/** UI label of each ConnectionStatus API value (keep API values and labels apart). */
export const CONNECTION_STATUS_LABELS: Readonly<Record<ConnectionStatus, string>> = {
  Pending: 'Pending',
  Sent: 'Invitation Sent',
  Received: 'Invitation Received',
  Accepted: 'Active',
  Rejected: 'Declined',
  Inactive: 'Inactive',
};
