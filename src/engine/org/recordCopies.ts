import type { FieldValue } from '../domain/index.ts';
import { liveRows } from './liveRows.ts';
import type { FieldStamp, OrgState, RecordId, SObjectRecord } from '../state/org.ts';
import type { RecordTable } from '../state/recordTable.ts';
import { rowOf, stampIn, STRIDE, tableOf, valueIn } from './recordTables.ts';

// Reading records off the sync path: copies as plain objects, for rules, views and saving.

/** Whether the org holds a live record with this id. */
export function hasRecord(org: OrgState, id: string): boolean {
  const t = tableOf(org, id);
  return !!t && t.Id[rowOf(id)] === id;
}

/** Every field set on a row, as a plain object (for rules off the sync path and for views). */
export function fieldsAt(t: RecordTable, row: number): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const f in t.fields) {
    const v = valueIn(t.fields[f], row);
    if (v !== undefined) out[f] = v;
  }
  return out;
}

/** A copy of one record as a plain object; changing it changes nothing in the org. */
export function recordAt(t: RecordTable, row: number): SObjectRecord {
  const stamps: Record<string, FieldStamp> = {};
  for (const f in t.fields) {
    const s = stampIn(t.fields[f], row);
    if (s !== undefined) stamps[f] = s;
  }
  const rec: SObjectRecord = {
    Id: t.Id[row]!,
    object: t.object,
    OwnerId: t.OwnerId[row]!,
    fields: fieldsAt(t, row),
    CreatedDate: t.CreatedDate[row]!,
    CreatedById: t.CreatedById[row]!,
    LastModifiedDate: t.LastModified[row]!.at,
    LastModifiedById: t.LastModified[row]!.by,
    ConnectionReceivedId: t.ConnectionReceivedId[row] ?? null,
    stamps,
  };
  if (t.IsConverted[row]) rec.IsConverted = true;
  return rec;
}

/**
 * Rows [from, to) of a table, copied by column and numbered from 0: cheap (array copies, no
 * record built), and unchanged by later writes to the table, so records can be built from it
 * later (recordAt) as they were now. LastModified pairs are shared, never changed in place.
 */
export function tableRows(t: RecordTable, from: number, to: number): RecordTable {
  const fields: RecordTable['fields'] = {};
  for (const f in t.fields) fields[f] = t.fields[f]!.slice(STRIDE * from, STRIDE * to);
  return {
    object: t.object,
    keyPrefix: t.keyPrefix,
    Id: t.Id.slice(from, to),
    OwnerId: t.OwnerId.slice(from, to),
    CreatedDate: t.CreatedDate.slice(from, to),
    CreatedById: t.CreatedById.slice(from, to),
    LastModified: t.LastModified.slice(from, to),
    ConnectionReceivedId: t.ConnectionReceivedId.slice(from, to),
    IsConverted: t.IsConverted.slice(from, to),
    fields,
    shares: [],
  };
}

/** A copy of a record by id, or undefined when the org has no such record. */
export function recordOf(org: OrgState, id: RecordId): SObjectRecord | undefined {
  const t = tableOf(org, id);
  if (!t) return undefined;
  const row = rowOf(id);
  return t.Id[row] === id ? recordAt(t, row) : undefined;
}

/** Every live record of the org (or of one object), as copies, table by table in row order. */
export function* eachRecord(org: OrgState, object?: string): Generator<SObjectRecord> {
  for (const k in org.records) {
    const t = org.records[k]!;
    if (object && t.object !== object) continue;
    for (let row = 0; row < t.Id.length; row++) if (t.Id[row]) yield recordAt(t, row);
  }
}

/** Every live record id of the org, table by table in row order. */
export function recordIds(org: OrgState): RecordId[] {
  const ids: RecordId[] = [];
  for (const k in org.records) for (const id of org.records[k]!.Id) if (id) ids.push(id);
  return ids;
}

/** How many live records each object has. */
export function recordCounts(org: OrgState): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k in org.records) {
    const t = org.records[k]!;
    const n = liveRows(t);
    if (n) counts.set(t.object, (counts.get(t.object) ?? 0) + n);
  }
  return counts;
}
