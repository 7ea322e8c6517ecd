import { sharesOf } from '../org/shareIndex.ts';
import { eachRecord, recordOf } from '../org/recordCopies.ts';
import { recordName } from '../org/recordName.ts';
import { CONNECTION_STATUS_LABELS, recordShareStatus } from '../machines/states.ts';
import type { FieldValue } from '../domain/index.ts';
import { canRead, fieldHidden } from '../rules/access.ts';
import type { OrgState } from '../state/org.ts';
import type { Message } from '../state/network.ts';
import type { PartnerNetworkConnection } from '../state/connection.ts';

/** What a user of the org sees of its records: visibility (SHR-1) and field-level security (SHR-2). */
export function recordsView(org: OrgState, opts: { object?: string; as?: string } = {}) {
  const u = opts.as ? org.users[opts.as] : undefined;
  const out = [];
  for (const r of eachRecord(org, opts.object)) {
    if (u && !canRead(org, u, r)) continue;
    let fields: Record<string, FieldValue> = r.fields;
    if (u)
      fields = Object.fromEntries(
        Object.entries(r.fields).filter(([f]) => !fieldHidden(org, u, r.object, f)),
      );
    out.push({ ...r, fields });
  }
  return out;
}

export function externalSharing(org: OrgState, recordId: string) {
  return sharesOf(org, recordId)
    .map((p) => pnrcView(org, p.Id))
    .filter((x) => x !== null);
}

export function pnrcView(org: OrgState, id: string) {
  const p = org.recordConnections[id];
  if (!p) return null;
  const status = recordShareStatus(p.state, p.side);
  const pnc = org.connections[p.ConnectionId];
  return {
    ...p,
    Status: status.api,
    StatusLabel: status.label,
    ConnectionName: pnc?.ConnectionName ?? '',
  };
}

export function recordDetail(org: OrgState, id: string) {
  const r = recordOf(org, id);
  if (!r) return null;
  const receivedFrom = r.ConnectionReceivedId ? org.connections[r.ConnectionReceivedId] : undefined;
  return {
    record: r,
    history: org.history.filter((h) => h.recordId === id),
    externalSharing: externalSharing(org, id),
    /** REC-3: the origin shown in the record header; "Shared" only while a share is live (REC-4). */
    sharingStatus: receivedFrom
      ? `Received from ${receivedFrom.ConnectionName}`
      : sharesOf(org, id).some((p) => recordShareStatus(p.state, p.side).api !== 'Inactive')
        ? 'Shared'
        : null,
  };
}

/**
 * When a connection took its status: the decision date once decided; otherwise every status
 * change writes a Connection History line, and a connection not live changes nothing else, so
 * its last line dates its status.
 */
export function statusSince(c: PartnerNetworkConnection): number {
  const decided = c.ConnectionStatus === 'Rejected' || c.ConnectionStatus === 'Accepted';
  if (decided && c.ResponseDate !== null) return c.ResponseDate;
  return c.history.at(-1)?.at ?? c.CreatedDate;
}

export function connectionsView(org: OrgState) {
  return Object.values(org.connections).map((c) => ({
    ...c,
    StatusLabel: CONNECTION_STATUS_LABELS[c.ConnectionStatus],
    StatusSince: statusSince(c),
  }));
}

/** REC-2: the "<Object>s from Connections" lists. */
export function inboxView(org: OrgState, object?: string) {
  return Object.values(org.recordConnections)
    .filter(
      (p) =>
        p.side === 'receiver' &&
        p.state === 'pending' &&
        p.pending &&
        (!object || p.pending.partnerObject === object),
    )
    .map((p) => ({
      ...pnrcView(org, p.Id)!,
      ConnectionName: org.connections[p.ConnectionId]?.ConnectionName ?? '',
    }));
}

/** HLT-1: one row per connection. `outbound` are this org's messages still on the wire. */
/** A record's name, or null when it has none or is gone (the Id then stands alone). */
function nameOf(org: OrgState, id: string | null): string | null {
  const rec = id ? recordOf(org, id) : undefined;
  if (!rec || !id) return null;
  const name = recordName(org.schema[rec.object], id, rec.fields);
  return name === id ? null : name;
}

export function healthView(org: OrgState, outbound: Message[]) {
  return Object.values(org.connections).map((c) => {
    const pnrcs = Object.values(org.recordConnections).filter((p) => p.ConnectionId === c.Id);
    return {
      connectionId: c.Id,
      ConnectionName: c.ConnectionName,
      status: c.ConnectionStatus,
      statusLabel: CONNECTION_STATUS_LABELS[c.ConnectionStatus],
      statusSince: statusSince(c),
      pendingAcceptance: pnrcs.filter((p) => p.state === 'pending').length,
      messagesInFlight: outbound.filter((m) => m.wire === c.wire).length,
      // Named as Salesforce names a record, its Id beside the name (the Id alone once deleted).
      failed: org.failures
        .filter((f) => f.connectionId === c.Id)
        .map((f) => ({ ...f, recordName: nameOf(org, f.recordId) })),
      failedRecords: pnrcs
        .filter((p) => p.state === 'failed')
        .map((p) => ({ recordId: p.LocalRecordId, reason: p.lastError })),
      lastLagMs: c.stats.lastLagMs,
      averageLagMs: c.stats.appliedUpdates ? c.stats.totalLagMs / c.stats.appliedUpdates : null,
      appliedUpdates: c.stats.appliedUpdates,
      lastActivity: c.stats.lastActivity,
    };
  });
}
