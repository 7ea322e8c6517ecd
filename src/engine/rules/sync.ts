import { evaluateFormula, type FieldValue } from '../domain/index.ts';
import { recordShareTable } from '../machines/states.ts';
import type { PlanBuilder } from '../plan/plan.ts';
import { formulasOf, type Formula } from '../org/formulas.ts';
import { sourceFor, stampFor } from '../org/interned.ts';
import type { ChangeSource, OrgState } from '../state/org.ts';
import type { RecordTable } from '../state/recordTable.ts';
import { fieldsAt } from '../org/recordCopies.ts';
import { editedAtIn, stampAt, valueAt, valueIn } from '../org/recordTables.ts';
import type { PartnerNetworkRecordConnection } from '../state/recordConnection.ts';
import type { PartnerNetworkConnection } from '../state/connection.ts';
import type { MessageBody } from '../state/network.ts';

/** A share that carries updates: accepted and not ended. */
export function isActiveShare(p: PartnerNetworkRecordConnection): boolean {
  const s = p.state;
  return s === 'synced' || s === 'accepted' || s === 'updating' || s === 'failed';
}

export interface Origin {
  editedAt: number;
  origin: string;
  /** Local PNC id the change arrived through; absent for a local edit. */
  via?: string;
}

/** What a save wrote: only the fields whose value really changed. */
export interface Written {
  recordId: string;
  object: string;
  /** How many fields changed: the keys of `values`. */
  count: number;
  values: Record<string, FieldValue>;
  /** Per changed field, the edit time of the value it replaced (-1 if never set). */
  basedOn: Record<string, number>;
  /** The record's PNRCs, which the change goes out on. */
  shares: readonly PartnerNetworkRecordConnection[] | undefined;
}

/**
 * What a save of `changes` would write on a row: only the values that really change, each
 * with the edit time of the value it replaces. When every value changes, the given object
 * is used as it is instead of copied (nothing writes to it later). `pending` holds values
 * of the same save not yet on the row.
 */
export function changedFields(
  t: RecordTable,
  row: number,
  changes: Record<string, FieldValue>,
  pending?: Record<string, FieldValue>,
): Written {
  const basedOn: Record<string, number> = {};
  let count = 0;
  let skipped = false;
  for (const name in changes) {
    const col = t.fields[name];
    const current = pending && name in pending ? pending[name] : valueIn(col, row);
    if (current === changes[name]) {
      skipped = true;
      continue;
    }
    basedOn[name] = editedAtIn(col, row) ?? -1;
    count++;
  }
  let values = changes;
  if (skipped) {
    values = {};
    for (const name in basedOn) values[name] = changes[name]!;
  }
  return { recordId: t.Id[row]!, object: t.object, count, values, basedOn, shares: t.shares[row] };
}

/**
 * Writes changes onto a record as one op: values, per-field stamps, and one history entry
 * per changed field (SYNC-7) are made when the op is applied. Unchanged values are skipped.
 */
export function writeChanges(
  b: PlanBuilder,
  org: OrgState,
  t: RecordTable,
  row: number,
  changes: Record<string, FieldValue>,
  source: ChangeSource,
  origin: Origin,
  pending?: Record<string, FieldValue>,
): Written {
  const w = changedFields(t, row, changes, pending);
  // Text formulas that read a changed field change with it; they are sent like any field.
  let computed: string[] | undefined;
  if (w.count)
    for (const fx of formulasOf(org.schema[t.object])) {
      if (!readsAny(fx, w.basedOn)) continue;
      const value = evaluateFormula(fx.terms, { ...fieldsAt(t, row), ...pending, ...w.values });
      if (value === (valueAt(t, row, fx.field) ?? null)) continue;
      if (w.values === changes) w.values = { ...changes };
      w.values[fx.field] = value;
      w.basedOn[fx.field] = stampAt(t, row, fx.field)?.editedAt ?? -1;
      w.count++;
      (computed ??= []).push(fx.field);
    }
  if (w.count) {
    b.push({
      op: 'setFields',
      org: org.id,
      id: w.recordId,
      values: w.values,
      stamp: stampFor(origin.editedAt, origin.origin, origin.via),
      source: sourceFor(source),
      computed,
    });
  }
  return w;
}

/** Whether a text formula reads any of the given fields. */
export function readsAny(fx: Formula, fields: Record<string, unknown>): boolean {
  for (const name in fields) if (fx.inputs.has(name)) return true;
  return false;
}

/**
 * Workflow field updates (SYNC-6): run after a save that changed their trigger field. The
 * changes are made by automation and stamped as local edits.
 */
export function runAutomations(
  b: PlanBuilder,
  org: OrgState,
  t: RecordTable,
  row: number,
  w: Written,
): Written | null {
  if (!org.automations.length || !w.count) return null;
  const updates: Record<string, FieldValue> = {};
  let any = false;
  for (const a of org.automations) {
    if (a.object === t.object && Object.hasOwn(w.values, a.whenField)) {
      updates[a.setField] = a.value;
      any = true;
    }
  }
  if (!any) return null;
  const auto = writeChanges(
    b,
    org,
    t,
    row,
    updates,
    { by: t.LastModified[row]!.by, automation: true },
    { editedAt: b.ctx.now, origin: org.id },
    w.values,
  );
  return auto.count ? auto : null;
}

/** Where updates go: a plan collects them, the sync kernel sends them at once. */
export interface UpdateSink {
  send(org: OrgState, pnc: PartnerNetworkConnection, body: MessageBody): unknown;
}

/**
 * Sends a save's changed fields on every active share of the record, limited to the fields
 * this org publishes on that connection (SYNC-1). `cameThrough` is the share an inbound
 * change came from: no echo back (SYNC-6).
 */
export function sendUpdates(
  b: UpdateSink,
  org: OrgState,
  w: Written,
  origin: { editedAt: number; origin: string },
  cameThrough?: PartnerNetworkRecordConnection,
) {
  const shares = w.shares;
  if (!shares || !w.count) return;
  const skipConnection = cameThrough?.ConnectionId;
  for (let i = 0; i < shares.length; i++) {
    const pnrc = shares[i]!;
    // A sender's share still pending acceptance sends too: the receiver keeps the newest values.
    if (pnrc.ConnectionId === skipConnection || pnrc.Id === cameThrough?.Id) continue;
    if (!isActiveShare(pnrc) && !(pnrc.state === 'pending' && pnrc.side === 'sender')) continue;
    const pnc = org.connections[pnrc.ConnectionId];
    if (!pnc || pnc.ConnectionStatus !== 'Accepted') continue;
    const published = pnc.publications[w.object];
    if (!published) continue;
    // Usually every changed field is published: then the written values go out as they are.
    let sent = 0;
    for (const f in w.values) if (published.includes(f)) sent++;
    if (!sent) continue;
    let changes = w.values;
    let basedOn = w.basedOn;
    if (sent < w.count) {
      changes = {};
      basedOn = {};
      for (const f in w.values) {
        if (!published.includes(f)) continue;
        changes[f] = w.values[f]!;
        basedOn[f] = w.basedOn[f]!;
      }
    }
    b.send(org, pnc, {
      kind: 'RecordUpdated',
      shareKey: pnrc.shareKey,
      changes,
      editedAt: origin.editedAt,
      origin: origin.origin,
      basedOn,
    });
  }
}

export function nextShareState(
  p: PartnerNetworkRecordConnection,
  ...events: Parameters<typeof recordShareTable.next>[1][]
) {
  let s = p.state;
  for (const e of events) s = recordShareTable.next(s, e) ?? s;
  return s;
}
