import type { MessageBody } from '../../engine/state/network.ts';

const INDEX: Record<MessageBody['kind'], number> = {
  RecordForwarded: 0,
  RecordUpdated: 1,
  RecordAccepted: 2,
  RecordRejected: 3,
  SharingStopped: 3,
  RecordDeleted: 3,
  LeadConverted: 3,
  Invitation: 4,
  InvitationDelivered: 4,
  InvitationCancelled: 4,
  Decision: 4,
  Deactivated: 4,
  PublicationChanged: 5,
  SubscriptionChanged: 5,
};

/** Index into TOKEN_KINDS of a message body's family. */
export function kindIndex(body: MessageBody): number {
  return INDEX[body.kind] ?? 4;
}

/** A message in a few words: "Update Phone, Name", "Share Account", "Decision (accepted)". */
export function tokenText(body: MessageBody): string {
  switch (body.kind) {
    case 'RecordForwarded':
      return `Share ${body.object}`;
    case 'RecordUpdated':
      return `Update ${Object.keys(body.changes).join(', ') || '(no fields)'}`;
    case 'RecordAccepted':
      return 'Accepted';
    case 'RecordRejected':
      return 'Rejected';
    case 'SharingStopped':
      return 'Stop sharing';
    case 'RecordDeleted':
      return 'Deleted';
    case 'LeadConverted':
      return 'Lead converted';
    case 'Decision':
      return body.accepted ? 'Invitation accepted' : 'Invitation declined';
    default:
      return body.kind;
  }
}

/** The share a message is about, for messages about one shared record. */
export function shareKeyOf(body: MessageBody): string | null {
  return 'shareKey' in body ? body.shareKey : null;
}
