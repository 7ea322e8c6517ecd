import type { FieldValue } from '../domain/index.ts';
import type { RecordShareState } from '../machines/states.ts';
import type { RecordId } from './org.ts';

/** What a receiver holds for a record forwarded to it but not yet accepted (REC-2). */
export interface PendingPayload {
  partnerObject: string;
  values: Record<string, FieldValue>;
  /** Edit stamps of the values, carried so acceptance keeps them. */
  editedAt: Record<string, number>;
  origin: string;
  parentShareKey: string | null;
  receivedAt: number;
}

/** One org's row for one shared record on one connection (PartnerNetworkRecordConnection). */
export interface PartnerNetworkRecordConnection {
  Id: string;
  ConnectionId: string;
  /** Null on the receiver until the record is accepted. */
  LocalRecordId: RecordId | null;
  ParentRecordId: RecordId | null;
  RelatedRecords: string;
  SendClosedTasks: boolean;
  SendOpenTasks: boolean;
  SendEmails: boolean;
  StartDate: number | null;
  EndDate: number | null;
  side: 'sender' | 'receiver';
  state: RecordShareState;
  /** Sandbox-wide id of this share, the same on both sides. */
  shareKey: string;
  object: string;
  /** The object's API name in the partner org (the subscription is keyed by it). */
  partnerObject: string;
  pending: PendingPayload | null;
  lastError: string | null;
}
