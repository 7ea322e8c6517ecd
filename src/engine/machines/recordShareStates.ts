// The record share lifecycle's names and PNRC statuses, apart from the machine
// (recordShareMachine.ts) so the engine and the first screen use them without loading XState.

export const RECORD_SHARE_STATES = [
  'pending',
  'accepted',
  'synced',
  'updating',
  'failed',
  'stopped',
  'deleted',
  'converted',
  'rejected',
] as const;
export type RecordShareState = (typeof RECORD_SHARE_STATES)[number];

export const RECORD_SHARE_EVENTS = [
  'ACCEPT',
  'REJECT',
  'SEND_UPDATE',
  'RECEIVE_UPDATE',
  'UPDATE_APPLIED',
  'UPDATE_FAILED',
  'STOP_SHARING',
  'PARTNER_DELETED',
  'PARTNER_CONVERTED',
  'CONNECTION_DEACTIVATED',
] as const;
export type RecordShareEvent = (typeof RECORD_SHARE_EVENTS)[number];
export type RecordShareEventObject = { type: RecordShareEvent };

/** Which PNRC a lifecycle belongs to: the forwarding org's or the receiving org's. */
export type RecordShareSide = 'sender' | 'receiver';

/** PNRC Status API values (REC-1). */
export const PNRC_STATUSES = ['Pending', 'Sent', 'Received', 'Inactive'] as const;
export type PnrcStatus = (typeof PNRC_STATUSES)[number];

export interface PnrcStatusView {
  /** The Status field's API value. */
  readonly api: PnrcStatus;
  /** What the UI shows (External Sharing related list, record header). */
  readonly label: string;
}

const active = {
  sender: { api: 'Sent', label: 'Active (sent)' },
  receiver: { api: 'Received', label: 'Active (received)' },
} as const satisfies Record<RecordShareSide, PnrcStatusView>;

const inactive = (label: string): Record<RecordShareSide, PnrcStatusView> => ({
  sender: { api: 'Inactive', label },
  receiver: { api: 'Inactive', label },
});

/** PNRC Status API value and label for each lifecycle state and side (REC-1). */
export const RECORD_SHARE_STATUS: Readonly<
  Record<RecordShareState, Readonly<Record<RecordShareSide, PnrcStatusView>>>
> = {
  pending: {
    sender: { api: 'Pending', label: 'Pending (sent)' },
    receiver: { api: 'Pending', label: 'Pending' },
  },
  accepted: active,
  synced: active,
  updating: active,
  failed: active,
  stopped: inactive('Inactive'),
  deleted: inactive('Inactive (deleted)'),
  converted: inactive('Inactive (converted)'),
  rejected: inactive('Inactive'),
};

export function recordShareStatus(state: RecordShareState, side: RecordShareSide): PnrcStatusView {
  return RECORD_SHARE_STATUS[state][side];
}
