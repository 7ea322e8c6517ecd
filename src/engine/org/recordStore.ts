import type { FieldValue } from '../domain/index.ts';
import type { FieldStamp, OrgState, RecordId, SObjectRecord } from '../state/org.ts';
import type { RecordTable } from '../state/recordTable.ts';

// Engine ids are `<3-char key prefix><org tag><11-digit counter>`; the counter is the row + 1.
const PREFIX = 3;
const COUNTER_AT = 4;
const ID_LENGTH = 15;

/** The row of an engine id, or -1 when the id is not one of the engine's. */
export function rowOf(id: string): number {
  if (typeof id !== 'string' || id.length !== ID_LENGTH) return -1;
  let n = 0;
  for (let i = COUNTER_AT; i < ID_LENGTH; i++) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n - 1;
}

/** The table holding a record id's object, if the org has one for its key prefix. */
export function tableOf(org: OrgState, id: string): RecordTable | undefined {
  if (typeof id !== 'string' || id.length !== ID_LENGTH) return undefined;
  const tables = org.records;
  // Most orgs hold a handful of tables: comparing prefixes beats building a key per lookup.
  for (const k in tables) {
    const t = tables[k]!;
    const p = t.keyPrefix;
    if (
      id.charCodeAt(0) === p.charCodeAt(0) &&
      id.charCodeAt(1) === p.charCodeAt(1) &&
      id.charCodeAt(2) === p.charCodeAt(2)
    )
      return t;
  }
  return undefined;
}

/** Whether the org holds a live record with this id. */
export function hasRecord(org: OrgState, id: string): boolean {
  const t = tableOf(org, id);
  return !!t && t.Id[rowOf(id)] === id;
}

export function emptyTable(object: string, keyPrefix: string): RecordTable {
  return {
    object,
    keyPrefix,
    Id: [],
    OwnerId: [],
    CreatedDate: [],
    CreatedById: [],
    LastModifiedDate: [],
    LastModifiedById: [],
    ConnectionReceivedId: [],
    IsConverted: [],
    fields: {},
    stamps: {},
    shares: [],
  };
}

/**
 * Writes one slot. A column written far past its end would turn into a slow sparse array,
 * so the gap is filled first.
 */
export function setAt<T>(col: (T | undefined)[], row: number, v: T) {
  while (col.length < row) col.push(undefined);
  col[row] = v;
}

/** A field's column, made on first write. */
export function fieldColumn(t: RecordTable, field: string): (FieldValue | undefined)[] {
  let col = t.fields[field];
  if (!col) t.fields[field] = col = [];
  return col;
}

export function stampColumn(t: RecordTable, field: string): (FieldStamp | undefined)[] {
  let col = t.stamps[field];
  if (!col) t.stamps[field] = col = [];
  return col;
}

/** A field's value on a row (undefined when never set). */
export function valueAt(t: RecordTable, row: number, field: string): FieldValue | undefined {
  const col = t.fields[field];
  return col === undefined ? undefined : col[row];
}

export function stampAt(t: RecordTable, row: number, field: string): FieldStamp | undefined {
  const col = t.stamps[field];
  return col === undefined ? undefined : col[row];
}

/** Every field set on a row, as a plain object (for rules off the sync path and for views). */
export function fieldsAt(t: RecordTable, row: number): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const f in t.fields) {
    const v = t.fields[f]![row];
    if (v !== undefined) out[f] = v;
  }
  return out;
}

/** A copy of one record as a plain object; changing it changes nothing in the org. */
export function recordAt(t: RecordTable, row: number): SObjectRecord {
  const stamps: Record<string, FieldStamp> = {};
  for (const f in t.stamps) {
    const s = t.stamps[f]![row];
    if (s !== undefined) stamps[f] = s;
  }
  const rec: SObjectRecord = {
    Id: t.Id[row]!,
    object: t.object,
    OwnerId: t.OwnerId[row]!,
    fields: fieldsAt(t, row),
    CreatedDate: t.CreatedDate[row]!,
    CreatedById: t.CreatedById[row]!,
    LastModifiedDate: t.LastModifiedDate[row]!,
    LastModifiedById: t.LastModifiedById[row]!,
    ConnectionReceivedId: t.ConnectionReceivedId[row] ?? null,
    stamps,
  };
  if (t.IsConverted[row]) rec.IsConverted = true;
  return rec;
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
    let n = 0;
    for (const id of t.Id) if (id) n++;
    if (n) counts.set(t.object, (counts.get(t.object) ?? 0) + n);
  }
  return counts;
}

/** Puts a whole record (new, or replacing the row's record). */
export function putRecord(org: OrgState, rec: SObjectRecord) {
  const row = rowOf(rec.Id);
  if (row < 0) throw new Error(`${rec.Id} is not a record id of this sandbox.`);
  const prefix = rec.Id.slice(0, PREFIX);
  // A record put again (merged on acceptance) keeps its shares.
  const before = org.records[prefix];
  const shares = before?.Id[row] ? before.shares[row] : undefined;
  if (before?.Id[row]) clearRow(org, before, row);
  const t = (org.records[prefix] ??= emptyTable(rec.object, prefix));
  if (shares) setAt(t.shares, row, shares);
  setAt(t.Id, row, rec.Id);
  setAt(t.OwnerId, row, rec.OwnerId);
  setAt(t.CreatedDate, row, rec.CreatedDate);
  setAt(t.CreatedById, row, rec.CreatedById);
  setAt(t.LastModifiedDate, row, rec.LastModifiedDate);
  setAt(t.LastModifiedById, row, rec.LastModifiedById);
  setAt(t.ConnectionReceivedId, row, rec.ConnectionReceivedId);
  setAt(t.IsConverted, row, rec.IsConverted === true);
  for (const f in rec.fields) setAt(fieldColumn(t, f), row, rec.fields[f]!);
  for (const f in rec.stamps) setAt(stampColumn(t, f), row, rec.stamps[f]!);
}

const BASE = [
  'Id',
  'OwnerId',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'ConnectionReceivedId',
  'IsConverted',
] as const;

/**
 * Empties a row: its record is gone and its values are no longer held. Columns are trimmed
 * and dropped when nothing is left in them, so a table holds exactly what its live records
 * need, the same as one rebuilt from those records on reload.
 */
function clearRow(org: OrgState, t: RecordTable, row: number) {
  for (const c of BASE) clearSlot(t[c], row);
  clearSlot(t.shares, row);
  for (const cols of [t.fields, t.stamps])
    for (const f in cols) if (clearSlot(cols[f]!, row)) delete cols[f];
  if (!t.Id.length) delete org.records[t.keyPrefix];
}

/** Clears one slot; true when the column is left empty. */
function clearSlot(col: unknown[], row: number): boolean {
  if (row < col.length) col[row] = undefined;
  while (col.length && col[col.length - 1] === undefined) col.pop();
  return col.length === 0;
}

export function removeRecord(org: OrgState, id: RecordId) {
  const t = tableOf(org, id);
  const row = rowOf(id);
  if (t && t.Id[row] === id) clearRow(org, t, row);
}

/** Salesforce keeps a renamed field's data; only the API name changes. */
export function renameColumn(org: OrgState, object: string, from: string, to: string) {
  for (const k in org.records) {
    const t = org.records[k]!;
    if (t.object !== object) continue;
    for (const cols of [t.fields, t.stamps] as Record<string, unknown[]>[]) {
      if (!cols[from]) continue;
      cols[to] = cols[from]!;
      delete cols[from];
    }
  }
}

/** Tables holding the given records: how saved records come back into an org. */
export function tablesOf(records: Iterable<SObjectRecord>): Record<string, RecordTable> {
  const org = { records: {} } as OrgState;
  for (const r of records) putRecord(org, r);
  return org.records;
}
