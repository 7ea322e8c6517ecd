import type { FieldValue } from '../domain/index.ts';
import { recordAt } from '../org/recordCopies.ts';
import { rowOf, tableOf, valueAt } from '../org/recordTables.ts';
import { connectionOnWire } from '../rules/inbound.ts';
import { isActiveShare } from '../rules/sync.ts';
import type { OrgState } from '../state/org.ts';
import type { PartnerNetworkRecordConnection as PNRC } from '../state/recordConnection.ts';
import { recordName } from './recordList.ts';

/**
 * The reads of an org's records and shares that the canvas's record rows and message cards
 * make. Handed to them rather than imported, so their code loads on demand without taking
 * the engine's record helpers along.
 */
export interface ShareReads {
  value(
    org: OrgState | undefined,
    id: string | null | undefined,
    field: string,
  ): FieldValue | undefined;
  /** A shared record's name in an org: its copy's, or as forwarded while it waits. */
  name(org: OrgState, p: PNRC): string;
  /** A record's name from the values a message carries (the partner's field names). */
  valuesName(v: Record<string, FieldValue>): string;
  /** The receiver's field mapping for a partner object, on the connection over `wire`. */
  mapping(
    org: OrgState,
    wire: string,
    partnerObject: string,
  ): Record<string, string | null> | undefined;
  /** Whether a share is accepted and live (updates flow). */
  active(p: PNRC): boolean;
}

const text = (v: FieldValue | undefined) => (v === null || v === undefined ? '' : String(v));

function valuesName(v: Record<string, FieldValue>): string {
  return text(v.Name) || [text(v.FirstName), text(v.LastName)].join(' ').trim();
}

function value(org: OrgState | undefined, id: string | null | undefined, field: string) {
  if (!org || !id) return undefined;
  const t = tableOf(org, id);
  const row = rowOf(id);
  return t && t.Id[row] === id ? valueAt(t, row, field) : undefined;
}

function name(org: OrgState, p: PNRC): string {
  if (p.LocalRecordId) {
    const t = tableOf(org, p.LocalRecordId);
    const row = rowOf(p.LocalRecordId);
    if (t && t.Id[row] === p.LocalRecordId) {
      const r = recordAt(t, row);
      return recordName(org.schema[r.object], r.Id, r.fields);
    }
    return p.LocalRecordId;
  }
  return valuesName(p.pending?.values ?? {}) || p.Id;
}

export const SHARE_READS: ShareReads = {
  value,
  name,
  valuesName,
  mapping: (org, wire, partnerObject) =>
    connectionOnWire(org, wire)?.subscriptions[partnerObject]?.mapping,
  active: isActiveShare,
};
