import type { FieldValue } from '../domain/index.ts';
import type { RecordId, UserId } from './org.ts';
import type { PartnerNetworkRecordConnection } from './recordConnection.ts';

/**
 * One field's values and stamps, interleaved: see `RecordTable.fields`. A stamp is held as its
 * parts (`editedAt`, `origin`, `via`), all plain values.
 */
export type FieldColumn = (FieldValue | undefined)[];

/** When a record was last saved and by whom (SYNC-7). */
export interface Modified {
  at: number;
  by: UserId;
}

/**
 * One object's records in one org, held by column: record n of the object (its id's counter)
 * is row n - 1 of every column. Sync touches one field of one record per update; by column
 * that is one array slot for the value and one for the stamp, where a record object costs a
 * chain of cold objects (record, fields, stamps). Rows are never reused: a deleted record
 * leaves its row empty.
 */
export interface RecordTable {
  object: string;
  keyPrefix: string;
  Id: (RecordId | undefined)[];
  OwnerId: UserId[];
  CreatedDate: number[];
  CreatedById: UserId[];
  /**
   * LastModifiedDate and LastModifiedById in one slot: every save writes both, and one cold
   * slot per save instead of two made the sync path 6 % faster. The pairs are shared, so
   * never changed in place.
   */
  LastModified: (Modified | undefined)[];
  /** REC-3: the local connection the record was received through. */
  ConnectionReceivedId: (string | null)[];
  IsConverted: boolean[];
  /**
   * Field API name → per row, four slots from 4 × row: the value, then where it came from (its
   * stamp) as `editedAt`, `origin` and `via` (empty for a local edit). A save writes all four,
   * so side by side they share a cache line, and reading a stamp follows no pointer. A hole is
   * a field never set on that record. (Format 5 held a stamp object at 2 × row + 1.)
   */
  fields: Record<string, FieldColumn>;
  /** The record's PNRCs, oldest first: derived from the org's PNRCs (see shareIndex.ts). */
  shares: (PartnerNetworkRecordConnection[] | undefined)[];
}
