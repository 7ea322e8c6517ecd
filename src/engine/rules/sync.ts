import { checkMapping, convertForTarget, validateValue, type FieldValue } from '../domain/index.ts';
import { fieldOf } from '../org/fieldIndex.ts';
import { recordShareTable } from '../machines/index.ts';
import type { PlanBuilder } from '../plan/plan.ts';
import type { PartnerNetworkConnection } from '../state/connection.ts';
import type { ChangeSource, FieldStamp, OrgState, SObjectRecord } from '../state/org.ts';
import type { PartnerNetworkRecordConnection } from '../state/recordConnection.ts';

const ACTIVE = new Set(['accepted', 'synced', 'updating', 'failed']);
export const isActiveShare = (p: PartnerNetworkRecordConnection) => ACTIVE.has(p.state);

export interface Origin {
  editedAt: number;
  origin: string;
  /** Local PNC id the change arrived through; absent for a local edit. */
  via?: string;
}

/**
 * Writes changes onto a record: new record object, one history entry per changed field
 * (SYNC-7), and per-field stamps. Returns the new record and the fields that really changed.
 */
export function writeChanges(
  b: PlanBuilder,
  org: OrgState,
  rec: SObjectRecord,
  changes: Record<string, FieldValue>,
  source: ChangeSource,
  origin: Origin,
): { record: SObjectRecord; changed: string[]; before: Record<string, FieldStamp | undefined> } {
  const now = b.ctx.now;
  const fields = { ...rec.fields };
  const stamps = { ...rec.stamps };
  const changed: string[] = [];
  const before: Record<string, FieldStamp | undefined> = {};
  for (const name in changes) {
    const v = changes[name]!;
    if (fields[name] === v) continue;
    b.push({
      op: 'history',
      org: org.id,
      entry: {
        at: now,
        recordId: rec.Id,
        field: name,
        oldValue: fields[name] ?? null,
        newValue: v,
        source,
      },
    });
    before[name] = stamps[name];
    fields[name] = v;
    stamps[name] = origin.via
      ? { editedAt: origin.editedAt, origin: origin.origin, via: origin.via }
      : { editedAt: origin.editedAt, origin: origin.origin };
    changed.push(name);
  }
  const record = changed.length
    ? { ...rec, fields, stamps, LastModifiedDate: now, LastModifiedById: source.by }
    : rec;
  if (changed.length) b.push({ op: 'putRecord', org: org.id, record });
  return { record, changed, before };
}

/**
 * Workflow field updates (SYNC-6): run after a save that changed their trigger field. The
 * changes are made by automation and stamped as local edits.
 */
export function runAutomations(
  b: PlanBuilder,
  org: OrgState,
  rec: SObjectRecord,
  changed: string[],
): { record: SObjectRecord; changed: string[] } {
  if (!org.automations.length) return { record: rec, changed: [] };
  const updates: Record<string, FieldValue> = {};
  for (const a of org.automations) {
    if (a.object === rec.object && changed.includes(a.whenField)) updates[a.setField] = a.value;
  }
  if (!Object.keys(updates).length) return { record: rec, changed: [] };
  const w = writeChanges(
    b,
    org,
    rec,
    updates,
    { by: rec.LastModifiedById, automation: true },
    { editedAt: b.ctx.now, origin: org.id },
  );
  return { record: w.record, changed: w.changed };
}

/**
 * Sends a record's changed fields on every active share, limited to the fields this org
 * publishes on that connection (SYNC-1). `skipConnection` is where an inbound change came
 * from: no echo back (SYNC-6).
 */
export function sendUpdates(
  b: PlanBuilder,
  org: OrgState,
  rec: SObjectRecord,
  changed: string[],
  origin: { editedAt: number; origin: string },
  before: Record<string, FieldStamp | undefined>,
  skipConnection?: string,
) {
  const shareIds = org.recordShares[rec.Id];
  if (!shareIds || !changed.length) return;
  for (const id of shareIds) {
    const pnrc = org.recordConnections[id];
    if (!pnrc || !isActiveShare(pnrc) || pnrc.ConnectionId === skipConnection) continue;
    const pnc = org.connections[pnrc.ConnectionId];
    if (!pnc || pnc.ConnectionStatus !== 'Accepted') continue;
    const published = pnc.publications[rec.object];
    if (!published) continue;
    let changes: Record<string, FieldValue> | null = null;
    let basedOn: Record<string, number> | null = null;
    for (const f of changed) {
      if (!published.includes(f)) continue;
      (changes ??= {})[f] = rec.fields[f] ?? null;
      (basedOn ??= {})[f] = before[f]?.editedAt ?? -1;
    }
    if (!changes) continue;
    b.send(org, pnc, {
      kind: 'RecordUpdated',
      shareKey: pnrc.shareKey,
      changes,
      editedAt: origin.editedAt,
      origin: origin.origin,
      basedOn: basedOn!,
    });
  }
}

/**
 * The fields a receiver writes for a partner's values, through its own subscription: mapped,
 * converted (SUB-3) and validated. A mapping to a field that is gone fails (SUB-4).
 */
export function mapInbound(
  org: OrgState,
  pnc: PartnerNetworkConnection,
  partnerObject: string,
  values: Record<string, FieldValue>,
): { ok: true; values: Record<string, FieldValue> } | { ok: false; reason: string; rule: string } {
  const sub = pnc.subscriptions[partnerObject];
  if (!sub)
    return {
      ok: false,
      rule: 'PUB-4',
      reason: `${org.name} no longer subscribes to ${partnerObject}.`,
    };
  const obj = org.schema[sub.localObject];
  const sourceDefs = pnc.partnerPublications[partnerObject];
  const out: Record<string, FieldValue> = {};
  for (const f in values) {
    const target = sub.mapping[f];
    if (!target) continue;
    const def = fieldOf(obj, target);
    if (!def)
      return {
        ok: false,
        rule: 'SUB-4',
        reason: `Field mapping broken: ${partnerObject}.${f} maps to ${sub.localObject}.${target}, which no longer exists.`,
      };
    const source = sourceDefs?.find((x) => x.apiName === f);
    if (source) {
      const compatible = checkMapping(source, def);
      if (!compatible.ok)
        return { ok: false, rule: 'SYNC-5', reason: `${def.label}: ${compatible.reason}` };
    }
    const v = validateValue(def, source ? convertForTarget(source, def, values[f]!) : values[f]!);
    if (!v.ok) return { ok: false, rule: 'SYNC-5', reason: v.reason };
    out[target] = v.value;
  }
  return { ok: true, values: out };
}

export function nextShareState(
  p: PartnerNetworkRecordConnection,
  ...events: Parameters<typeof recordShareTable.next>[1][]
) {
  let s = p.state;
  for (const e of events) s = recordShareTable.next(s, e) ?? s;
  return s;
}
