import type { FieldValue } from '../domain/index.ts';
import type { ChangeSource, FieldStamp, OrgState, RecordId, SObjectRecord } from '../state/org.ts';
import type { RecordTable } from '../state/recordTable.ts';
import {
  emptyTable,
  fieldColumn,
  PREFIX,
  putStampIn,
  rowOf,
  setAt,
  STRIDE,
  tableOf,
  valueIn,
  writeIn,
} from './recordTables.ts';
import { modifiedFor } from './interned.ts';
import { rowEmptied, rowFilled } from './liveRows.ts';

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
  rowFilled(t);
  setAt(t.OwnerId, row, rec.OwnerId);
  setAt(t.CreatedDate, row, rec.CreatedDate);
  setAt(t.CreatedById, row, rec.CreatedById);
  setAt(t.LastModified, row, modifiedFor(rec.LastModifiedDate, rec.LastModifiedById));
  setAt(t.ConnectionReceivedId, row, rec.ConnectionReceivedId);
  setAt(t.IsConverted, row, rec.IsConverted === true);
  for (const f in rec.fields) setAt(fieldColumn(t, f), STRIDE * row, rec.fields[f]!);
  for (const f in rec.stamps) putStampIn(fieldColumn(t, f), row, rec.stamps[f]!);
}

/**
 * Saves values onto a row where the record is held: each value with its stamp, a field
 * history entry for each edited field (SYNC-7), and the record's last-modified columns.
 * Formula values (`computed`) are written without history; a save of formulas alone is no
 * edit of the record.
 */
export function writeFields(
  org: OrgState,
  t: RecordTable,
  row: number,
  values: Record<string, FieldValue>,
  stamp: FieldStamp,
  source: ChangeSource,
  now: number,
  computed?: string[],
) {
  const id = t.Id[row]!;
  let edited = 0;
  for (const f in values) {
    const v = values[f]!;
    const col = fieldColumn(t, f);
    if (!computed?.includes(f)) {
      edited++;
      org.history.push({
        at: now,
        recordId: id,
        field: f,
        oldValue: valueIn(col, row) ?? null,
        newValue: v,
        source,
      });
    }
    writeIn(col, row, v, stamp);
  }
  // Not interned: an arrival is saved at its own due time, so a shared pair would rarely
  // match and each save would pay a map write (measured: 17 % of the sync path).
  if (edited || !computed) t.LastModified[row] = { at: now, by: source.by };
}

const BASE = [
  'Id',
  'OwnerId',
  'CreatedDate',
  'CreatedById',
  'LastModified',
  'ConnectionReceivedId',
  'IsConverted',
] as const;

/**
 * Empties a row: its record is gone and its values are no longer held. Columns are trimmed
 * and dropped when nothing is left in them, so a table holds exactly what its live records
 * need, the same as one rebuilt from those records on reload.
 */
function clearRow(org: OrgState, t: RecordTable, row: number) {
  if (t.Id[row]) rowEmptied(t);
  for (const c of BASE) clearSlot(t[c], row);
  clearSlot(t.shares, row);
  for (const f in t.fields) if (clearSlots(t.fields[f]!, STRIDE * row, STRIDE)) delete t.fields[f];
  if (!t.Id.length) delete org.records[t.keyPrefix];
}

/** Clears one slot; true when the column is left empty. */
function clearSlot(col: unknown[], row: number): boolean {
  return clearSlots(col, row, 1);
}

/** Clears `n` slots from `at`, then trims the column's end; true when it is left empty. */
function clearSlots(col: unknown[], at: number, n: number): boolean {
  for (let i = at; i < at + n && i < col.length; i++) col[i] = undefined;
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
    if (!t.fields[from]) continue;
    t.fields[to] = t.fields[from]!;
    delete t.fields[from];
  }
}

/** Tables holding the given records: how saved records come back into an org. */
export function tablesOf(records: Iterable<SObjectRecord>): Record<string, RecordTable> {
  const org = { records: {} } as OrgState;
  for (const r of records) putRecord(org, r);
  return org.records;
}
