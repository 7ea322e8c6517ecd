import type { PartnerNetworkRecordConnection } from '../state/recordConnection.ts';

/**
 * The PNRC an org keeps: a copy with every field in one order, made by this one literal.
 * Rules build PNRCs with spreads in a dozen places and a restore reads them from saved data,
 * which gave them several hidden classes in V8; the sync path reads a PNRC in a dozen places,
 * and each of those reads then went through a megamorphic lookup. One literal, one class.
 */
export function keptPnrc(p: PartnerNetworkRecordConnection): PartnerNetworkRecordConnection {
  return {
    Id: p.Id,
    ConnectionId: p.ConnectionId,
    LocalRecordId: p.LocalRecordId,
    ParentRecordId: p.ParentRecordId,
    RelatedRecords: p.RelatedRecords,
    SendClosedTasks: p.SendClosedTasks,
    SendOpenTasks: p.SendOpenTasks,
    SendEmails: p.SendEmails,
    StartDate: p.StartDate,
    EndDate: p.EndDate,
    side: p.side,
    state: p.state,
    shareKey: p.shareKey,
    object: p.object,
    partnerObject: p.partnerObject,
    pending: p.pending,
    lastError: p.lastError,
  };
}
