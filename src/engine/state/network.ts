import type { FieldDef, FieldValue } from '../domain/index.ts';
import type { LinkSettings } from './settings.ts';
import type { OrgId } from './org.ts';

export type MessageBody =
  | { kind: 'Invitation'; inviterName: string; inviterEmail: string; toEmail: string }
  | { kind: 'InvitationDelivered' }
  | { kind: 'InvitationCancelled' }
  | { kind: 'Decision'; accepted: boolean; partnerName: string }
  | { kind: 'Deactivated' }
  | { kind: 'PublicationChanged'; objects: Record<string, FieldDef[]>; unpublished: string[] }
  | { kind: 'SubscriptionChanged'; objects: string[] }
  | {
      kind: 'RecordForwarded';
      shareKey: string;
      object: string;
      values: Record<string, FieldValue>;
      editedAt: Record<string, number>;
      origin: OrgId;
      parentShareKey: string | null;
      sendEmail: boolean;
    }
  | { kind: 'RecordAccepted'; shareKey: string }
  | { kind: 'RecordRejected'; shareKey: string }
  | {
      kind: 'RecordUpdated';
      shareKey: string;
      changes: Record<string, FieldValue>;
      editedAt: number;
      origin: OrgId;
      /** Per field, the edit time of the value the sender overwrote: spots concurrent edits. */
      basedOn: Record<string, number>;
    }
  | { kind: 'SharingStopped'; shareKey: string; deleteCopy: boolean }
  | { kind: 'RecordDeleted'; shareKey: string }
  | { kind: 'LeadConverted'; shareKey: string };

/**
 * A message on the wire. It carries when it was sent and when it is due, so a view draws it
 * by interpolation and a rewind needs no animation state.
 */
export interface Message {
  id: number;
  wire: string;
  from: OrgId;
  to: OrgId;
  /** Position in its channel, for in-order delivery and de-duplication. */
  chanSeq: number;
  sentAt: number;
  dueAt: number;
  attempts: number;
  duplicate: boolean;
  /** Global tie-breaker: messages due at the same time leave in the order they were queued. */
  seq: number;
  body: MessageBody;
}

/** One direction of one connection's traffic. */
export interface Channel {
  key: string;
  wire: string;
  from: OrgId;
  to: OrgId;
  nextSeq: number;
  /** Receiver side: next chanSeq to apply when in order. */
  expected: number;
  /** Receiver side: arrived early, waiting for the gap to fill (in-order only). */
  buffer: Message[];
  /** Receiver side: chanSeqs applied above `expected`, for de-duplication out of order. */
  applied: number[];
  /** Sender side: messages held while the link is paused or the receiver is offline. */
  held: Message[];
  /** Latest due time handed out, so in-order channels never schedule a message earlier. */
  lastDue: number;
}

export interface NetworkState {
  /**
   * Messages in flight in delivery order (dueAt, then seq). The network keeps its own queue
   * while it runs and writes this on a snapshot; it reads any order back.
   */
  queue: Message[];
  channels: Record<string, Channel>;
  /** Link settings by direction, keyed "from>to". */
  links: Record<string, LinkSettings>;
  nextMessageId: number;
  nextSeq: number;
}
